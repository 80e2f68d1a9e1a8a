package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// What the conformance suite does not cover of Serverless, Studio and Flex
// Flows: every attribute on a real CLI, an environment by domain_suffix, a
// Studio definition of a mebibyte and the body cap, and the chain a Flex
// team wires: a Studio flow's definition naming the environment's domain
// and the TaskRouter workflow, with no SID written.

// startFlexAccount serves an emulator for one test seeded as a Flex
// account: TaskRouter, Serverless and Studio as Flex creates them.
func startFlexAccount(t *testing.T) *emulator.Server {
	t.Helper()
	emu := startBareEmulator(t)
	emu.SeedFlexTaskRouter()
	emu.SeedFlexServerless()
	emu.SeedFlexStudio()
	return emu
}

func TestAccServerless_domainByNameAndSuffix(t *testing.T) {
	emu := startFlexAccount(t)
	service := emulator.FlexSeedSid(testAccountSid, "ZS", "default")
	svcURL := emu.ServerlessURL() + "/v1/Services/" + service
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) +
			dataBlock("twilio_serverless_service", "default", str("unique_name", "default")) +
			dataBlock("twilio_serverless_environment", "dev", expr("service_sid", "data.twilio_serverless_service.default.sid"), str("domain_suffix", "dev")) +
			dataBlock("twilio_serverless_environment", "prod", expr("service_sid", "data.twilio_serverless_service.default.sid"), str("unique_name", "prod")) +
			dataBlock("twilio_serverless_function", "hello", expr("service_sid", "data.twilio_serverless_service.default.sid"), str("friendly_name", "/hello")),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr("data.twilio_serverless_service.default", "sid", knownvalue.StringExact(service)),
			expectAttr("data.twilio_serverless_service.default", "friendly_name", knownvalue.StringExact("default")),
			expectAttr("data.twilio_serverless_service.default", "domain_base", knownvalue.StringExact("default-1234")),
			expectAttr("data.twilio_serverless_service.default", "url", knownvalue.StringExact(svcURL)),
			expectAttr("data.twilio_serverless_environment.dev", "sid", knownvalue.StringExact(emulator.FlexSeedSid(testAccountSid, "ZE", "dev"))),
			expectAttr("data.twilio_serverless_environment.dev", "unique_name", knownvalue.StringExact("dev")),
			expectAttr("data.twilio_serverless_environment.dev", "domain_name", knownvalue.StringExact("default-1234-dev.twil.io")),
			expectAttr("data.twilio_serverless_environment.dev", "service_sid", knownvalue.StringExact(service)),
			expectAttr("data.twilio_serverless_environment.prod", "domain_name", knownvalue.StringExact("default-1234.twil.io")),
			// The production environment has no suffix: null, not "".
			expectAttr("data.twilio_serverless_environment.prod", "domain_suffix", knownvalue.Null()),
			expectAttr("data.twilio_serverless_function.hello", "sid", knownvalue.StringExact(emulator.FlexSeedSid(testAccountSid, "ZH", "/hello"))),
			expectAttr("data.twilio_serverless_function.hello", "service_sid", knownvalue.StringExact(service)),
		},
	})
	// The service by unique_name is one fetch; the two environments share
	// one read of the list.
	expectReadsOf(t, routesSeen(emu), true, "200 ServerlessService", "200 ServerlessEnvironments", "200 ServerlessFunctions")
}

func TestAccServerless_environmentNotFoundBySuffixNamesTheSuffixes(t *testing.T) {
	emu := startFlexAccount(t)
	service := emulator.FlexSeedSid(testAccountSid, "ZS", "default")
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + dataBlock("twilio_serverless_environment", "x", str("service_sid", service), str("domain_suffix", "DEV")),
		ExpectError: errorPattern("serverless environment not found",
			fmt.Sprintf(`No serverless environment with domain_suffix "DEV" in service %s; names are matched exactly, case included.`, service),
			`The 2 environments there: "dev", null.`),
	}, resource.TestStep{
		Config:      providerBlock(emu) + dataBlock("twilio_serverless_environment", "x", str("service_sid", service), str("unique_name", "dev"), str("domain_suffix", "dev")),
		PlanOnly:    true,
		ExpectError: errorPattern("Exactly one of these attributes must be configured: [sid,unique_name,domain_suffix]"),
	})
}

func TestAccStudio_flowByNameIsFetchedForItsDefinition(t *testing.T) {
	emu := startFlexAccount(t)
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + dataBlock("twilio_studio_flow", "ivr", str("friendly_name", "Voice IVR")),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr("data.twilio_studio_flow.ivr", "sid", knownvalue.StringExact(emulator.FlexSeedSid(testAccountSid, "FW", "Voice IVR"))),
			expectAttr("data.twilio_studio_flow.ivr", "definition", knownvalue.StringRegexp(regexp.MustCompile(`"initial_state":"Trigger"`))),
			expectAttr("data.twilio_studio_flow.ivr", "status", knownvalue.StringExact("published")),
			expectAttr("data.twilio_studio_flow.ivr", "valid", knownvalue.Bool(true)),
		},
	})
	expectReadsOf(t, routesSeen(emu), false, "200 StudioFlows", "200 StudioFlow")
}

// A definition of a mebibyte reads whole.
func TestAccStudio_largeDefinitionReadsWhole(t *testing.T) {
	emu := startBareEmulator(t)
	note := strings.Repeat("a", 1<<20)
	flow := "FW00000000000000000000000000000001"
	emu.PutStudioFlow(emulator.NewStudioFlow(emu.StudioURL(), testAccountSid, flow, "Big", map[string]any{
		"description": "big", "initial_state": "Trigger", "states": []any{map[string]any{"name": "Trigger", "type": "trigger", "properties": map[string]any{"note": note}}},
	}))
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + dataBlock("twilio_studio_flow", "big", str("friendly_name", "Big")) + `
output "note_is_whole" {
  value = length(jsondecode(data.twilio_studio_flow.big.definition).states[0].properties.note) == ` + fmt.Sprint(len(note)) + `
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("note_is_whole", knownvalue.Bool(true)),
		},
	})
}

// An answer beyond the body cap fails naming the cap.
func TestAccStudio_answerBeyondTheBodyCapFails(t *testing.T) {
	emu := startBareEmulator(t)
	flow := "FW00000000000000000000000000000001"
	emu.PutStudioFlow(emulator.NewStudioFlow(emu.StudioURL(), testAccountSid, flow, "Big", nil))
	emu.SetRouteFaultForever(emulator.RouteStudioFlow, &emulator.Fault{BodyBytes: 11 << 20})
	accTest(t, resource.TestStep{
		Config:      providerBlock(emu) + dataBlock("twilio_studio_flow", "big", str("sid", flow)),
		ExpectError: errorPattern("Unexpected response from Twilio", fmt.Sprintf("Reading the studio flow with sid %q", flow), "exceeds the 10485760 byte limit"),
	})
}

// The chain of the Flex guide: a Studio flow whose definition calls the
// dev environment's function and hands calls to Flex's workflow, and the
// Flex Flows that tie channels to Studio flows, all found by name.
func TestAccFlexChain_studioDefinitionWiredWithDomainAndWorkflow(t *testing.T) {
	emu := startFlexAccount(t)
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + `
data "twilio_flex_configuration" "this" {}

data "twilio_serverless_service" "default" {
  unique_name = "default"
}

data "twilio_serverless_environment" "dev" {
  service_sid   = data.twilio_serverless_service.default.sid
  domain_suffix = "dev"
}

data "twilio_taskrouter_workflow" "anyone" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  friendly_name = "Assign to Anyone"
}

data "twilio_studio_flow" "ivr" {
  friendly_name = "Voice IVR"
}

data "twilio_flex_flow" "web" {
  friendly_name = "Flex Web Channel Flow"
}

data "twilio_studio_flow" "web" {
  friendly_name = "Flex Web Channel Flow"
}

locals {
  states = { for s in jsondecode(data.twilio_studio_flow.ivr.definition).states : s.name => s }
}

output "chain" {
  value = {
    calls_the_dev_domain  = local.states.function_hello.properties.url == "https://${data.twilio_serverless_environment.dev.domain_name}/hello"
    hands_to_the_workflow = local.states.SendCallToAgent.properties.workflow == data.twilio_taskrouter_workflow.anyone.sid
    web_flow_is_studio    = jsondecode(data.twilio_flex_flow.web.integration).flow_sid == data.twilio_studio_flow.web.sid
  }
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("chain", knownvalue.ObjectExact(map[string]knownvalue.Check{
				"calls_the_dev_domain": knownvalue.Bool(true), "hands_to_the_workflow": knownvalue.Bool(true), "web_flow_is_studio": knownvalue.Bool(true),
			})),
			expectAttr("data.twilio_flex_flow.web", "channel_type", knownvalue.StringExact("web")),
			expectAttr("data.twilio_flex_flow.web", "integration_type", knownvalue.StringExact("studio")),
			expectAttr("data.twilio_flex_flow.web", "contact_identity", knownvalue.Null()),
			expectAttr("data.twilio_flex_flow.web", "enabled", knownvalue.Bool(true)),
		},
	})
	// One read of each list, the Studio flow list shared by both flows,
	// and a fetch of each flow found.
	expectReadsOf(t, routesSeen(emu), true, "200 FlexConfiguration", "200 ServerlessService", "200 ServerlessEnvironments",
		"200 TaskRouterWorkflows", "200 StudioFlows", "200 StudioFlow", "200 StudioFlow", "200 FlexFlows")
}
