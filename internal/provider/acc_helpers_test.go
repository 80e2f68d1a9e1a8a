package provider

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/zclconf/go-cty/cty"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

const (
	testAccountSid = "AC0123456789abcdef0123456789abcdef"
	testAuthToken  = "emulator-auth-token-7d1e"
	testServiceSid = "IS0123456789abcdef0123456789abcdef"
	otherService   = "ISfedcba9876543210fedcba9876543210"
	testUserSid    = "US0123456789abcdef0123456789abcdef"
	testUserSid2   = "US00000000000000000000000000000002"
)

// The acceptance tests serve the provider exactly as main.go does.
var testAccProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"twilio": func() (tfprotov6.ProviderServer, error) { return NewServer("test")(), nil },
}

// startEmulator serves an emulator on loopback for one test, seeded with the
// user "jing" (testUserSid) in testServiceSid.
func startEmulator(t *testing.T) *emulator.Server {
	return startEmulatorWith(t, (*emulator.Server).Start)
}

// startTLSEmulator is startEmulator over HTTPS, with a certificate no system
// trusts.
func startTLSEmulator(t *testing.T) *emulator.Server {
	return startEmulatorWith(t, (*emulator.Server).StartTLS)
}

func startEmulatorWith(t *testing.T, start func(*emulator.Server) (string, error)) *emulator.Server {
	t.Helper()
	emu := emulator.New(emulator.Credentials{AccountSid: testAccountSid, AuthToken: testAuthToken})
	url, err := start(emu)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emu.Close)
	emu.PutUser(testServiceSid, emulator.NewUser(url, testAccountSid, testServiceSid, testUserSid, "jing"))
	return emu
}

// oddIdentities are identities, by a name fit for a data block, that must
// reach Twilio as one path segment each.
var oddIdentities = map[string]string{
	"slash":    "team/jing",
	"question": "jing?admin=true",
	"hash":     "jing#1",
	"percent":  "100%jing",
	"plus":     "jing+ops@example.com",
	"space":    "Jing Li",
	"unicode":  "李静 🚀",
	"dots":     "../..",
	"template": "${jing}%{ if true }ops%{ endif }",
}

// escapedSegment is a path segment as the provider sends it: what
// url.PathEscape escapes, and "+" as %2B.
func escapedSegment(s string) string {
	return strings.ReplaceAll(url.PathEscape(s), "+", "%2B")
}

// providerBlock configures the provider for the emulator, which serves
// Chat and Conversations at one base URL, and every other product under
// its own base path; extra
// lines go into the block as they are.
func providerBlock(emu *emulator.Server, extra ...string) string {
	return fmt.Sprintf(`
provider "twilio" {
  account_sid = %q
  auth_token  = %q
  endpoints = {
    chat = %q, conversations = %q, flex = %q, taskrouter = %q, serverless = %q, studio = %q
  }
  %s
}
`, testAccountSid, testAuthToken, emu.URL(), emu.URL(), emu.FlexURL(), emu.TaskRouterURL(), emu.ServerlessURL(), emu.StudioURL(), strings.Join(extra, "\n  "))
}

// userField is "" for a field that is missing or not a string, so that the
// check comparing it fails and names the attribute, where a panic would not.
func userField(u map[string]any, name string) string {
	s, _ := u[name].(string)
	return s
}

// errorPattern matches the phrases in order, whatever the CLI's line
// wrapping did to the spaces between their words.
func errorPattern(phrases ...string) *regexp.Regexp {
	quoted := make([]string, len(phrases))
	for i, p := range phrases {
		quoted[i] = strings.Join(strings.Fields(regexp.QuoteMeta(p)), `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// accTest runs steps on a real CLI with the provider served as main.go
// serves it, in parallel with the other tests: each has its own emulator and
// sets no process environment.
func accTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

// accTestSerial is accTest for a test that sets process environment
// (t.Setenv), which parallel tests would share.
func accTestSerial(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

func expectAttr(addr, attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), want)
}

// expectNulls expects each of attrs null at addr.
func expectNulls(addr string, attrs ...string) []statecheck.StateCheck {
	checks := make([]statecheck.StateCheck, len(attrs))
	for i, a := range attrs {
		checks[i] = expectAttr(addr, a, knownvalue.Null())
	}
	return checks
}

// hclArg is one argument of a configuration block: its name and its HCL
// expression.
type hclArg struct{ name, expr string }

// str is an argument whose value is the string s.
func str(name, s string) hclArg { return hclArg{name, hclString(s)} }

// hclString is s as an HCL string literal. Go's %q is not one: HCL would
// read "${" and "%{" in it as a template.
func hclString(s string) string {
	return string(hclwrite.TokensForValue(cty.StringVal(s)).Bytes())
}

// expr is an argument whose value is the HCL expression e.
func expr(name, e string) hclArg { return hclArg{name, e} }

// dataBlock renders a data block of type typ named name.
func dataBlock(typ, name string, args ...hclArg) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\ndata %q %q {\n", typ, name)
	for _, a := range args {
		fmt.Fprintf(&b, "  %s = %s\n", a.name, a.expr)
	}
	b.WriteString("}\n")
	return b.String()
}

// invalidStep is a plan-only step with a data block of type typ whose body
// is args, which must fail with an error matching want.
func invalidStep(emu *emulator.Server, typ, args, want string) resource.TestStep {
	return resource.TestStep{
		Config:      providerBlock(emu) + fmt.Sprintf("data %q \"x\" {\n%s\n}", typ, args),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(want),
	}
}

// testAccChatUserConfig is a twilio_chat_user named name looking up the user
// whose argument (sid or identity) is value in serviceSid.
func testAccChatUserConfig(name, serviceSid, argument, value string) string {
	return dataBlock("twilio_chat_user", name, str("service_sid", serviceSid), str(argument, value))
}
