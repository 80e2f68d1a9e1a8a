package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

func fullUserChecks(addr string, u map[string]any) []statecheck.StateCheck {
	links, _ := u["links"].(map[string]any)
	return []statecheck.StateCheck{
		expectAttr(addr, "sid", knownvalue.StringExact(userField(u, "sid"))),
		expectAttr(addr, "identity", knownvalue.StringExact(userField(u, "identity"))),
		expectAttr(addr, "service_sid", knownvalue.StringExact(testServiceSid)),
		expectAttr(addr, "account_sid", knownvalue.StringExact(testAccountSid)),
		expectAttr(addr, "attributes", knownvalue.StringExact(`{"team":"platform"}`)),
		expectAttr(addr, "friendly_name", knownvalue.StringExact(userField(u, "friendly_name"))),
		expectAttr(addr, "role_sid", knownvalue.StringExact(userField(u, "role_sid"))),
		expectAttr(addr, "is_online", knownvalue.Bool(true)),
		expectAttr(addr, "is_notifiable", knownvalue.Bool(false)),
		expectAttr(addr, "date_created", knownvalue.StringExact("2016-03-24T21:05:19Z")),
		expectAttr(addr, "date_updated", knownvalue.StringExact("2016-03-25T09:41:07Z")),
		expectAttr(addr, "joined_channels_count", knownvalue.Int64Exact(3)),
		expectAttr(addr, "url", knownvalue.StringExact(userField(u, "url"))),
		expectAttr(addr, "links", knownvalue.MapExact(map[string]knownvalue.Check{
			"user_channels": knownvalue.StringExact(userField(links, "user_channels")),
			"user_bindings": knownvalue.StringExact(userField(links, "user_bindings")),
		})),
	}
}

func TestAccChatUserDataSource_bySidAndByIdentity(t *testing.T) {
	for _, lookup := range []struct{ argument, value string }{{"identity", "jing"}, {"sid", testUserSid}} {
		t.Run(lookup.argument, func(t *testing.T) {
			emu := startEmulator(t)
			u := emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, testUserSid, "jing")
			accTest(t, resource.TestStep{
				Config:            providerBlock(emu) + testAccChatUserConfig("jing", testServiceSid, lookup.argument, lookup.value),
				ConfigStateChecks: fullUserChecks("data.twilio_chat_user.jing", u),
			})
			req := emu.Requests()[0]
			if want := "/v2/Services/" + testServiceSid + "/Users/" + lookup.value; req.EscapedPath != want || req.Method != "GET" {
				t.Errorf("request = %s %s, want GET %s", req.Method, req.EscapedPath, want)
			}
			if ua := req.Header.Get("User-Agent"); !regexp.MustCompile(`^terraform-provider-twilio/test \(\+https://registry\.terraform\.io/seed-29301ef8/twilio\) Terraform/\d+\.\d+\.\d+`).MatchString(ua) {
				t.Errorf("User-Agent = %q", ua)
			}
		})
	}
}

func TestAccChatUserDataSource_allNullUser(t *testing.T) {
	emu := startEmulator(t)
	emu.PutUser(testServiceSid, map[string]any{
		"sid": testUserSid2, "identity": "ghost", "account_sid": nil, "service_sid": nil, "attributes": nil,
		"friendly_name": nil, "role_sid": nil, "is_online": nil, "is_notifiable": nil, "date_created": nil,
		"date_updated": nil, "links": nil, "url": nil,
	})
	addr := "data.twilio_chat_user.ghost"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + testAccChatUserConfig("ghost", testServiceSid, "identity", "ghost"),
		ConfigStateChecks: append([]statecheck.StateCheck{
			expectAttr(addr, "sid", knownvalue.StringExact(testUserSid2)),
			// Absent from the body: the spec's default of 0 applies.
			expectAttr(addr, "joined_channels_count", knownvalue.Int64Exact(0)),
		}, expectNulls(addr, "account_sid", "attributes", "friendly_name", "role_sid", "is_online", "is_notifiable", "date_created", "date_updated", "links", "url")...),
	})
}

func TestAccChatUserDataSource_falseIsNotNull(t *testing.T) {
	emu := startEmulator(t)
	emu.PutUser(testServiceSid, map[string]any{"sid": testUserSid2, "identity": "away", "is_online": false, "is_notifiable": false, "friendly_name": "", "joined_channels_count": 0})
	addr := "data.twilio_chat_user.away"
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + testAccChatUserConfig("away", testServiceSid, "sid", testUserSid2),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(addr, "identity", knownvalue.StringExact("away")),
			expectAttr(addr, "is_online", knownvalue.Bool(false)),
			expectAttr(addr, "is_notifiable", knownvalue.Bool(false)),
			expectAttr(addr, "friendly_name", knownvalue.StringExact("")),
			expectAttr(addr, "joined_channels_count", knownvalue.Int64Exact(0)),
		},
	})
}

func TestAccChatUserDataSource_oddIdentities(t *testing.T) {
	emu := startEmulator(t)
	config := providerBlock(emu)
	var checks []statecheck.StateCheck
	i := 10
	for name, identity := range oddIdentities {
		sid := fmt.Sprintf("US%032d", i)
		i++
		emu.PutUser(testServiceSid, emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, sid, identity))
		config += testAccChatUserConfig(name, testServiceSid, "identity", identity)
		checks = append(checks,
			expectAttr("data.twilio_chat_user."+name, "sid", knownvalue.StringExact(sid)),
			expectAttr("data.twilio_chat_user."+name, "identity", knownvalue.StringExact(identity)))
	}
	accTest(t, resource.TestStep{Config: config, ConfigStateChecks: checks})
	plus := "/v2/Services/" + testServiceSid + "/Users/jing%2Bops@example.com"
	sentPlus := false
	for _, req := range emu.Requests() {
		if req.RawQuery != "" {
			t.Errorf("request %s carried a query %q", req.EscapedPath, req.RawQuery)
		}
		sentPlus = sentPlus || req.EscapedPath == plus
	}
	// A server that decodes "+" in a path as a space would look up another
	// user: "+" goes out as %2B.
	if !sentPlus {
		t.Errorf("no request for %s", plus)
	}
}

func TestAccChatUserDataSource_notFound(t *testing.T) {
	emu := startEmulator(t)
	emu.AddService(otherService)
	accTest(t, resource.TestStep{
		Config:      providerBlock(emu) + testAccChatUserConfig("missing", testServiceSid, "identity", "nobody"),
		ExpectError: regexp.MustCompile(`(?s)chat user not found.*No chat user with identity "nobody" in service\s+` + testServiceSid + `:\s+HTTP 404, Twilio\s+error 20404`),
	},
		resource.TestStep{
			Config:      providerBlock(emu) + testAccChatUserConfig("missing", "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "sid", testUserSid),
			ExpectError: regexp.MustCompile(`(?s)chat user not found.*sid "` + testUserSid + `" in service\s+ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:\s+HTTP\s+403, Twilio\s+error 20403: Service\s+instance\s+not\s+found`),
		})
}

// The rules every lookup shares are in the conformance suite
// (lookup_conformance_test.go); these are the identity's own.
func TestAccChatUserDataSource_invalidArgumentsFailAtPlanWithoutRequests(t *testing.T) {
	emu := startEmulator(t)
	step := func(args, want string) resource.TestStep { return invalidStep(emu, "twilio_chat_user", args, want) }
	svc := `service_sid = "` + testServiceSid + `"` + "\n"
	accTest(t,
		step(`service_sid = "IS123"`+"\n"+`identity = "jing"`, `(?s)Attribute service_sid must be IS followed by 32 hexadecimal\s+digits`),
		step(svc+`identity = "."`, `(?s)Attribute identity value must be none of: \["\."\s+"\.\."\]`),
		step(svc+`identity = ".."`, `(?s)Attribute identity value must be none of`),
		step(svc+`identity = "`+strings.Repeat("a", 1025)+`"`, `(?s)Attribute identity string length must be between 1 and 1024, got: 1025`),
	)
	if got := emu.RequestCount(); got != 0 {
		t.Fatalf("invalid arguments sent %d requests to the API", got)
	}
}

func TestAccChatUserDataSource_rateLimitedThenSucceeds(t *testing.T) {
	emu := startEmulator(t)
	emu.InjectFaults(emulator.Fault{Status: 429, Header: map[string]string{"Retry-After": "1"}})
	accTest(t, resource.TestStep{
		Config:            providerBlock(emu) + testAccChatUserConfig("jing", testServiceSid, "identity", "jing"),
		ConfigStateChecks: []statecheck.StateCheck{expectAttr("data.twilio_chat_user.jing", "sid", knownvalue.StringExact(testUserSid))},
	})
	reqs := emu.Requests()
	if reqs[0].Status != 429 || reqs[1].Status != 200 {
		t.Fatalf("statuses = %d, %d; want 429 then 200", reqs[0].Status, reqs[1].Status)
	}
}

func TestAccChatUserDataSource_roleSidWiredAndKnownAtPlan(t *testing.T) {
	emu := startEmulator(t)
	role := userField(emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, testUserSid, "jing"), "role_sid")
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + testAccChatUserConfig("jing", testServiceSid, "identity", "jing") + `
resource "terraform_data" "membership" {
  input = data.twilio_chat_user.jing.role_sid
}`,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("terraform_data.membership", plancheck.ResourceActionCreate),
				plancheck.ExpectKnownValue("terraform_data.membership", tfjsonpath.New("input"), knownvalue.StringExact(role)),
			},
		},
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr("terraform_data.membership", "output", knownvalue.StringExact(role)),
		},
	})
}

func TestAccChatUserDataSource_deferredUntilServiceSidIsKnown(t *testing.T) {
	emu := startEmulator(t)
	role := userField(emulator.NewUser(emu.URL(), testAccountSid, testServiceSid, testUserSid, "jing"), "role_sid")
	accTest(t, resource.TestStep{
		Config: providerBlock(emu) + `
resource "terraform_data" "service" {
  input = "` + testServiceSid + `"
}` + dataBlock("twilio_chat_user", "jing", expr("service_sid", "terraform_data.service.output"), str("identity", "jing")) + `
resource "terraform_data" "membership" {
  input = data.twilio_chat_user.jing.role_sid
}`,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue("terraform_data.membership", tfjsonpath.New("input")),
			},
		},
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr("data.twilio_chat_user.jing", "role_sid", knownvalue.StringExact(role)),
			expectAttr("terraform_data.membership", "output", knownvalue.StringExact(role)),
		},
	})
}

func TestAccChatUserDataSource_providerConfiguredFromUnknownValues(t *testing.T) {
	emu := startEmulator(t)
	accTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
resource "terraform_data" "token" {
  input = %q
}
provider "twilio" {
  account_sid = %q
  auth_token  = terraform_data.token.output
  endpoints   = { chat = %q }
}`, testAuthToken, testAccountSid, emu.URL()) + testAccChatUserConfig("jing", testServiceSid, "identity", "jing"),
		ExpectError: errorPattern("Provider configuration not known yet", "The twilio provider's auth_token depends on values known only after apply", "-target"),
	})
	if got := emu.RequestCount(); got != 0 {
		t.Fatalf("emulator saw %d requests with an unknown configuration, want 0", got)
	}
}
