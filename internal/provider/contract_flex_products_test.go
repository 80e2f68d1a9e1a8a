package provider

import (
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/contract"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/flex"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/serverless"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/studio"
)

// The contract tests of what Flex creates besides TaskRouter run against a
// Prism serving Twilio's twilio_serverless_v1.json, twilio_studio_v2.json
// and twilio_flex_v1.json (`make contract` sets
// TWILIO_CONTRACT_SERVERLESS_ENDPOINT, TWILIO_CONTRACT_STUDIO_ENDPOINT and
// TWILIO_CONTRACT_FLEX_ENDPOINT): by sid, every attribute in state is the
// spec's fetch example; by name, the list example's object is found, or,
// where the spec's only list example is empty, the lookup says so.

const exampleServerlessServiceSid = "ZS00000000000000000000000000000000"

// productContractProviderBlock points the provider's endpoint named
// endpoint (serverless, studio, flex) at p.
func productContractProviderBlock(endpoint string, p *recordingProxy) string {
	return `
provider "twilio" {
  account_sid = "` + exampleAccountSid + `"
  auth_token  = "contract-test-token"
  endpoints   = { ` + endpoint + ` = "` + p.URL + `" }
}
`
}

// bySidStep reads example, a fetch example of the spec, by its sid (in scope,
// when scope is set) through proxy, and checks every attribute in state.
func bySidStep(t *testing.T, endpoint string, proxy *recordingProxy, example map[string]any, typ string, ds datasource.DataSource, scope ...hclArg) resource.TestStep {
	t.Helper()
	sid := exampleString(t, example, "sid")
	return resource.TestStep{
		Config:            productContractProviderBlock(endpoint, proxy) + dataBlock(typ, "x", append(scope, str("sid", sid))...),
		ConfigStateChecks: exampleStateChecks(t, ds, "data."+typ+".x", example),
	}
}

// exampleString is the string field name of an example of the spec.
func exampleString(t *testing.T, example map[string]any, name string) string {
	t.Helper()
	s, ok := example[name].(string)
	if !ok {
		t.Fatalf("the spec's example has %s = %#v, not a string", name, example[name])
	}
	return s
}

// specListExampleNames is the names of the examples of GET path's 200
// answer in spec, sorted.
func specListExampleNames(t *testing.T, spec, path string) []string {
	t.Helper()
	file, err := contract.SpecFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]struct {
			Get *struct {
				Responses map[string]struct {
					Content map[string]struct {
						Examples map[string]json.RawMessage `json:"examples"`
					} `json:"content"`
				} `json:"responses"`
			} `json:"get"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	op := doc.Paths[path].Get
	if op == nil {
		t.Fatalf("%s has no GET %s", file, path)
	}
	var names []string
	for name := range op.Responses["200"].Content["application/json"].Examples {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// specListExampleItems is the objects under key of the list example name
// of GET path in spec.
func specListExampleItems(t *testing.T, spec, path, name, key string) []map[string]any {
	t.Helper()
	raw, _ := specExample(t, spec, path, name)[key].([]any)
	items := make([]map[string]any, len(raw))
	for i, it := range raw {
		items[i], _ = it.(map[string]any)
	}
	return items
}

func TestAccContract_serverlessEqualsTheSpecExamples(t *testing.T) {
	endpoint := prismEndpoint(t, contract.ServerlessV1, "TWILIO_CONTRACT_SERVERLESS_ENDPOINT")
	scope := str("service_sid", exampleServerlessServiceSid)
	for _, tc := range []struct {
		typ, path string
		scoped    bool
		ds        datasource.DataSource
	}{
		{"twilio_serverless_service", "/v1/Services/{Sid}", false, serverless.NewServiceDataSource()},
		{"twilio_serverless_environment", "/v1/Services/{ServiceSid}/Environments/{Sid}", true, serverless.NewEnvironmentDataSource()},
		{"twilio_serverless_function", "/v1/Services/{ServiceSid}/Functions/{Sid}", true, serverless.NewFunctionDataSource()},
	} {
		t.Run(tc.typ, func(t *testing.T) {
			var args []hclArg
			if tc.scoped {
				args = append(args, scope)
			}
			proxy := startRecordingProxy(t, endpoint)
			accTest(t, bySidStep(t, "serverless", proxy, specExample(t, contract.ServerlessV1, tc.path, "fetch"), tc.typ, tc.ds, args...))
		})
	}
}

// Twilio's fetch of a service takes its unique name in place of the SID:
// one request, whose answer must name the service asked for.
func TestAccContract_serverlessServiceByUniqueNameIsOneFetch(t *testing.T) {
	endpoint := prismEndpoint(t, contract.ServerlessV1, "TWILIO_CONTRACT_SERVERLESS_ENDPOINT")
	example := specExample(t, contract.ServerlessV1, "/v1/Services/{Sid}", "fetch")
	name, _ := example["unique_name"].(string)
	proxy := startRecordingProxy(t, endpoint)
	accTest(t, resource.TestStep{
		Config: productContractProviderBlock("serverless", proxy) + dataBlock("twilio_serverless_service", "x", str("unique_name", name)),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr("data.twilio_serverless_service.x", "sid", knownvalue.StringExact(exampleServerlessServiceSid)),
			expectAttr("data.twilio_serverless_service.x", "domain_base", knownvalue.StringExact(exampleString(t, example, "domain_base"))),
		},
	})
	// Each read (the CLI reads a data source more than once per step) is
	// that one fetch: no list.
	expectPrismSaw(t, proxy, "/v1/Services/"+name)
	for _, r := range proxy.requests() {
		if r.escapedPath != "/v1/Services/"+name {
			t.Errorf("the service by unique_name read %s; want only its fetch", r.escapedPath)
		}
	}
}

// The spec's only examples of the environment and function lists are
// empty ("readEmpty"), so Prism answers every list with none: a lookup by
// name reads the service's list and says nothing is there, rather than
// falling back on a fetch or on another list.
func TestAccContract_serverlessListExamplesAreEmpty(t *testing.T) {
	endpoint := prismEndpoint(t, contract.ServerlessV1, "TWILIO_CONTRACT_SERVERLESS_ENDPOINT")
	for _, tc := range []struct {
		path, typ, field, name, resource, plural, list string
	}{
		{"/v1/Services/{ServiceSid}/Environments", "twilio_serverless_environment", "domain_suffix", "dev", "serverless environment", "environments", "Environments"},
		{"/v1/Services/{ServiceSid}/Environments", "twilio_serverless_environment", "unique_name", "dev", "serverless environment", "environments", "Environments"},
		{"/v1/Services/{ServiceSid}/Functions", "twilio_serverless_function", "friendly_name", "/hello", "serverless function", "functions", "Functions"},
	} {
		t.Run(tc.typ+"_by_"+tc.field, func(t *testing.T) {
			if names := specListExampleNames(t, contract.ServerlessV1, tc.path); len(names) != 1 || names[0] != "readEmpty" {
				t.Fatalf("the spec's examples of GET %s changed: %v; test the lookup by name against the one that holds an object", tc.path, names)
			}
			proxy := startRecordingProxy(t, endpoint)
			accTest(t, resource.TestStep{
				Config: productContractProviderBlock("serverless", proxy) + dataBlock(tc.typ, "x",
					str("service_sid", exampleServerlessServiceSid), str(tc.field, tc.name)),
				ExpectError: errorPattern(tc.resource+" not found", "in service "+exampleServerlessServiceSid, "The 0 "+tc.plural+" there: none."),
			})
			expectPrismSaw(t, proxy, "/v1/Services/"+exampleServerlessServiceSid+"/"+tc.list)
		})
	}
}

// A flow by SID is the fetch example whole: its definition an object, its
// errors and warnings arrays, all JSON strings in state. By name, the list
// example's flow (whose definition the list leaves null) is found, then
// fetched, so that the state is the fetch example again, definition
// included.
func TestAccContract_studioFlowEqualsTheSpecExamples(t *testing.T) {
	endpoint := prismEndpoint(t, contract.StudioV2, "TWILIO_CONTRACT_STUDIO_ENDPOINT")
	example := specExample(t, contract.StudioV2, "/v2/Flows/{Sid}", "fetch")
	// The list's only example is called "readEmpty" but holds one flow.
	listed := specListExampleItems(t, contract.StudioV2, "/v2/Flows", "readEmpty", "flows")
	if len(listed) != 1 || listed[0]["definition"] != nil || listed[0]["sid"] != example["sid"] {
		t.Fatalf("the spec's flow list example changed: %v", listed)
	}
	proxy := startRecordingProxy(t, endpoint)
	accTest(t, bySidStep(t, "studio", proxy, example, "twilio_studio_flow", studio.NewFlowDataSource()), resource.TestStep{
		Config:            productContractProviderBlock("studio", proxy) + dataBlock("twilio_studio_flow", "x", str("friendly_name", exampleString(t, listed[0], "friendly_name"))),
		ConfigStateChecks: exampleStateChecks(t, studio.NewFlowDataSource(), "data.twilio_studio_flow.x", example),
	})
	expectPrismSaw(t, proxy, "/v2/Flows", "/v2/Flows/"+exampleString(t, example, "sid"))
}

func TestAccContract_flexFlowEqualsTheSpecExamples(t *testing.T) {
	endpoint := prismEndpoint(t, contract.FlexV1, "TWILIO_CONTRACT_FLEX_ENDPOINT")
	example := specExample(t, contract.FlexV1, "/v1/FlexFlows/{Sid}", "fetch")
	// Prism answers the list with its first example, "readFull".
	listed := specListExampleItems(t, contract.FlexV1, "/v1/FlexFlows", "readFull", "flex_flows")
	if len(listed) != 1 || listed[0]["sid"] != example["sid"] {
		t.Fatalf("the spec's Flex Flow list example changed: %v", listed)
	}
	proxy := startRecordingProxy(t, endpoint)
	accTest(t, bySidStep(t, "flex", proxy, example, "twilio_flex_flow", flex.NewFlexFlowDataSource()), resource.TestStep{
		Config:            productContractProviderBlock("flex", proxy) + dataBlock("twilio_flex_flow", "x", str("friendly_name", exampleString(t, listed[0], "friendly_name"))),
		ConfigStateChecks: exampleStateChecks(t, flex.NewFlexFlowDataSource(), "data.twilio_flex_flow.x", listed[0]),
	})
	expectPrismSaw(t, proxy, "/v1/FlexFlows/"+exampleString(t, example, "sid"), "/v1/FlexFlows")
}
