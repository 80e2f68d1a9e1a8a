package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/flex"
)

const flexAddr = "data.twilio_flex_configuration.x"

// flexConfig is a twilio_flex_configuration named x.
func flexConfig(args ...hclArg) string {
	return dataBlock("twilio_flex_configuration", "x", args...)
}

// flexBody is the emulator's answer to Flex's GET /v1/Configuration, read
// directly; the recorded request is forgotten.
func flexBody(t *testing.T, emu *emulator.Server) []byte {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, emu.FlexURL()+"/v1/Configuration", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(testAccountSid, testAuthToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET Flex configuration: %d %s %v", resp.StatusCode, body, err)
	}
	emu.Reset()
	return body
}

// flexStateChecks expects every attribute of twilio_flex_configuration at
// addr (timeouts aside) to hold the field of body, a Flex configuration, of
// the same name, as the attribute's type says: strings exact, booleans,
// lists of strings in order, nulls null, and untyped values through
// untyped (the field's JSON text as it came). The answer must have exactly
// the data source's attributes.
func flexStateChecks(t *testing.T, addr string, body []byte, untyped func(raw string) knownvalue.Check) []statecheck.StateCheck {
	t.Helper()
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	var resp datasource.SchemaResponse
	flex.NewConfigurationDataSource().Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	if len(fields) != len(resp.Schema.Attributes)-1 {
		t.Errorf("the answer has %d fields, the data source %d attributes besides timeouts", len(fields), len(resp.Schema.Attributes)-1)
	}
	var checks []statecheck.StateCheck
	for name, a := range resp.Schema.Attributes {
		if name == "timeouts" {
			continue
		}
		raw, ok := fields[name]
		if !ok {
			t.Errorf("the answer has no %q", name)
			continue
		}
		checks = append(checks, expectAttr(addr, name, flexValue(t, name, a, raw, untyped)))
	}
	return checks
}

func flexValue(t *testing.T, name string, a schema.Attribute, raw json.RawMessage, untyped func(string) knownvalue.Check) knownvalue.Check {
	t.Helper()
	if string(raw) == "null" {
		return knownvalue.Null()
	}
	var err error
	switch a := a.(type) {
	case schema.StringAttribute:
		if _, isJSON := a.CustomType.(jsontypes.NormalizedType); isJSON {
			return untyped(string(raw))
		}
		var s string
		if err = json.Unmarshal(raw, &s); err == nil {
			return knownvalue.StringExact(s)
		}
	case schema.BoolAttribute:
		var b bool
		if err = json.Unmarshal(raw, &b); err == nil {
			return knownvalue.Bool(b)
		}
	case schema.ListAttribute:
		var items []string
		if err = json.Unmarshal(raw, &items); err == nil {
			checks := make([]knownvalue.Check, len(items))
			for i, s := range items {
				checks[i] = knownvalue.StringExact(s)
			}
			return knownvalue.ListExact(checks)
		}
	default:
		err = fmt.Errorf("attribute type %T", a)
	}
	t.Fatalf("%s = %s: %v", name, raw, err)
	return nil
}

// asReturned expects an untyped value as the exact JSON text of the answer.
func asReturned(raw string) knownvalue.Check { return knownvalue.StringExact(raw) }

func TestAccFlexConfiguration_everyAttribute(t *testing.T) {
	emu := startEmulator(t)
	emu.SetDefaultService(testServiceSid)
	checks := flexStateChecks(t, flexAddr, flexBody(t, emu), asReturned)
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + flexConfig(),
		ConfigStateChecks: append(checks,
			expectAttr(flexAddr, "flex_service_instance_sid", knownvalue.StringExact(testServiceSid)),
			expectAttr(flexAddr, "ui_version", knownvalue.StringExact("2.9.1")),
			expectAttr(flexAddr, "taskrouter_taskqueues", knownvalue.StringRegexp(regexp.MustCompile(`^\[\{"sid":"WQ[0-9a-f]{32}","targettable":true\}\]$`)))),
	})
	for _, r := range emu.Requests() {
		if r.Route != emulator.RouteFlexConfiguration || r.EscapedPath != "/flex/v1/Configuration" || r.RawQuery != "" {
			t.Errorf("request %s?%s on route %q", r.EscapedPath, r.RawQuery, r.Route)
		}
	}
}

func TestAccFlexConfiguration_everyNullableFieldNull(t *testing.T) {
	emu := startEmulator(t)
	// status is the one field Twilio's spec does not make nullable.
	nulls := map[string]any{"status": "notstarted"}
	for name := range emulator.NewFlexConfiguration(emu.FlexURL(), testAccountSid, testServiceSid) {
		if name != "status" {
			nulls[name] = nil
		}
	}
	emu.SetFlexConfiguration(nulls)
	body := flexBody(t, emu)
	checks := flexStateChecks(t, flexAddr, body, asReturned)
	if len(checks) != 49 {
		t.Fatalf("%d checks for %s, want 49", len(checks), body)
	}
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + flexConfig(),
		ConfigStateChecks: append(checks, append(expectNulls(flexAddr, "ui_version", "serverless_service_sids", "attributes", "flex_insights_drilldown"),
			expectAttr(flexAddr, "status", knownvalue.StringExact("notstarted")))...),
	})
}

// Untyped values reach state as the JSON text Twilio sent: its spacing,
// key order, escapes and large numbers, and a JSON string where the spec
// leaves the type open.
func TestAccFlexConfiguration_untypedValuesAreJSONAsReturned(t *testing.T) {
	emu := startEmulator(t)
	full := emulator.NewFlexConfiguration(emu.FlexURL(), testAccountSid, testServiceSid)
	odd := map[string]string{
		"attributes":        `"{\"team\": \"støtte\"}"`,
		"taskrouter_skills": `[ {"name" : "sales", "maximum": 18446744073709551617} ,{"name":"support"} ]`,
		"ui_attributes":     `{"z": 1, "a": {"<html>": "&amp;"}, "emoji": "\ud83d\ude80"}`,
		"channel_configs":   `[]`,
		"queue_stats_configuration": `{
    "default": {"service_level_threshold": 20.50}
  }`,
	}
	var body []byte
	body = append(body, '{')
	for name, v := range full {
		value, ok := odd[name]
		if !ok {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			value = string(b)
		}
		if len(body) > 1 {
			body = append(body, ',')
		}
		body = append(body, fmt.Sprintf("%q: %s", name, value)...)
	}
	body = append(body, '}')
	emu.SetRouteFaultForever(emulator.RouteFlexConfiguration, &emulator.Fault{Status: 200, Body: string(body)})
	checks := flexStateChecks(t, flexAddr, body, asReturned)
	for name, raw := range odd {
		checks = append(checks, expectAttr(flexAddr, name, knownvalue.StringExact(raw)))
	}
	accTest(t, resource.TestStep{Config: providerBlock(emu) + flexConfig(), ConfigStateChecks: checks})
}

func TestAccFlexConfiguration_endpointFromEnvironmentAndProviderBlock(t *testing.T) {
	emu := startEmulator(t)
	emu.SetDefaultService(testServiceSid)
	ok := []statecheck.StateCheck{expectAttr(flexAddr, "flex_service_instance_sid", knownvalue.StringExact(testServiceSid))}
	withoutFlex := fmt.Sprintf("\nprovider \"twilio\" {\n  account_sid = %q\n  auth_token  = %q\n  endpoints   = { chat = %q }\n}\n", testAccountSid, testAuthToken, emu.URL())
	t.Setenv("TWILIO_FLEX_ENDPOINT", emu.FlexURL())
	accTestSerial(t, resource.TestStep{Config: withoutFlex + flexConfig(), ConfigStateChecks: ok})
	if got := emu.RequestCount(); got == 0 {
		t.Fatal("TWILIO_FLEX_ENDPOINT was not used: the emulator saw no request")
	}
	// Nothing listens on port 1: only the provider block's endpoint can answer.
	t.Setenv("TWILIO_FLEX_ENDPOINT", "http://127.0.0.1:1/flex")
	accTestSerial(t, resource.TestStep{Config: providerBlock(emu) + flexConfig(), ConfigStateChecks: ok})
	t.Setenv("TWILIO_FLEX_ENDPOINT", "http://10.20.30.40/flex")
	accTestSerial(t, resource.TestStep{
		Config:      withoutFlex + flexConfig(),
		PlanOnly:    true,
		ExpectError: errorPattern("Invalid Twilio endpoint", `endpoints.flex "http://10.20.30.40/flex" uses plain http to a host that is not loopback; credentials would travel in clear text`),
	})
}

func TestAccFlexConfiguration_plainHTTPToARemoteHostIsRefused(t *testing.T) {
	emu := startEmulator(t)
	accTest(t, resource.TestStep{
		Config: fmt.Sprintf("\nprovider \"twilio\" {\n  account_sid = %q\n  auth_token  = %q\n  endpoints   = { flex = \"http://flex-api.example.com\" }\n}\n",
			testAccountSid, testAuthToken) + flexConfig(),
		PlanOnly:    true,
		ExpectError: errorPattern("Invalid Twilio endpoint", `endpoints.flex "http://flex-api.example.com" uses plain http to a host that is not loopback; credentials would travel in clear text`),
	})
	if got := emu.RequestCount(); got != 0 {
		t.Fatalf("the emulator saw %d requests, want 0", got)
	}
}

func TestAccFlexConfiguration_uiVersionOnTheWire(t *testing.T) {
	emu := startEmulator(t)
	accTest(t, resource.TestStep{
		Config:            providerBlock(emu) + flexConfig(str("ui_version", "1.34.0 & up")),
		ConfigStateChecks: []statecheck.StateCheck{expectAttr(flexAddr, "ui_version", knownvalue.StringExact("1.34.0 & up"))},
	})
	reqs := emu.Requests()
	if len(reqs) == 0 {
		t.Fatal("the emulator saw no request")
	}
	for _, r := range reqs {
		if r.EscapedPath != "/flex/v1/Configuration" || r.RawQuery != "UiVersion=1.34.0+%26+up" {
			t.Errorf("request %s?%s, want /flex/v1/Configuration?UiVersion=1.34.0+%%26+up", r.EscapedPath, r.RawQuery)
		}
	}
}

func TestAccFlexConfiguration_emptyUIVersionIsRefusedAtPlan(t *testing.T) {
	emu := startEmulator(t)
	accTest(t, invalidStep(emu, "twilio_flex_configuration", `ui_version = ""`, `Attribute ui_version string length must be at least 1, got: 0`))
	if got := emu.RequestCount(); got != 0 {
		t.Fatalf("the emulator saw %d requests, want 0", got)
	}
}

func TestAccFlexConfiguration_faults(t *testing.T) {
	for name, x := range map[string]struct {
		faults   []emulator.Fault
		forever  *emulator.Fault
		timeouts string
		want     *regexp.Regexp
		statuses string
	}{
		"rate limited, then answered": {faults: []emulator.Fault{{Status: 429, Header: map[string]string{"Retry-After": "1"}}}, statuses: "429,200"},
		"5xx, then answered":          {faults: []emulator.Fault{{Status: 503}, {Status: 500}, {Status: 502}}, statuses: "503,500,502,200"},
		"HTML from a proxy": {faults: []emulator.Fault{{Status: 200, ContentType: "text/html", Body: "<!DOCTYPE html><html><body>Please log in to the proxy</body></html>"}},
			want: errorPattern("Unexpected response from Twilio", "Reading the flex configuration of the account: HTTP 200 with a body that is not a flex configuration",
				`(Content-Type "text/html"): expected a JSON object, got HTML or XML; body starts: "<!DOCTYPE html>`,
				"A proxy between Terraform and Twilio may have answered instead of Twilio"),
			statuses: "200"},
		"a server that never answers": {forever: &emulator.Fault{Hang: true}, timeouts: `{ read = "3s" }`,
			want:     errorPattern("Timed out reading flex configuration", "Reading the flex configuration of the account did not finish within the read timeout of 3s, retries included"),
			statuses: "0"},
		"a body over the cap": {faults: []emulator.Fault{{BodyBytes: 11 << 20}}, want: errorPattern("Unexpected response from Twilio",
			"Reading the flex configuration of the account: response body exceeds the 10485760 byte limit"), statuses: "200"},
		"a connection reset mid-body, then answered": {faults: []emulator.Fault{{ResetMidBody: true}}, statuses: "200,200"},
		"5xx until the retries run out": {forever: &emulator.Fault{Status: 503}, want: errorPattern("Twilio Flex API error",
			"Reading the flex configuration of the account: HTTP 503, Twilio error 20503: Service Unavailable", "gave up after 2 attempts"), statuses: "503,503"},
	} {
		t.Run(name, func(t *testing.T) {
			emu := startEmulator(t)
			emu.SetDefaultService(testServiceSid)
			emu.InjectRouteFaults(emulator.RouteFlexConfiguration, x.faults...)
			emu.SetRouteFaultForever(emulator.RouteFlexConfiguration, x.forever)
			var args []hclArg
			if x.timeouts != "" {
				args = append(args, expr("timeouts", x.timeouts))
			}
			step := resource.TestStep{Config: providerBlock(emu, "max_retries = 1") + flexConfig(args...), ExpectError: x.want}
			if x.want == nil {
				step.Config = providerBlock(emu) + flexConfig(args...)
				step.ConfigStateChecks = []statecheck.StateCheck{expectAttr(flexAddr, "flex_service_instance_sid", knownvalue.StringExact(testServiceSid))}
			}
			accTest(t, step)
			if x.want == nil {
				expectStatusesThenOK(t, emu, x.statuses)
			} else {
				expectStatuses(t, emu, x.statuses)
			}
			expectRoute(t, emu, emulator.RouteFlexConfiguration)
		})
	}
}

func TestAccFlexConfiguration_accountWithoutFlex(t *testing.T) {
	for name, x := range map[string]struct {
		setup func(*emulator.Server)
		want  string
	}{
		"404": {(*emulator.Server).RemoveFlex, "HTTP 404, Twilio error 20404: The requested resource /v1/Configuration was not found; more info: https://www.twilio.com/docs/errors/20404"},
		"403 permission denied": {func(emu *emulator.Server) {
			emu.SetRouteFaultForever(emulator.RouteFlexConfiguration, &emulator.Fault{Status: 403,
				Body: `{"code": 20003, "message": "Permission Denied", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 403}`})
		}, "HTTP 403, Twilio error 20003: Permission Denied; more info: https://www.twilio.com/docs/errors/20003"},
	} {
		t.Run(name, func(t *testing.T) {
			emu := startEmulator(t)
			x.setup(emu)
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + flexConfig(),
				ExpectError: errorPattern("flex configuration not found",
					"The account has no Flex configuration: Flex was never set up on it, or these credentials may not read it", x.want),
			})
			expectRoute(t, emu, emulator.RouteFlexConfiguration)
		})
	}
}

// Flex's /v1/Configuration and Conversations' are one path on two hosts:
// each endpoint gets its own API's answer, and the Flex service's SID feeds
// the Conversations lookups with no SID written.
func TestAccFlexConfiguration_feedsConversationsLookups(t *testing.T) {
	emu := startEmulator(t)
	emu.SetDefaultService(testServiceSid)
	emu.AddService(otherService)
	emu.SetFlexConfiguration(map[string]any{"flex_service_instance_sid": otherService, "chat_service_instance_sid": otherService})
	emu.PutUser(otherService, emulator.NewUser(emu.URL(), testAccountSid, otherService, testUserSid2, "agent"))
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + flexConfig() + dataBlock("twilio_conversations_configuration", "account") +
			dataBlock("twilio_conversations_user", "agent", expr("chat_service_sid", flexAddr+".flex_service_instance_sid"), str("identity", "agent")),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(flexAddr, "flex_service_instance_sid", knownvalue.StringExact(otherService)),
			expectAttr(flexAddr, "account_sid", knownvalue.Null()),
			expectAttr("data.twilio_conversations_configuration.account", "default_chat_service_sid", knownvalue.StringExact(testServiceSid)),
			expectAttr("data.twilio_conversations_configuration.account", "account_sid", knownvalue.StringExact(testAccountSid)),
			expectAttr("data.twilio_conversations_user.agent", "sid", knownvalue.StringExact(testUserSid2)),
			expectAttr("data.twilio_conversations_user.agent", "chat_service_sid", knownvalue.StringExact(otherService)),
		},
	})
}

// With edge and region and no endpoints.flex, the Flex configuration is
// asked of flex-api.{edge}.{region}.twilio.com: a CONNECT proxy, which
// tunnels nowhere, records the host the provider dialled, so nothing leaves
// the machine. HTTPS_PROXY is read once per process, hence the CLI run.
func TestAccFlexConfiguration_edgeAndRegionHost(t *testing.T) {
	run := newCLIRun(t)
	proxy := startConnectProxy(t, "127.0.0.1:1")
	for _, tc := range []struct{ location, host string }{
		{`edge = "dublin"` + "\n  region = \"ie1\"", "flex-api.dublin.ie1.twilio.com:443"},
		{`edge = "sydney"`, "flex-api.sydney.us1.twilio.com:443"},
	} {
		t.Run(tc.host, func(t *testing.T) {
			before := len(proxy.seen())
			config := terraformBlock + fmt.Sprintf(`provider "twilio" {
  account_sid = %q
  auth_token  = %q
  max_retries = 0
  %s
}
%s`, testAccountSid, testAuthToken, tc.location, flexConfig())
			output, _, failed := run.plan(t, config, nil, "HTTPS_PROXY="+proxy.url, "https_proxy="+proxy.url, "NO_PROXY=", "no_proxy=")
			if !failed || !errorPattern("Cannot reach Twilio", "Reading the flex configuration of the account").MatchString(output) {
				t.Fatalf("plan did not fail at the proxy:\n%s", output)
			}
			if tunnels := proxy.seen()[before:]; !slices.Equal(tunnels, []string{"CONNECT " + tc.host}) {
				t.Fatalf("the proxy was asked for %q, want only CONNECT %s", tunnels, tc.host)
			}
		})
	}
}
