package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// The Conversations data sources against the emulator, which serves
// Conversations v1 under /v1 at the same base URL as Chat v2.

// defaultService stands for the account's default Conversations service in
// the helpers below: no chat_service_sid in the configuration, /v1/Users in
// the path.
const defaultService = ""

// testAccConversationsUserConfig is a twilio_conversations_user named name
// looking up the user whose argument (sid or identity) is value in
// serviceSid, or on the account's default service (defaultService), with
// extra arguments.
func testAccConversationsUserConfig(name, serviceSid, argument, value string, extra ...hclArg) string {
	args := append([]hclArg{str(argument, value)}, extra...)
	if serviceSid != defaultService {
		args = append([]hclArg{str("chat_service_sid", serviceSid)}, args...)
	}
	return dataBlock("twilio_conversations_user", name, args...)
}

// conversationsUserPath is the escaped path of a Conversations user in
// serviceSid, or on the account's default service.
func conversationsUserPath(serviceSid, sidOrIdentity string) string {
	if serviceSid == defaultService {
		return "/v1/Users/" + escapedSegment(sidOrIdentity)
	}
	return "/v1/Services/" + serviceSid + "/Users/" + escapedSegment(sidOrIdentity)
}

// conversationsUserRoute is the emulator's route for a user in serviceSid,
// or on the account's default service.
func conversationsUserRoute(serviceSid string) emulator.RouteName {
	if serviceSid == defaultService {
		return emulator.RouteConversationsDefaultUser
	}
	return emulator.RouteConversationsUser
}

// pathName names a lookup's path in subtests.
func pathName(serviceSid string) string {
	if serviceSid == defaultService {
		return "default service"
	}
	return "scoped"
}

// fullConversationsUserChecks are every attribute of u (a user built by
// emulator.NewUser, in Chat's shape) as its Conversations twin at userURL.
func fullConversationsUserChecks(addr string, u map[string]any, userURL string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		expectAttr(addr, "sid", knownvalue.StringExact(userField(u, "sid"))),
		expectAttr(addr, "identity", knownvalue.StringExact(userField(u, "identity"))),
		expectAttr(addr, "chat_service_sid", knownvalue.StringExact(userField(u, "service_sid"))),
		expectAttr(addr, "account_sid", knownvalue.StringExact(testAccountSid)),
		expectAttr(addr, "role_sid", knownvalue.StringExact(userField(u, "role_sid"))),
		expectAttr(addr, "friendly_name", knownvalue.StringExact(userField(u, "friendly_name"))),
		expectAttr(addr, "attributes", knownvalue.StringExact(`{"team":"platform"}`)),
		expectAttr(addr, "is_online", knownvalue.Bool(true)),
		expectAttr(addr, "is_notifiable", knownvalue.Bool(false)),
		expectAttr(addr, "date_created", knownvalue.StringExact("2016-03-24T21:05:19Z")),
		expectAttr(addr, "date_updated", knownvalue.StringExact("2016-03-25T09:41:07Z")),
		expectAttr(addr, "url", knownvalue.StringExact(userURL)),
		expectAttr(addr, "links", knownvalue.MapExact(map[string]knownvalue.Check{
			"user_conversations": knownvalue.StringExact(userURL + "/Conversations"),
		})),
	}
}

// expectRequests fails unless every request the emulator saw was a GET of
// want on route, without a query.
func expectRequests(t *testing.T, emu *emulator.Server, route emulator.RouteName, want string) {
	t.Helper()
	reqs := emu.Requests()
	if len(reqs) == 0 {
		t.Fatalf("the emulator saw no request, want GET %s", want)
	}
	for _, r := range reqs {
		if r.Method != "GET" || r.Route != route || r.EscapedPath != want || r.RawQuery != "" {
			t.Errorf("request = %s %s?%s on route %q, want GET %s on route %q without a query", r.Method, r.EscapedPath, r.RawQuery, r.Route, want, route)
		}
	}
}

func TestAccConversationsUserDataSource_bySidAndByIdentity(t *testing.T) {
	for _, service := range []string{testServiceSid, defaultService} {
		for _, lookup := range []struct{ argument, value string }{{"identity", "jing"}, {"sid", testUserSid}} {
			t.Run(pathName(service)+"/"+lookup.argument, func(t *testing.T) {
				emu := startEmulator(t)
				// On the default service, chat_service_sid can only come from
				// Twilio's answer: make it another service than the seed's.
				home := testServiceSid
				if service == defaultService {
					home = otherService
					emu.PutUser(home, emulator.NewUser(emu.URL(), testAccountSid, home, testUserSid, "jing"))
					emu.SetDefaultService(home)
				}
				u := emulator.NewUser(emu.URL(), testAccountSid, home, testUserSid, "jing")
				userURL := emu.URL() + conversationsUserPath(service, testUserSid)
				accTest(t, resource.TestStep{
					Config:            providerBlock(emu) + testAccConversationsUserConfig("jing", service, lookup.argument, lookup.value),
					ConfigStateChecks: fullConversationsUserChecks("data.twilio_conversations_user.jing", u, userURL),
				})
				expectRequests(t, emu, conversationsUserRoute(service), conversationsUserPath(service, lookup.value))
			})
		}
	}
}

func TestAccConversationsUserDataSource_nullsStayNull(t *testing.T) {
	for _, service := range []string{testServiceSid, defaultService} {
		t.Run(pathName(service), func(t *testing.T) {
			emu := startEmulator(t)
			emu.SetDefaultService(testServiceSid)
			ghost := map[string]any{
				"sid": testUserSid2, "identity": "ghost", "account_sid": nil, "service_sid": nil, "attributes": nil,
				"friendly_name": nil, "role_sid": nil, "is_online": nil, "is_notifiable": nil, "date_created": nil,
				"date_updated": nil, "links": nil, "url": nil,
			}
			if service != defaultService {
				// The provider refuses a user of another service than the
				// one asked for, so a scoped answer must name its service.
				ghost["service_sid"] = testServiceSid
			}
			emu.PutUser(testServiceSid, ghost)
			addr := "data.twilio_conversations_user.ghost"
			var chatService knownvalue.Check = knownvalue.Null()
			if service != defaultService {
				chatService = knownvalue.StringExact(testServiceSid)
			}
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + testAccConversationsUserConfig("ghost", service, "identity", "ghost"),
				ConfigStateChecks: append([]statecheck.StateCheck{
					expectAttr(addr, "sid", knownvalue.StringExact(testUserSid2)),
					expectAttr(addr, "identity", knownvalue.StringExact("ghost")),
					expectAttr(addr, "chat_service_sid", chatService),
				}, expectNulls(addr, "account_sid", "attributes", "friendly_name", "role_sid", "is_online", "is_notifiable", "date_created", "date_updated", "links", "url")...),
			})
		})
	}
}

func TestAccConversationsUserDataSource_falseAndEmptyAreNotNull(t *testing.T) {
	emu := startEmulator(t)
	emu.PutUser(testServiceSid, map[string]any{
		"sid": testUserSid2, "identity": "away", "service_sid": testServiceSid, "is_online": false, "is_notifiable": false,
		"friendly_name": "", "attributes": "{}", "links": map[string]any{},
	})
	addr := "data.twilio_conversations_user.away"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + testAccConversationsUserConfig("away", testServiceSid, "sid", testUserSid2),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(addr, "identity", knownvalue.StringExact("away")),
			expectAttr(addr, "is_online", knownvalue.Bool(false)),
			expectAttr(addr, "is_notifiable", knownvalue.Bool(false)),
			expectAttr(addr, "friendly_name", knownvalue.StringExact("")),
			expectAttr(addr, "attributes", knownvalue.StringExact("{}")),
			expectAttr(addr, "links", knownvalue.MapExact(map[string]knownvalue.Check{})),
		},
	})
}

func TestAccConversationsUserDataSource_oddIdentitiesAreOnePathSegment(t *testing.T) {
	emu := startEmulator(t)
	emu.SetDefaultService(testServiceSid)
	config := providerBlock(emu)
	var checks []statecheck.StateCheck
	// want maps each path the provider must request to its route.
	want := map[string]emulator.RouteName{}
	i := 10
	for name, identity := range oddIdentities {
		sid := fmt.Sprintf("US%032d", i)
		i++
		emu.PutUser(testServiceSid, emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, sid, identity))
		for _, service := range []string{testServiceSid, defaultService} {
			addr := name + "_" + strings.ReplaceAll(pathName(service), " ", "_")
			config += testAccConversationsUserConfig(addr, service, "identity", identity)
			checks = append(checks,
				expectAttr("data.twilio_conversations_user."+addr, "sid", knownvalue.StringExact(sid)),
				expectAttr("data.twilio_conversations_user."+addr, "identity", knownvalue.StringExact(identity)),
				expectAttr("data.twilio_conversations_user."+addr, "chat_service_sid", knownvalue.StringExact(testServiceSid)))
			want[conversationsUserPath(service, identity)] = conversationsUserRoute(service)
		}
	}
	accTest(t, resource.TestStep{Config: config, ConfigStateChecks: checks})
	seen := map[string]bool{}
	for _, r := range emu.Requests() {
		seen[r.EscapedPath] = true
		if route, ok := want[r.EscapedPath]; !ok || r.Route != route || r.RawQuery != "" {
			t.Errorf("request %s?%s on route %q is none of the expected one-segment paths", r.EscapedPath, r.RawQuery, r.Route)
		}
	}
	for path := range want {
		if !seen[path] {
			t.Errorf("the emulator never saw GET %s", path)
		}
	}
}

func TestAccConversationsUserDataSource_notFound(t *testing.T) {
	t.Run("scoped", func(t *testing.T) {
		emu := startEmulator(t)
		accTest(t, resource.TestStep{
			Config:      providerBlock(emu) + testAccConversationsUserConfig("missing", testServiceSid, "identity", "nobody"),
			ExpectError: errorPattern("conversations user not found", `No conversations user with identity "nobody" in service `+testServiceSid+": HTTP 404, Twilio error 20404"),
		}, resource.TestStep{
			Config: providerBlock(emu) + testAccConversationsUserConfig("missing", otherService, "sid", testUserSid),
			ExpectError: errorPattern("conversations user not found",
				`No conversations user with sid "`+testUserSid+`" in service `+otherService+": HTTP 403, Twilio error 20403: Service instance not found"),
		})
		expectStatuses(t, emu, "404,403")
	})
	t.Run("default service", func(t *testing.T) {
		emu := startEmulator(t)
		emu.SetDefaultService(testServiceSid)
		accTest(t, resource.TestStep{
			Config: providerBlock(emu) + testAccConversationsUserConfig("missing", defaultService, "identity", "nobody"),
			ExpectError: errorPattern("conversations user not found",
				`No conversations user with identity "nobody" in the account's default Conversations service: HTTP 404, Twilio error 20404`),
		})
		expectRequests(t, emu, emulator.RouteConversationsDefaultUser, "/v1/Users/nobody")
		expectStatuses(t, emu, "404")
	})
	t.Run("no default service", func(t *testing.T) {
		emu := startEmulator(t)
		accTest(t, resource.TestStep{
			Config: providerBlock(emu) + testAccConversationsUserConfig("missing", defaultService, "sid", testUserSid),
			ExpectError: errorPattern("conversations user not found",
				`No conversations user with sid "`+testUserSid+`" in the account's default Conversations service: HTTP 404, Twilio error 20404`),
		})
		expectStatuses(t, emu, "404")
	})
}

// The rules every lookup shares are in the conformance suite
// (lookup_conformance_test.go); these are the identity's own.
func TestAccConversationsUserDataSource_invalidArgumentsFailAtPlanWithoutRequests(t *testing.T) {
	emu := startEmulator(t)
	step := func(args, want string) resource.TestStep {
		return invalidStep(emu, "twilio_conversations_user", args, want)
	}
	accTest(t,
		step(`chat_service_sid = "IS123"`+"\n"+`identity = "jing"`, `(?s)Attribute chat_service_sid must be IS followed by 32\s+hexadecimal\s+digits`),
		step(`identity = ".."`, `(?s)Attribute identity value must be none of: \["\."\s+"\.\."\]`),
		step(`identity = "`+strings.Repeat("a", 1025)+`"`, `(?s)Attribute identity string length must be between 1 and 1024, got: 1025`),
	)
	if got := emu.RequestCount(); got != 0 {
		t.Fatalf("invalid arguments sent %d requests to the API", got)
	}
}

// Twilio serves one user on both APIs: the Chat and the Conversations data
// sources must agree on every attribute they share.
func TestAccConversationsUserDataSource_agreesWithChatUser(t *testing.T) {
	emu := startEmulator(t)
	emu.SetDefaultService(testServiceSid)
	chatUser, scoped, onDefault := "data.twilio_chat_user.jing", "data.twilio_conversations_user.scoped", "data.twilio_conversations_user.on_default"
	var checks []statecheck.StateCheck
	for _, conv := range []string{scoped, onDefault} {
		for _, attr := range []string{"sid", "identity", "account_sid", "role_sid", "friendly_name", "attributes",
			"is_online", "is_notifiable", "date_created", "date_updated"} {
			checks = append(checks, statecheck.CompareValuePairs(chatUser, tfjsonpath.New(attr), conv, tfjsonpath.New(attr), compare.ValuesSame()))
		}
		checks = append(checks, statecheck.CompareValuePairs(chatUser, tfjsonpath.New("service_sid"), conv, tfjsonpath.New("chat_service_sid"), compare.ValuesSame()))
	}
	// ValuesSame passes on two nulls: the values compared must be there.
	checks = append(checks, fullConversationsUserChecks(onDefault, emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, testUserSid, "jing"), emu.URL()+"/v1/Users/"+testUserSid)...)
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) +
			testAccChatUserConfig("jing", testServiceSid, "identity", "jing") +
			testAccConversationsUserConfig("scoped", testServiceSid, "sid", testUserSid) +
			testAccConversationsUserConfig("on_default", defaultService, "identity", "jing"),
		ConfigStateChecks: checks,
	})
}

func TestAccConversationsServiceConfigurationDataSource_everyAttribute(t *testing.T) {
	emu := startEmulator(t)
	gen := emulator.NewServiceConfiguration(emu.URL(), testServiceSid)
	configURL := emu.URL() + "/v1/Services/" + testServiceSid + "/Configuration"
	custom := "ISabcdefabcdefabcdefabcdefabcdefab"
	emu.SetServiceConfiguration(custom, map[string]any{
		"chat_service_sid":                      custom,
		"default_chat_service_role_sid":         "RL00000000000000000000000000000001",
		"default_conversation_role_sid":         "RL00000000000000000000000000000002",
		"default_conversation_creator_role_sid": "RL00000000000000000000000000000003",
		"reachability_enabled":                  true,
		"url":                                   "https://conversations.twilio.com/v1/Services/" + custom + "/Configuration",
		"links":                                 map[string]any{"notifications": "https://n.example/x", "webhooks": "https://w.example/y"},
	})
	generated, stored := "data.twilio_conversations_service_configuration.generated", "data.twilio_conversations_service_configuration.stored"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) +
			dataBlock("twilio_conversations_service_configuration", "generated", str("chat_service_sid", testServiceSid)) +
			dataBlock("twilio_conversations_service_configuration", "stored", str("chat_service_sid", custom)),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(generated, "chat_service_sid", knownvalue.StringExact(testServiceSid)),
			expectAttr(generated, "default_chat_service_role_sid", knownvalue.StringExact(userField(gen, "default_chat_service_role_sid"))),
			expectAttr(generated, "default_conversation_role_sid", knownvalue.StringExact(userField(gen, "default_conversation_role_sid"))),
			expectAttr(generated, "default_conversation_creator_role_sid", knownvalue.StringExact(userField(gen, "default_conversation_creator_role_sid"))),
			// false, not null.
			expectAttr(generated, "reachability_enabled", knownvalue.Bool(false)),
			expectAttr(generated, "url", knownvalue.StringExact(configURL)),
			expectAttr(generated, "links", knownvalue.MapExact(map[string]knownvalue.Check{
				"notifications": knownvalue.StringExact(configURL + "/Notifications"),
				"webhooks":      knownvalue.StringExact(configURL + "/Webhooks"),
			})),
			expectAttr(stored, "chat_service_sid", knownvalue.StringExact(custom)),
			expectAttr(stored, "default_chat_service_role_sid", knownvalue.StringExact("RL00000000000000000000000000000001")),
			expectAttr(stored, "default_conversation_role_sid", knownvalue.StringExact("RL00000000000000000000000000000002")),
			expectAttr(stored, "default_conversation_creator_role_sid", knownvalue.StringExact("RL00000000000000000000000000000003")),
			expectAttr(stored, "reachability_enabled", knownvalue.Bool(true)),
			expectAttr(stored, "url", knownvalue.StringExact("https://conversations.twilio.com/v1/Services/"+custom+"/Configuration")),
			expectAttr(stored, "links", knownvalue.MapExact(map[string]knownvalue.Check{
				"notifications": knownvalue.StringExact("https://n.example/x"),
				"webhooks":      knownvalue.StringExact("https://w.example/y"),
			})),
		},
	})
	for _, r := range emu.Requests() {
		if r.Route != emulator.RouteConversationsServiceConfiguration || r.RawQuery != "" ||
			(r.EscapedPath != "/v1/Services/"+testServiceSid+"/Configuration" && r.EscapedPath != "/v1/Services/"+custom+"/Configuration") {
			t.Errorf("unexpected request %s?%s on route %q", r.EscapedPath, r.RawQuery, r.Route)
		}
	}
}

func TestAccConversationsServiceConfigurationDataSource_nullsStayNull(t *testing.T) {
	emu := startEmulator(t)
	emu.SetServiceConfiguration(testServiceSid, map[string]any{
		"chat_service_sid": nil, "default_chat_service_role_sid": nil, "default_conversation_role_sid": nil,
		"default_conversation_creator_role_sid": nil, "reachability_enabled": nil, "url": nil, "links": nil,
	})
	addr := "data.twilio_conversations_service_configuration.x"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + dataBlock("twilio_conversations_service_configuration", "x", str("chat_service_sid", testServiceSid)),
		ConfigStateChecks: append([]statecheck.StateCheck{
			// As configured, whatever Twilio answered.
			expectAttr(addr, "chat_service_sid", knownvalue.StringExact(testServiceSid)),
		}, expectNulls(addr, "default_chat_service_role_sid", "default_conversation_role_sid", "default_conversation_creator_role_sid", "reachability_enabled", "url", "links")...),
	})
}

func TestAccConversationsServiceConfigurationDataSource_unknownServiceIsNotFound(t *testing.T) {
	emu := startEmulator(t)
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + dataBlock("twilio_conversations_service_configuration", "x", str("chat_service_sid", otherService)),
		ExpectError: errorPattern("conversations service configuration not found",
			"No conversations service configuration of service "+otherService+": HTTP 403, Twilio error 20403: Service instance not found"),
	})
	expectRequests(t, emu, emulator.RouteConversationsServiceConfiguration, "/v1/Services/"+otherService+"/Configuration")
	expectStatuses(t, emu, "403")
}

func TestAccConversationsServiceConfigurationDataSource_invalidServiceSidFailsAtPlanWithoutRequests(t *testing.T) {
	emu := startEmulator(t)
	step := func(args, want string) resource.TestStep {
		return invalidStep(emu, "twilio_conversations_service_configuration", args, want)
	}
	accTest(t,
		step(`chat_service_sid = "IS123"`, `(?s)Attribute chat_service_sid must be IS followed by 32\s+hexadecimal\s+digits`),
		step(`chat_service_sid = "`+testUserSid+`"`, `(?s)Attribute chat_service_sid must be IS followed by 32\s+hexadecimal\s+digits`),
		step(``, `(?s)Missing required argument.*The argument "chat_service_sid" is required`),
	)
	if got := emu.RequestCount(); got != 0 {
		t.Fatalf("invalid arguments sent %d requests to the API", got)
	}
}

func TestAccConversationsConfigurationDataSource_everyAttribute(t *testing.T) {
	for name, defaultSvc := range map[string]string{"with a default service": testServiceSid, "without": ""} {
		t.Run(name, func(t *testing.T) {
			emu := startEmulator(t)
			emu.SetDefaultService(defaultSvc)
			gen := emulator.NewAccountConfiguration(emu.URL(), testAccountSid, defaultSvc)
			links := map[string]knownvalue.Check{"webhooks": knownvalue.StringExact(emu.URL() + "/v1/Configuration/Webhooks")}
			var defaultCheck knownvalue.Check = knownvalue.Null()
			if defaultSvc != "" {
				links["service"] = knownvalue.StringExact(emu.URL() + "/v1/Services/" + defaultSvc + "/Configuration")
				defaultCheck = knownvalue.StringExact(defaultSvc)
			}
			addr := "data.twilio_conversations_configuration.account"
			accTest(t, resource.TestStep{
				Config: providerBlock(emu) + dataBlock("twilio_conversations_configuration", "account"),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(addr, "account_sid", knownvalue.StringExact(testAccountSid)),
					expectAttr(addr, "default_chat_service_sid", defaultCheck),
					expectAttr(addr, "default_messaging_service_sid", knownvalue.StringExact(userField(gen, "default_messaging_service_sid"))),
					expectAttr(addr, "default_inactive_timer", knownvalue.StringExact("PT1M")),
					expectAttr(addr, "default_closed_timer", knownvalue.StringExact("PT10M")),
					expectAttr(addr, "url", knownvalue.StringExact(emu.URL()+"/v1/Configuration")),
					expectAttr(addr, "links", knownvalue.MapExact(links)),
				},
			})
			expectRequests(t, emu, emulator.RouteConversationsConfiguration, "/v1/Configuration")
		})
	}
}

func TestAccConversationsConfigurationDataSource_nullsStayNull(t *testing.T) {
	emu := startEmulator(t)
	emu.SetAccountConfiguration(map[string]any{
		"account_sid": nil, "default_chat_service_sid": nil, "default_messaging_service_sid": nil,
		"default_inactive_timer": nil, "default_closed_timer": nil, "url": nil, "links": nil,
	})
	addr := "data.twilio_conversations_configuration.account"
	accTest(t, resource.TestStep{
		Config:            providerBlock(emu) + dataBlock("twilio_conversations_configuration", "account"),
		ConfigStateChecks: expectNulls(addr, "account_sid", "default_chat_service_sid", "default_messaging_service_sid", "default_inactive_timer", "default_closed_timer", "url", "links"),
	})
}

func TestAccConversationsConfigurationDataSource_storedValues(t *testing.T) {
	emu := startEmulator(t)
	emu.SetAccountConfiguration(map[string]any{
		"account_sid": testAccountSid, "default_chat_service_sid": otherService,
		"default_messaging_service_sid": "MG00000000000000000000000000000001",
		"default_inactive_timer":        "PT5M", "default_closed_timer": "P1D",
		"url":   "https://conversations.twilio.com/v1/Configuration",
		"links": map[string]any{},
	})
	addr := "data.twilio_conversations_configuration.account"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + dataBlock("twilio_conversations_configuration", "account"),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(addr, "account_sid", knownvalue.StringExact(testAccountSid)),
			expectAttr(addr, "default_chat_service_sid", knownvalue.StringExact(otherService)),
			expectAttr(addr, "default_messaging_service_sid", knownvalue.StringExact("MG00000000000000000000000000000001")),
			expectAttr(addr, "default_inactive_timer", knownvalue.StringExact("PT5M")),
			expectAttr(addr, "default_closed_timer", knownvalue.StringExact("P1D")),
			expectAttr(addr, "url", knownvalue.StringExact("https://conversations.twilio.com/v1/Configuration")),
			// Empty, not null.
			expectAttr(addr, "links", knownvalue.MapExact(map[string]knownvalue.Check{})),
		},
	})
}

// The account's configuration names the default service; its configuration
// and a user on it follow, and the user's role is known at plan time.
func TestAccConversations_defaultServiceWiredToRoleSidKnownAtPlan(t *testing.T) {
	emu := startEmulator(t)
	emu.SetDefaultService(testServiceSid)
	role := userField(emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, testUserSid, "jing"), "role_sid")
	defaultRole := userField(emulator.NewServiceConfiguration(emu.URL(), testServiceSid), "default_chat_service_role_sid")
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) +
			dataBlock("twilio_conversations_configuration", "account") +
			dataBlock("twilio_conversations_service_configuration", "default",
				expr("chat_service_sid", "data.twilio_conversations_configuration.account.default_chat_service_sid")) +
			dataBlock("twilio_conversations_user", "jing",
				expr("chat_service_sid", "data.twilio_conversations_service_configuration.default.chat_service_sid"),
				str("identity", "jing")) + `
resource "terraform_data" "membership" {
  input = {
    role_sid         = data.twilio_conversations_user.jing.role_sid
    default_role_sid = data.twilio_conversations_service_configuration.default.default_chat_service_role_sid
  }
}`,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("terraform_data.membership", plancheck.ResourceActionCreate),
				plancheck.ExpectKnownValue("terraform_data.membership", tfjsonpath.New("input").AtMapKey("role_sid"), knownvalue.StringExact(role)),
				plancheck.ExpectKnownValue("terraform_data.membership", tfjsonpath.New("input").AtMapKey("default_role_sid"), knownvalue.StringExact(defaultRole)),
			},
		},
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr("data.twilio_conversations_user.jing", "chat_service_sid", knownvalue.StringExact(testServiceSid)),
			statecheck.ExpectKnownValue("terraform_data.membership", tfjsonpath.New("output").AtMapKey("role_sid"), knownvalue.StringExact(role)),
		},
	})
	paths := map[string]bool{}
	for _, r := range emu.Requests() {
		paths[r.EscapedPath] = true
	}
	for _, want := range []string{"/v1/Configuration", "/v1/Services/" + testServiceSid + "/Configuration", "/v1/Services/" + testServiceSid + "/Users/jing"} {
		if !paths[want] {
			t.Errorf("the emulator never saw GET %s", want)
		}
	}
}

func TestAccConversations_plainHTTPToARemoteHostIsRefused(t *testing.T) {
	emu := startEmulator(t)
	accTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "twilio" {
  account_sid = %q
  auth_token  = %q
  endpoints   = { chat = %q, conversations = "http://example.com" }
}`, testAccountSid, testAuthToken, emu.URL()) + testAccConversationsUserConfig("jing", testServiceSid, "identity", "jing"),
		PlanOnly: true,
		ExpectError: errorPattern("Invalid Twilio endpoint",
			`endpoints.conversations "http://example.com" uses plain http to a host that is not loopback; credentials would travel in clear text`),
	})
	if got := emu.RequestCount(); got != 0 {
		t.Fatalf("the emulator saw %d requests, want 0", got)
	}
}
