package contract_test

import (
	"strings"
	"testing"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/contract"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// The objects of Serverless, Studio and Flex Flows: the Flex seeds, on
// Twilio's hosts (seeded before Start), and one of each type with every
// nullable field null.
var (
	zs       = emulator.FlexSeedSid(acct, "ZS", "default")
	zeDev    = emulator.FlexSeedSid(acct, "ZE", "dev")
	zeProd   = emulator.FlexSeedSid(acct, "ZE", "prod")
	zh       = emulator.FlexSeedSid(acct, "ZH", "/hello")
	fw       = emulator.FlexSeedSid(acct, "FW", "Voice IVR")
	foSMS    = emulator.FlexSeedSid(acct, "FO", "Flex Messaging Channel Flow")
	foWeb    = emulator.FlexSeedSid(acct, "FO", "Flex Web Channel Flow")
	nullZS   = "ZS00000000000000000000000000000002"
	nullZE   = "ZE00000000000000000000000000000002"
	nullZH   = "ZH00000000000000000000000000000002"
	nullFW   = "FW00000000000000000000000000000002"
	nullFO   = "FO00000000000000000000000000000002"
	bigFW    = "FW00000000000000000000000000000003"
	unknownZ = "ZS00000000000000000000000000000009"
)

func newFlexFamily() *emulator.Server {
	emu := newFamily()
	emu.SeedFlexServerless()
	emu.SeedFlexStudio()
	// withNulls is the object's fields, every one null but its sid and
	// those given; nulls is the full object it takes the field names from.
	withNulls := func(full map[string]any, sid string, kept map[string]any) map[string]any {
		m := map[string]any{}
		for k := range full {
			m[k] = nil
		}
		m["sid"] = sid
		for k, v := range kept {
			m[k] = v
		}
		return m
	}
	emu.PutServerlessService(withNulls(emulator.NewServerlessService("", acct, zs, "x", "x"), nullZS, nil))
	emu.PutEnvironment(zs, withNulls(emulator.NewEnvironment("", acct, zs, zeDev, "x", "x", "x"), nullZE, nil))
	emu.PutFunction(zs, withNulls(emulator.NewFunction("", acct, zs, zh, "x"), nullZH, nil))
	// status and revision are the flow's fields that are not nullable;
	// channel_type and integration_type the Flex Flow's.
	emu.PutStudioFlow(withNulls(emulator.NewStudioFlow("", acct, fw, "x", nil), nullFW, map[string]any{"status": "draft", "revision": 0}))
	emu.PutFlexFlow(withNulls(emulator.NewFlexFlow("", acct, foSMS, "x", svc, "sms", fw), nullFO, map[string]any{"channel_type": "custom", "integration_type": "external"}))
	emu.PutStudioFlow(emulator.NewStudioFlow("https://studio.twilio.com", acct, bigFW, "big", map[string]any{"initial_state": "Trigger", "padding": strings.Repeat("x", 1<<20)}))
	return emu
}

func TestSpecs_schemasOfTheFlexProducts(t *testing.T) {
	sp := loadSpecs(t)
	for spec, want := range map[*contract.Spec]map[string]string{
		sp.serverless: {
			"/v1/Services/{Sid}":                                  "serverless.v1.service",
			"/v1/Services#services":                               "serverless.v1.service",
			"/v1/Services/{ServiceSid}/Environments/{Sid}":        "serverless.v1.service.environment",
			"/v1/Services/{ServiceSid}/Environments#environments": "serverless.v1.service.environment",
			"/v1/Services/{ServiceSid}/Functions/{Sid}":           "serverless.v1.service.function",
			"/v1/Services/{ServiceSid}/Functions#functions":       "serverless.v1.service.function",
		},
		sp.studio: {"/v2/Flows/{Sid}": "studio.v2.flow", "/v2/Flows#flows": "studio.v2.flow"},
		sp.flex:   {"/v1/FlexFlows/{Sid}": "flex.v1.flex_flow", "/v1/FlexFlows#flex_flows": "flex.v1.flex_flow"},
	} {
		checkSchemas(t, func(string) *contract.Spec { return spec }, want)
	}
}

func TestEmulatorFlexProducts_answersMatchTheSpecs(t *testing.T) {
	sv := emulator.ServerlessBasePath + "/v1/Services"
	flows := emulator.StudioBasePath + "/v2/Flows"
	flexFlows := emulator.FlexBasePath + "/v1/FlexFlows"
	paged := func(emu *emulator.Server) { emu.SetMaxPageSize(1) }
	checkExchanges(t, loadSpecs(t), newFlexFamily, map[string]exchange{
		"serverless service by sid":           {path: sv + "/" + zs, wantStatus: 200},
		"serverless service by unique_name":   {path: sv + "/default", wantStatus: 200},
		"serverless service, nulls":           {path: sv + "/" + nullZS, wantStatus: 200},
		"serverless service not found":        {path: sv + "/" + unknownZ, wantStatus: 404},
		"serverless services":                 {path: sv + "?PageSize=1000", wantStatus: 200},
		"serverless services, paged":          {path: sv + "?PageSize=1&Page=1&PageToken=PT1", setup: paged, wantStatus: 200},
		"serverless services, unavailable":    {path: sv, setup: fault(emulator.RouteServerlessServices, 503), wantStatus: 503},
		"serverless, no credentials":          {path: sv, noAuth: true, wantStatus: 401},
		"environment, dev":                    {path: sv + "/" + zs + "/Environments/" + zeDev, wantStatus: 200},
		"environment, prod":                   {path: sv + "/" + zs + "/Environments/" + zeProd, wantStatus: 200},
		"environment, nulls":                  {path: sv + "/" + zs + "/Environments/" + nullZE, wantStatus: 200},
		"environment not found":               {path: sv + "/" + zs + "/Environments/ZE00000000000000000000000000000009", wantStatus: 404},
		"environments":                        {path: sv + "/" + zs + "/Environments", wantStatus: 200},
		"environments, paged":                 {path: sv + "/" + zs + "/Environments?PageSize=1", setup: paged, wantStatus: 200},
		"environments, unknown service":       {path: sv + "/" + unknownZ + "/Environments", wantStatus: 404},
		"environment, rate limited":           {path: sv + "/" + zs + "/Environments/" + zeDev, setup: fault(emulator.RouteServerlessEnvironment, 429), wantStatus: 429},
		"function":                            {path: sv + "/" + zs + "/Functions/" + zh, wantStatus: 200},
		"function, nulls":                     {path: sv + "/" + zs + "/Functions/" + nullZH, wantStatus: 200},
		"function, unknown service":           {path: sv + "/" + unknownZ + "/Functions/" + zh, wantStatus: 404},
		"functions":                           {path: sv + "/" + zs + "/Functions", wantStatus: 200},
		"functions, paged":                    {path: sv + "/" + zs + "/Functions?PageSize=1&Page=2&PageToken=PT9", setup: paged, wantStatus: 200},
		"studio flow":                         {path: flows + "/" + fw, wantStatus: 200},
		"studio flow, nulls":                  {path: flows + "/" + nullFW, wantStatus: 200},
		"studio flow, a mebibyte definition":  {path: flows + "/" + bigFW, wantStatus: 200},
		"studio flow not found":               {path: flows + "/FW00000000000000000000000000000009", wantStatus: 404},
		"studio flows":                        {path: flows + "?PageSize=1000", wantStatus: 200},
		"studio flows, paged":                 {path: flows + "?PageSize=1", setup: paged, wantStatus: 200},
		"studio flows, unavailable":           {path: flows, setup: fault(emulator.RouteStudioFlows, 503), wantStatus: 503},
		"studio, no credentials":              {path: flows + "/" + fw, noAuth: true, wantStatus: 401},
		"flex flow, sms":                      {path: flexFlows + "/" + foSMS, wantStatus: 200},
		"flex flow, web":                      {path: flexFlows + "/" + foWeb, wantStatus: 200},
		"flex flow, nulls":                    {path: flexFlows + "/" + nullFO, wantStatus: 200},
		"flex flow not found":                 {path: flexFlows + "/FO00000000000000000000000000000009", wantStatus: 404},
		"flex flows":                          {path: flexFlows, wantStatus: 200},
		"flex flows, by friendly name":        {path: flexFlows + "?FriendlyName=Flex+Web+Channel+Flow", wantStatus: 200},
		"flex flows, by friendly name, paged": {path: flexFlows + "?FriendlyName=x&PageSize=1", setup: paged, wantStatus: 200},
		"flex flows, rate limited":            {path: flexFlows, setup: fault(emulator.RouteFlexFlows, 429), wantStatus: 429},
		"flex flow, unavailable":              {path: flexFlows + "/" + foWeb, setup: fault(emulator.RouteFlexFlow, 503), wantStatus: 503},
		"flex flows, bad page size":           {path: flexFlows + "?PageSize=0", wantStatus: 400},
	})
}

// Validation lets fields the schema does not name through: the full
// objects carry exactly the schema's fields, none null.
func TestEmulatorFlexProducts_fullObjectsHaveExactlyTheSchemasFields(t *testing.T) {
	sv := emulator.ServerlessBasePath + "/v1/Services/" + zs
	checkFullObjects(t, loadSpecs(t), newFlexFamily(), map[string]string{
		sv:                            "serverless.v1.service",
		sv + "/Environments/" + zeDev: "serverless.v1.service.environment",
		sv + "/Functions/" + zh:       "serverless.v1.service.function",
		emulator.StudioBasePath + "/v2/Flows/" + fw:      "studio.v2.flow",
		emulator.FlexBasePath + "/v1/FlexFlows/" + foSMS: "flex.v1.flex_flow",
	})
}

func TestEmulatorFlexProducts_pageLinksAreValidRequests(t *testing.T) {
	emu := newFlexFamily()
	emu.SetMaxPageSize(1)
	sv := emulator.ServerlessBasePath + "/v1/Services"
	checkPageLinks(t, loadSpecs(t), emu, sv, sv+"/"+zs+"/Environments", sv+"/"+zs+"/Functions",
		emulator.StudioBasePath+"/v2/Flows", emulator.FlexBasePath+"/v1/FlexFlows", emulator.FlexBasePath+"/v1/FlexFlows?FriendlyName=x")
}
