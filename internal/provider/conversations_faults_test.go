package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// The fault matrix's main rows on the Conversations routes: the shared HTTP
// layer must behave there as it does for Chat, and its errors must name the
// Conversations resource.

// conversationsTarget is one Conversations data source read against the
// emulator: its configuration (with extra arguments), the route it reads
// and a check of success.
type conversationsTarget struct {
	name   string
	route  emulator.RouteName
	config func(extra ...hclArg) string
	ok     statecheck.StateCheck
}

// conversationsUserTargets read jing on each user route.
var conversationsUserTargets = []conversationsTarget{
	{"user", emulator.RouteConversationsUser, func(extra ...hclArg) string {
		return testAccConversationsUserConfig("jing", testServiceSid, "identity", "jing", extra...)
	}, expectAttr("data.twilio_conversations_user.jing", "sid", knownvalue.StringExact(testUserSid))},
	{"default user", emulator.RouteConversationsDefaultUser, func(extra ...hclArg) string {
		return testAccConversationsUserConfig("jing", defaultService, "identity", "jing", extra...)
	}, expectAttr("data.twilio_conversations_user.jing", "sid", knownvalue.StringExact(testUserSid))},
}

// conversationsTargets read on every Conversations route.
var conversationsTargets = append(conversationsUserTargets,
	conversationsTarget{"service configuration", emulator.RouteConversationsServiceConfiguration, func(extra ...hclArg) string {
		return dataBlock("twilio_conversations_service_configuration", "x", append([]hclArg{str("chat_service_sid", testServiceSid)}, extra...)...)
	}, expectAttr("data.twilio_conversations_service_configuration.x", "reachability_enabled", knownvalue.Bool(false))},
	conversationsTarget{"configuration", emulator.RouteConversationsConfiguration, func(extra ...hclArg) string {
		return dataBlock("twilio_conversations_configuration", "x", extra...)
	}, expectAttr("data.twilio_conversations_configuration.x", "default_chat_service_sid", knownvalue.StringExact(testServiceSid))},
)

// eachTarget runs f for each target, in a subtest with its own emulator
// whose default service is testServiceSid.
func eachTarget(t *testing.T, targets []conversationsTarget, f func(t *testing.T, emu *emulator.Server, target conversationsTarget)) {
	for _, target := range targets {
		t.Run(target.name, func(t *testing.T) {
			emu := startEmulator(t)
			emu.SetDefaultService(testServiceSid)
			f(t, emu, target)
		})
	}
}

// expectRoute fails unless every request the emulator saw was on route.
func expectRoute(t *testing.T, emu *emulator.Server, route emulator.RouteName) {
	t.Helper()
	for _, r := range emu.Requests() {
		if r.Route != route {
			t.Errorf("request %s was on route %q, want %q", r.EscapedPath, r.Route, route)
		}
	}
}

func TestAccConversationsFault_rateLimitedThenSucceeds(t *testing.T) {
	eachTarget(t, conversationsTargets, func(t *testing.T, emu *emulator.Server, target conversationsTarget) {
		emu.InjectRouteFaults(target.route, emulator.Fault{Status: 429, Header: map[string]string{"Retry-After": "1"}})
		accTest(t, resource.TestStep{Config: providerBlock(emu) + target.config(), ConfigStateChecks: []statecheck.StateCheck{target.ok}})
		expectStatusesThenOK(t, emu, "429,200")
		expectRoute(t, emu, target.route)
	})
}

func TestAccConversationsFault_serverErrorsThenSuccess(t *testing.T) {
	eachTarget(t, conversationsTargets, func(t *testing.T, emu *emulator.Server, target conversationsTarget) {
		emu.InjectRouteFaults(target.route, emulator.Fault{Status: 503}, emulator.Fault{Status: 500})
		accTest(t, resource.TestStep{Config: providerBlock(emu) + target.config(), ConfigStateChecks: []statecheck.StateCheck{target.ok}})
		expectStatusesThenOK(t, emu, "503,500,200")
		expectRoute(t, emu, target.route)
	})
}

func TestAccConversationsFault_proxyHTMLPageIsNotAUser(t *testing.T) {
	eachTarget(t, conversationsUserTargets, func(t *testing.T, emu *emulator.Server, target conversationsTarget) {
		emu.InjectRouteFaults(target.route, emulator.Fault{Status: 200, ContentType: "text/html", Body: "<!DOCTYPE html><html><body>Please log in to the proxy</body></html>"})
		accTest(t, resource.TestStep{
			Config: providerBlock(emu) + target.config(),
			ExpectError: errorPattern("Unexpected response from Twilio", "HTTP 200 with a body that is not a conversations user",
				`(Content-Type "text/html"): expected a JSON object, got HTML or XML; body starts: "<!DOCTYPE html>`,
				"A proxy between Terraform and Twilio may have answered instead of Twilio"),
		})
		expectStatuses(t, emu, "200")
		expectRoute(t, emu, target.route)
	})
}

func TestAccConversationsFault_serverThatNeverAnswersTimesOut(t *testing.T) {
	eachTarget(t, conversationsUserTargets, func(t *testing.T, emu *emulator.Server, target conversationsTarget) {
		emu.SetRouteFaultForever(target.route, &emulator.Fault{Hang: true})
		accTest(t, resource.TestStep{
			Config:      providerBlock(emu) + target.config(expr("timeouts", `{ read = "3s" }`)),
			ExpectError: errorPattern("Timed out reading conversations user", "did not finish within the read timeout of 3s, retries included"),
		})
		if got := emu.RequestCount(); got != 1 {
			t.Fatalf("emulator saw %d requests, want 1 (one attempt, then the read timeout)", got)
		}
		expectRoute(t, emu, target.route)
	})
}
