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
// emulator: its configuration, the route it reads and a check of success.
type conversationsTarget struct {
	name   string
	route  emulator.RouteName
	config string
	ok     statecheck.StateCheck
}

var conversationsTargets = []conversationsTarget{
	{"user", emulator.RouteConversationsUser,
		testAccConversationsUserConfig("jing", testServiceSid, "identity", "jing"),
		expectAttr("data.twilio_conversations_user.jing", "sid", knownvalue.StringExact(testUserSid))},
	{"default user", emulator.RouteConversationsDefaultUser,
		testAccConversationsUserConfig("jing", defaultService, "identity", "jing"),
		expectAttr("data.twilio_conversations_user.jing", "sid", knownvalue.StringExact(testUserSid))},
	{"service configuration", emulator.RouteConversationsServiceConfiguration,
		dataBlock("twilio_conversations_service_configuration", "x", str("chat_service_sid", testServiceSid)),
		expectAttr("data.twilio_conversations_service_configuration.x", "reachability_enabled", knownvalue.Bool(false))},
	{"configuration", emulator.RouteConversationsConfiguration,
		dataBlock("twilio_conversations_configuration", "x"),
		expectAttr("data.twilio_conversations_configuration.x", "default_chat_service_sid", knownvalue.StringExact(testServiceSid))},
}

// eachConversationsTarget runs f for each Conversations route, in a
// subtest with its own emulator whose default service is testServiceSid.
func eachConversationsTarget(t *testing.T, f func(t *testing.T, emu *emulator.Server, target conversationsTarget)) {
	for _, target := range conversationsTargets {
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
	eachConversationsTarget(t, func(t *testing.T, emu *emulator.Server, target conversationsTarget) {
		emu.InjectRouteFaults(target.route, emulator.Fault{Status: 429, Header: map[string]string{"Retry-After": "1"}})
		accTest(t, resource.TestStep{Config: providerBlock(emu) + target.config, ConfigStateChecks: []statecheck.StateCheck{target.ok}})
		expectStatusesThenOK(t, emu, "429,200")
		expectRoute(t, emu, target.route)
	})
}

func TestAccConversationsFault_serverErrorsThenSuccess(t *testing.T) {
	eachConversationsTarget(t, func(t *testing.T, emu *emulator.Server, target conversationsTarget) {
		emu.InjectRouteFaults(target.route, emulator.Fault{Status: 503}, emulator.Fault{Status: 500})
		accTest(t, resource.TestStep{Config: providerBlock(emu) + target.config, ConfigStateChecks: []statecheck.StateCheck{target.ok}})
		expectStatusesThenOK(t, emu, "503,500,200")
		expectRoute(t, emu, target.route)
	})
}

func TestAccConversationsFault_proxyHTMLPageIsNotAUser(t *testing.T) {
	for _, service := range []string{testServiceSid, defaultService} {
		t.Run(pathName(service), func(t *testing.T) {
			emu := startEmulator(t)
			emu.SetDefaultService(testServiceSid)
			route := conversationsUserRoute(service)
			emu.InjectRouteFaults(route, emulator.Fault{Status: 200, ContentType: "text/html", Body: "<!DOCTYPE html><html><body>Please log in to the proxy</body></html>"})
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + testAccConversationsUserConfig("jing", service, "identity", "jing"),
				ExpectError: errorPattern("Unexpected response from Twilio", "HTTP 200 with a body that is not a conversations user",
					`(Content-Type "text/html"): expected a JSON object, got HTML or XML; body starts: "<!DOCTYPE html>`,
					"A proxy between Terraform and Twilio may have answered instead of Twilio"),
			})
			expectStatuses(t, emu, "200")
			expectRoute(t, emu, route)
		})
	}
}

func TestAccConversationsFault_serverThatNeverAnswersTimesOut(t *testing.T) {
	for _, service := range []string{testServiceSid, defaultService} {
		t.Run(pathName(service), func(t *testing.T) {
			emu := startEmulator(t)
			emu.SetDefaultService(testServiceSid)
			route := conversationsUserRoute(service)
			emu.SetRouteFaultForever(route, &emulator.Fault{Hang: true})
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + dataBlock("twilio_conversations_user", "jing",
					append(userLookupArgs(service), expr("timeouts", `{ read = "3s" }`))...),
				ExpectError: errorPattern("Timed out reading conversations user", "did not finish within the read timeout of 3s, retries included"),
			})
			if got := emu.RequestCount(); got != 1 {
				t.Fatalf("emulator saw %d requests, want 1 (one attempt, then the read timeout)", got)
			}
			expectRoute(t, emu, route)
		})
	}
}

// userLookupArgs are the arguments of a lookup of jing by identity in
// service, or on the default service.
func userLookupArgs(service string) []hclArg {
	if service == defaultService {
		return []hclArg{str("identity", "jing")}
	}
	return []hclArg{str("chat_service_sid", service), str("identity", "jing")}
}
