package provider

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// The live tests read from real Twilio with the credentials in the
// environment. They only read, and only the service and user they are given.

var (
	liveDatePattern = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$`)
)

// liveService is the chat service to read from, or a skip naming the
// environment variables that are missing.
func liveService(t *testing.T) string {
	t.Helper()
	return liveEnv(t, "TWILIO_TEST_CHAT_SERVICE_SID")[0]
}

func TestAccLive_userByIdentityThenBySid(t *testing.T) {
	service := liveService(t)
	identity := os.Getenv("TWILIO_TEST_CHAT_USER_IDENTITY")
	if identity == "" {
		t.Skip("skipping the live lookup of a user: TWILIO_TEST_CHAT_USER_IDENTITY (the identity of an existing user of TWILIO_TEST_CHAT_SERVICE_SID) is not set")
	}
	byIdentity, bySid := "data.twilio_chat_user.by_identity", "data.twilio_chat_user.by_sid"
	userURL := regexp.MustCompile(`/v2/Services/` + regexp.QuoteMeta(service) + `/Users/US[0-9a-fA-F]{32}$`)
	checks := []statecheck.StateCheck{
		expectAttr(byIdentity, "sid", knownvalue.StringRegexp(sid.Pattern(sid.User))),
		expectAttr(byIdentity, "identity", knownvalue.StringExact(identity)),
		expectAttr(byIdentity, "service_sid", knownvalue.StringExact(service)),
		expectAttr(byIdentity, "account_sid", knownvalue.StringExact(os.Getenv("TWILIO_ACCOUNT_SID"))),
		expectAttr(byIdentity, "role_sid", knownvalue.StringRegexp(sid.Pattern(sid.Role))),
		expectAttr(byIdentity, "date_created", knownvalue.StringRegexp(liveDatePattern)),
		expectAttr(byIdentity, "date_updated", knownvalue.StringRegexp(liveDatePattern)),
		expectAttr(byIdentity, "joined_channels_count", knownvalue.Int64Func(func(n int64) error {
			if n < 0 {
				return fmt.Errorf("joined_channels_count %d is negative", n)
			}
			return nil
		})),
		expectAttr(byIdentity, "url", knownvalue.StringRegexp(userURL)),
		expectAttr(byIdentity, "links", knownvalue.MapPartial(map[string]knownvalue.Check{
			"user_channels": knownvalue.StringRegexp(regexp.MustCompile(strings.TrimSuffix(userURL.String(), "$") + `/Channels$`)),
			"user_bindings": knownvalue.StringRegexp(regexp.MustCompile(strings.TrimSuffix(userURL.String(), "$") + `/Bindings$`)),
		})),
		expectAttr(bySid, "service_sid", knownvalue.StringExact(service)),
	}
	// The read by sid must find the very user the read by identity found.
	for _, attr := range []string{"sid", "identity", "account_sid", "role_sid", "friendly_name", "attributes",
		"date_created", "date_updated", "joined_channels_count", "url", "links"} {
		checks = append(checks, statecheck.CompareValuePairs(byIdentity, tfjsonpath.New(attr), bySid, tfjsonpath.New(attr), compare.ValuesSame()))
	}
	accTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "twilio" {}

data "twilio_chat_user" "by_identity" {
  service_sid = %q
  identity    = %q
}

data "twilio_chat_user" "by_sid" {
  service_sid = %q
  sid         = data.twilio_chat_user.by_identity.sid
}
`, service, identity, service),
		ConfigStateChecks: checks,
	})
}

func TestAccLive_unknownIdentityIsNotFound(t *testing.T) {
	service := liveService(t)
	nobody := "terraform-provider-twilio-live-test-" + randomHex(t, 8)
	accTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "twilio" {}

data "twilio_chat_user" "nobody" {
  service_sid = %q
  identity    = %q
}
`, service, nobody),
		ExpectError: errorPattern("chat user not found", fmt.Sprintf("No chat user with identity %q in service %s", nobody, service), "HTTP 404"),
	})
}

func TestAccLive_wrongAuthTokenIsRefused(t *testing.T) {
	service := liveService(t)
	// An API key in the environment would be used instead of the token.
	t.Setenv("TWILIO_API_KEY", "")
	t.Setenv("TWILIO_API_SECRET", "")
	t.Setenv("TWILIO_AUTH_TOKEN", "wrong-"+randomHex(t, 13))
	accTestSerial(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "twilio" {}

data "twilio_chat_user" "any" {
  service_sid = %q
  identity    = "any"
}
`, service),
		ExpectError: errorPattern("Twilio authentication failed", "account_sid/auth_token (account "+os.Getenv("TWILIO_ACCOUNT_SID")+")", "HTTP 401"),
	})
}

func randomHex(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// liveProvider takes everything from the environment.
const liveProvider = "\nprovider \"twilio\" {}\n"

// liveEnv is the values of the environment variables a live test needs,
// besides the credentials, or a skip naming those that are missing.
func liveEnv(t *testing.T, names ...string) []string {
	t.Helper()
	var missing, values []string
	for _, env := range append([]string{"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"}, names...) {
		if os.Getenv(env) == "" {
			missing = append(missing, env)
		}
	}
	if len(missing) > 0 {
		t.Skipf("skipping the live test against Twilio: %s not set", strings.Join(missing, ", "))
	}
	for _, env := range names {
		values = append(values, os.Getenv(env))
	}
	return values
}

// liveConversationsUserChecks are the checks of a Conversations user read
// live at addr: its identity, its service, and the shapes of the rest.
func liveConversationsUserChecks(addr, identity string, service knownvalue.Check, userURL *regexp.Regexp) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		expectAttr(addr, "sid", knownvalue.StringRegexp(sid.Pattern(sid.User))),
		expectAttr(addr, "identity", knownvalue.StringExact(identity)),
		expectAttr(addr, "chat_service_sid", service),
		expectAttr(addr, "account_sid", knownvalue.StringExact(os.Getenv("TWILIO_ACCOUNT_SID"))),
		expectAttr(addr, "role_sid", knownvalue.StringRegexp(sid.Pattern(sid.Role))),
		expectAttr(addr, "date_created", knownvalue.StringRegexp(liveDatePattern)),
		expectAttr(addr, "date_updated", knownvalue.StringRegexp(liveDatePattern)),
		expectAttr(addr, "url", knownvalue.StringRegexp(userURL)),
		expectAttr(addr, "links", knownvalue.MapPartial(map[string]knownvalue.Check{
			"user_conversations": knownvalue.StringRegexp(regexp.MustCompile(strings.TrimSuffix(userURL.String(), "$") + `/Conversations$`)),
		})),
	}
}

func TestAccLive_conversationsUserByIdentityThenBySid(t *testing.T) {
	vars := liveEnv(t, "TWILIO_TEST_CONVERSATIONS_SERVICE_SID", "TWILIO_TEST_CONVERSATIONS_USER_IDENTITY")
	service, identity := vars[0], vars[1]
	byIdentity, bySid := "data.twilio_conversations_user.by_identity", "data.twilio_conversations_user.by_sid"
	userURL := regexp.MustCompile(`/v1/Services/` + regexp.QuoteMeta(service) + `/Users/US[0-9a-fA-F]{32}$`)
	checks := liveConversationsUserChecks(byIdentity, identity, knownvalue.StringExact(service), userURL)
	checks = append(checks, expectAttr(bySid, "chat_service_sid", knownvalue.StringExact(service)))
	for _, attr := range []string{"sid", "identity", "account_sid", "role_sid", "friendly_name", "attributes",
		"date_created", "date_updated", "url", "links"} {
		checks = append(checks, statecheck.CompareValuePairs(byIdentity, tfjsonpath.New(attr), bySid, tfjsonpath.New(attr), compare.ValuesSame()))
	}
	accTest(t, resource.TestStep{
		Config: liveProvider +
			testAccConversationsUserConfig("by_identity", service, "identity", identity) +
			dataBlock("twilio_conversations_user", "by_sid", str("chat_service_sid", service), expr("sid", "data.twilio_conversations_user.by_identity.sid")),
		ConfigStateChecks: checks,
	})
}

func TestAccLive_conversationsUserOnTheDefaultService(t *testing.T) {
	identity := liveEnv(t, "TWILIO_TEST_CONVERSATIONS_DEFAULT_USER_IDENTITY")[0]
	addr := "data.twilio_conversations_user.on_default"
	checks := liveConversationsUserChecks(addr, identity, knownvalue.StringRegexp(sid.Pattern(sid.Service)),
		regexp.MustCompile(`/v1/(Services/IS[0-9a-fA-F]{32}/)?Users/US[0-9a-fA-F]{32}$`))
	// The user's service is the one the account's configuration names.
	checks = append(checks, statecheck.CompareValuePairs(addr, tfjsonpath.New("chat_service_sid"),
		"data.twilio_conversations_configuration.account", tfjsonpath.New("default_chat_service_sid"), compare.ValuesSame()))
	accTest(t, resource.TestStep{
		Config: liveProvider +
			dataBlock("twilio_conversations_configuration", "account") +
			testAccConversationsUserConfig("on_default", defaultService, "identity", identity),
		ConfigStateChecks: checks,
	})
}

func TestAccLive_conversationsConfigurations(t *testing.T) {
	service := liveEnv(t, "TWILIO_TEST_CONVERSATIONS_SERVICE_SID")[0]
	account, svc := "data.twilio_conversations_configuration.account", "data.twilio_conversations_service_configuration.service"
	accTest(t, resource.TestStep{
		Config: liveProvider +
			dataBlock("twilio_conversations_configuration", "account") +
			dataBlock("twilio_conversations_service_configuration", "service", str("chat_service_sid", service)),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(account, "account_sid", knownvalue.StringExact(os.Getenv("TWILIO_ACCOUNT_SID"))),
			expectAttr(account, "default_chat_service_sid", knownvalue.StringRegexp(sid.Pattern(sid.Service))),
			expectAttr(account, "url", knownvalue.StringRegexp(regexp.MustCompile(`/v1/Configuration$`))),
			expectAttr(svc, "chat_service_sid", knownvalue.StringExact(service)),
			expectAttr(svc, "default_chat_service_role_sid", knownvalue.StringRegexp(sid.Pattern(sid.Role))),
			expectAttr(svc, "default_conversation_role_sid", knownvalue.StringRegexp(sid.Pattern(sid.Role))),
			expectAttr(svc, "default_conversation_creator_role_sid", knownvalue.StringRegexp(sid.Pattern(sid.Role))),
			expectAttr(svc, "reachability_enabled", knownvalue.NotNull()),
			expectAttr(svc, "url", knownvalue.StringRegexp(regexp.MustCompile(`/v1/Services/`+regexp.QuoteMeta(service)+`/Configuration$`))),
		},
	})
}

func TestAccLive_conversationsUnknownIdentityIsNotFound(t *testing.T) {
	service := liveEnv(t, "TWILIO_TEST_CONVERSATIONS_SERVICE_SID")[0]
	nobody := "terraform-provider-twilio-live-test-" + randomHex(t, 8)
	accTest(t, resource.TestStep{
		Config:      liveProvider + testAccConversationsUserConfig("nobody", service, "identity", nobody),
		ExpectError: errorPattern("conversations user not found", fmt.Sprintf("No conversations user with identity %q in service %s", nobody, service), "HTTP 404"),
	})
}

// TWILIO_TEST_FLEX_SERVICE_SID is the flex_service_instance_sid of an account
// that runs Flex: its configuration is read, and its Conversations service's
// users are listed from it, with no other SID given.
func TestAccLive_flexConfigurationFeedsConversations(t *testing.T) {
	service := liveEnv(t, "TWILIO_TEST_FLEX_SERVICE_SID")[0]
	sidOf := func(prefix string) knownvalue.Check {
		return knownvalue.StringRegexp(regexp.MustCompile(`^` + prefix + `[0-9a-fA-F]{32}$`))
	}
	accTest(t, resource.TestStep{
		Config: liveProvider + flexConfig() +
			dataBlock("twilio_conversations_users", "agents", expr("chat_service_sid", flexAddr+".flex_service_instance_sid")),
		ConfigStateChecks: []statecheck.StateCheck{
			expectAttr(flexAddr, "account_sid", knownvalue.StringExact(os.Getenv("TWILIO_ACCOUNT_SID"))),
			expectAttr(flexAddr, "flex_service_instance_sid", knownvalue.StringExact(service)),
			expectAttr(flexAddr, "chat_service_instance_sid", sidOf("IS")),
			expectAttr(flexAddr, "taskrouter_workspace_sid", sidOf("WS")),
			expectAttr(flexAddr, "flex_instance_sid", sidOf("GO")),
			expectAttr(flexAddr, "status", knownvalue.StringRegexp(regexp.MustCompile(`^(ok|inprogress|notstarted)$`))),
			expectAttr(flexAddr, "date_created", knownvalue.StringRegexp(liveDatePattern)),
			expectAttr(flexAddr, "url", knownvalue.StringRegexp(regexp.MustCompile(`/v1/Configuration$`))),
			expectAttr("data.twilio_conversations_users.agents", "chat_service_sid", knownvalue.StringExact(service)),
		},
	})
}
