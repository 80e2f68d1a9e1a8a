package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// The fault matrix: each test injects one fault into the emulator, runs a
// real CLI, and asserts both the outcome and the requests the emulator saw.
// README.md's "Reliability" table points at these tests.

const jingByIdentity = `
data "twilio_chat_user" "jing" {
  service_sid = "` + testServiceSid + `"
  identity    = "jing"
  %s
}`

func jingConfig(emu *emulator.Server, providerExtra, dataExtra string) string {
	return providerBlock(emu, providerExtra) + fmt.Sprintf(jingByIdentity, dataExtra)
}

// runRead reads jing once; a nil want expects success with the right sid.
func runRead(t *testing.T, config string, want *regexp.Regexp) {
	t.Helper()
	step := resource.TestStep{Config: config, ExpectError: want}
	if want == nil {
		step.ConfigStateChecks = []statecheck.StateCheck{
			expectAttr("data.twilio_chat_user.jing", "sid", knownvalue.StringExact(testUserSid)),
		}
	}
	accTest(t, step)
}

// statuses lists the statuses the emulator answered, in order; 0 is a
// request that got no answer.
func statuses(emu *emulator.Server) string {
	var parts []string
	for _, r := range emu.Requests() {
		parts = append(parts, fmt.Sprint(r.Status))
	}
	return strings.Join(parts, ",")
}

func expectStatuses(t *testing.T, emu *emulator.Server, want string) {
	t.Helper()
	if got := statuses(emu); got != want {
		t.Fatalf("emulator answered %s, want %s", got, want)
	}
}

// expectStatusesThenOK allows the reads a test step makes after the first
// one (the CLI plans again after apply): all of them must be plain 200s.
func expectStatusesThenOK(t *testing.T, emu *emulator.Server, want string) {
	t.Helper()
	got := statuses(emu)
	rest, ok := strings.CutPrefix(got, want)
	if !ok || strings.Trim(strings.ReplaceAll(rest, "200", ""), ",") != "" {
		t.Fatalf("emulator answered %s, want %s then only 200s", got, want)
	}
}

func TestAccFault_rateLimitedTwiceHonoursRetryAfter(t *testing.T) {
	emu := startEmulator(t)
	limited := emulator.Fault{Status: 429, Header: map[string]string{"Retry-After": "1"}}
	emu.InjectFaults(limited, limited)
	runRead(t, jingConfig(emu, "", ""), nil)
	expectStatusesThenOK(t, emu, "429,429,200")
	reqs := emu.Requests()
	for i := 1; i < 3; i++ {
		if gap := reqs[i].Time.Sub(reqs[i-1].Time); gap < time.Second {
			t.Errorf("request %d came %v after the previous one, before Retry-After: 1 had passed", i+1, gap)
		}
	}
}

func TestAccFault_serverErrorsThenSuccess(t *testing.T) {
	emu := startEmulator(t)
	emu.InjectFaults(emulator.Fault{Status: 503}, emulator.Fault{Status: 500})
	runRead(t, jingConfig(emu, "", ""), nil)
	expectStatusesThenOK(t, emu, "503,500,200")
}

func TestAccFault_proxyHTMLBadGatewayThenSuccess(t *testing.T) {
	emu := startEmulator(t)
	emu.InjectFaults(emulator.Fault{Status: 502, ContentType: "text/html", Body: "<html><body><h1>502 Bad Gateway</h1></body></html>"})
	runRead(t, jingConfig(emu, "", ""), nil)
	expectStatusesThenOK(t, emu, "502,200")
}

func TestAccFault_serverErrorForeverGivesUpAfterMaxRetries(t *testing.T) {
	emu := startEmulator(t)
	emu.SetFaultForever(&emulator.Fault{Status: 500})
	// The read timeout is far above the backoff total, so failing with the
	// API's error (not a timeout) proves the retries are bounded by count.
	runRead(t, jingConfig(emu, "max_retries = 3", `timeouts = { read = "2m" }`),
		errorPattern("Twilio Chat API error", "HTTP 500, Twilio error 20500: Internal Server Error", "gave up after 4 attempts"))
	expectStatuses(t, emu, "500,500,500,500")
}

func TestAccFault_maxRetriesZeroDisablesRetries(t *testing.T) {
	emu := startEmulator(t)
	emu.SetFaultForever(&emulator.Fault{Status: 503})
	runRead(t, jingConfig(emu, "max_retries = 0", ""), errorPattern("Twilio Chat API error", "HTTP 503, Twilio error 20503: Service Unavailable"))
	expectStatuses(t, emu, "503")
}

func TestAccFault_serverThatNeverAnswersTimesOut(t *testing.T) {
	emu := startEmulator(t)
	emu.SetFaultForever(&emulator.Fault{Hang: true})
	runRead(t, jingConfig(emu, "", `timeouts = { read = "3s" }`),
		errorPattern("Timed out reading chat user", "did not finish within the read timeout of 3s, retries included"))
	if got := emu.RequestCount(); got != 1 {
		t.Fatalf("emulator saw %d requests, want 1 (one attempt, then the read timeout)", got)
	}
}

func TestAccFault_malformedSuccessBodies(t *testing.T) {
	for name, tc := range map[string]struct {
		fault emulator.Fault
		want  *regexp.Regexp
	}{
		"truncated JSON": {emulator.Fault{Status: 200, Body: `{"sid":"` + testUserSid + `","identity":"ji`},
			errorPattern("Unexpected response from Twilio", `HTTP 200 with a body that is not a chat user`, `unexpected end of JSON input; body starts: "{\"sid\":\"US0123`)},
		"JSON array": {emulator.Fault{Status: 200, Body: `[{"sid":"` + testUserSid + `"}]`},
			errorPattern("Unexpected response from Twilio", `expected a JSON object, got a JSON array; body starts: "[{`)},
		"HTML page": {emulator.Fault{Status: 200, ContentType: "text/html", Body: "<!DOCTYPE html><html><body>Please log in to the proxy</body></html>"},
			errorPattern("Unexpected response from Twilio", `(Content-Type "text/html"): expected a JSON object, got HTML or XML; body starts: "<!DOCTYPE html>`)},
		"256 MiB": {emulator.Fault{BodyBytes: oversizedBody},
			errorPattern("Unexpected response from Twilio", "response body exceeds the 10485760 byte limit")},
	} {
		t.Run(name, func(t *testing.T) {
			emu := startEmulator(t)
			emu.InjectFaults(tc.fault)
			runRead(t, jingConfig(emu, "", ""), tc.want)
			expectStatuses(t, emu, "200")
			if tc.fault.BodyBytes > 0 {
				expectBodyReadUpToTheCap(t, emu)
			}
		})
	}
}

// oversizedBody is far larger than the 10 MiB cap plus what the sockets
// can buffer (tens of MiB on Linux), so that a client reading it all is told
// from one that stops at the cap.
const oversizedBody = 256 << 20

// expectBodyReadUpToTheCap checks that the provider stopped reading the
// oversized body soon after the cap: the memory it can have used is bounded
// by what the emulator managed to send. The margin covers the sockets'
// buffers (net.ipv4.tcp_rmem and tcp_wmem at most 32 and 4 MiB by default).
func expectBodyReadUpToTheCap(t *testing.T, emu *emulator.Server) {
	t.Helper()
	const bound = 10<<20 + 64<<20
	for _, r := range emu.Requests() {
		if r.FillerSent > bound {
			t.Fatalf("the emulator sent %d bytes of a %d-byte body: the provider read past the 10 MiB cap (bound %d)", r.FillerSent, oversizedBody, bound)
		}
		if r.FillerSent <= 10<<20 {
			t.Fatalf("the emulator sent only %d bytes: the cap was not reached, so this proves nothing", r.FillerSent)
		}
	}
}

func TestAccFault_connectionResetMidBodyIsRetried(t *testing.T) {
	emu := startEmulator(t)
	emu.InjectFaults(emulator.Fault{ResetMidBody: true})
	runRead(t, jingConfig(emu, "", ""), nil)
	expectStatusesThenOK(t, emu, "200,200")
}

func TestAccFault_authErrorsNameTheCredentialsAndAreNotRetried(t *testing.T) {
	t.Run("401", func(t *testing.T) {
		emu := startEmulator(t)
		config := fmt.Sprintf(`
provider "twilio" {
  account_sid = %q
  auth_token  = "wrong-token"
  endpoints   = { chat = %q }
}`, testAccountSid, emu.URL()) + fmt.Sprintf(jingByIdentity, "")
		runRead(t, config, errorPattern("Twilio authentication failed", "refused the credentials account_sid/auth_token (account "+testAccountSid+")", "HTTP 401, Twilio error 20003: Authenticate"))
		expectStatuses(t, emu, "401")
	})
	t.Run("403", func(t *testing.T) {
		emu := startEmulator(t)
		emu.InjectFaults(emulator.Fault{Status: 403, Body: `{"code":20003,"message":"Permission Denied","more_info":"https://www.twilio.com/docs/errors/20003","status":403}`})
		runRead(t, jingConfig(emu, "", ""), errorPattern("Twilio authentication failed", "account_sid/auth_token (account "+testAccountSid+")", "HTTP 403, Twilio error 20003: Permission Denied"))
		expectStatuses(t, emu, "403")
	})
}

func TestAccFault_otherClientErrorsAreNotRetried(t *testing.T) {
	for _, status := range []int{400, 404, 405, 409, 501} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			emu := startEmulator(t)
			emu.InjectFaults(emulator.Fault{Status: status})
			runRead(t, jingConfig(emu, "", ""), errorPattern(fmt.Sprintf("HTTP %d, Twilio error %d", status, status*100)))
			expectStatuses(t, emu, fmt.Sprint(status))
		})
	}
}

func TestAccFault_redirectIsNotFollowed(t *testing.T) {
	emu := startEmulator(t)
	emu.InjectFaults(emulator.Fault{Status: 307, Header: map[string]string{"Location": "https://attacker.example/steal"}})
	runRead(t, jingConfig(emu, "", ""), errorPattern("Twilio Chat API error", "HTTP 307: redirect to https://attacker.example/steal not followed"))
	expectStatuses(t, emu, "307")
}

func TestAccTransport_plainHTTPToARemoteHostIsRefused(t *testing.T) {
	accTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "twilio" {
  account_sid = %q
  auth_token  = %q
  endpoints   = { chat = "http://chat.example.com" }
}`, testAccountSid, testAuthToken) + fmt.Sprintf(jingByIdentity, ""),
		PlanOnly:    true,
		ExpectError: errorPattern("Invalid Twilio endpoint", `endpoints.chat "http://chat.example.com" uses plain http to a host that is not loopback; credentials would travel in clear text`),
	})
}

func TestAccTransport_untrustedCertificateIsRefused(t *testing.T) {
	emu := startTLSEmulator(t)
	runRead(t, jingConfig(emu, "", ""), errorPattern("Cannot reach Twilio", "tls: failed to verify certificate: x509: certificate signed by unknown authority"))
	if got := emu.RequestCount(); got != 0 {
		t.Fatalf("emulator saw %d requests over an untrusted connection, want 0", got)
	}
}

func TestAccTransport_aCAInSSLCertFileIsTrustedOverHTTP2(t *testing.T) {
	emu := startTLSEmulator(t)
	pemFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(pemFile, emu.CertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SSL_CERT_FILE", pemFile)
	accTestSerial(t, resource.TestStep{
		Config:            jingConfig(emu, "", ""),
		ConfigStateChecks: []statecheck.StateCheck{expectAttr("data.twilio_chat_user.jing", "sid", knownvalue.StringExact(testUserSid))},
	})
	for _, r := range emu.Requests() {
		if r.Proto != "HTTP/2.0" {
			t.Fatalf("request %s used %s, want HTTP/2.0", r.EscapedPath, r.Proto)
		}
	}
}

func TestAccFault_retryAfterBeyondTheReadTimeoutFailsAtOnce(t *testing.T) {
	emu := startEmulator(t)
	emu.SetFaultForever(&emulator.Fault{Status: 429, Header: map[string]string{"Retry-After": "3600"}})
	runRead(t, jingConfig(emu, "", `timeouts = { read = "10s" }`),
		errorPattern("Twilio rate limit exceeded", "HTTP 429, Twilio error 20429: Too Many Requests", "Twilio asked to retry after 1h0m0s"))
	expectStatuses(t, emu, "429")
}
