package provider

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/contract"
)

// The contract tests run the provider against Prism serving Twilio's own
// OpenAPI description (`make contract` starts it and sets
// TWILIO_CONTRACT_ENDPOINT), so what is checked here is Twilio's word, not
// the emulator's.

const (
	exampleAccountSid = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exampleServiceSid = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exampleUserSid    = "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exampleUserURL    = "https://chat.twilio.com/v2/Services/" + exampleServiceSid + "/Users/" + exampleUserSid
)

// exampleChecks is the spec's "fetch" example of GET FetchUser, field by
// field, as it must appear in state.
func exampleChecks(addr string) map[string]statecheck.StateCheck {
	return map[string]statecheck.StateCheck{
		"sid":                   expectAttr(addr, "sid", knownvalue.StringExact(exampleUserSid)),
		"account_sid":           expectAttr(addr, "account_sid", knownvalue.StringExact(exampleAccountSid)),
		"service_sid":           expectAttr(addr, "service_sid", knownvalue.StringExact(exampleServiceSid)),
		"role_sid":              expectAttr(addr, "role_sid", knownvalue.StringExact("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")),
		"identity":              expectAttr(addr, "identity", knownvalue.StringExact("jing")),
		"attributes":            expectAttr(addr, "attributes", knownvalue.Null()),
		"is_online":             expectAttr(addr, "is_online", knownvalue.Bool(true)),
		"is_notifiable":         expectAttr(addr, "is_notifiable", knownvalue.Null()),
		"friendly_name":         expectAttr(addr, "friendly_name", knownvalue.Null()),
		"joined_channels_count": expectAttr(addr, "joined_channels_count", knownvalue.Int64Exact(0)),
		"date_created":          expectAttr(addr, "date_created", knownvalue.StringExact("2016-03-24T21:05:19Z")),
		"date_updated":          expectAttr(addr, "date_updated", knownvalue.StringExact("2016-03-24T21:05:19Z")),
		"links": expectAttr(addr, "links", knownvalue.MapExact(map[string]knownvalue.Check{
			"user_channels": knownvalue.StringExact(exampleUserURL + "/Channels"),
			"user_bindings": knownvalue.StringExact(exampleUserURL + "/Bindings"),
		})),
		"url": expectAttr(addr, "url", knownvalue.StringExact(exampleUserURL)),
	}
}

// contractEndpoint is Prism's base URL. A missing spec fails the test; without
// Prism (outside `make contract`) the test skips, saying so.
func contractEndpoint(t *testing.T) string {
	t.Helper()
	return prismEndpoint(t, contract.ChatV2, "TWILIO_CONTRACT_ENDPOINT")
}

// prismEndpoint is the base URL in the variable env of the Prism that
// `make contract` starts on Twilio's description spec.
func prismEndpoint(t *testing.T, spec, env string) string {
	t.Helper()
	if _, err := contract.SpecFile(spec); err != nil {
		t.Fatal(err)
	}
	endpoint := os.Getenv(env)
	if endpoint == "" {
		t.Skipf("skipping the contract test: %s is not set; `make contract` starts Prism on Twilio's %s and sets it", env, spec)
	}
	return strings.TrimRight(endpoint, "/")
}

type seenRequest struct {
	method, escapedPath, basicUser string
	status                         int
}

// recordingProxy stands between the provider and Prism and records what
// reached Prism and what Prism answered.
type recordingProxy struct {
	*httptest.Server
	mu   sync.Mutex
	seen []seenRequest
}

func startRecordingProxy(t *testing.T, endpoint string) *recordingProxy {
	t.Helper()
	target, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	p := &recordingProxy{}
	forward := httputil.NewSingleHostReverseProxy(target)
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		forward.ServeHTTP(sw, r)
		user, _, _ := r.BasicAuth()
		p.mu.Lock()
		p.seen = append(p.seen, seenRequest{r.Method, r.URL.EscapedPath(), user, sw.status})
		p.mu.Unlock()
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *recordingProxy) requests() []seenRequest {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]seenRequest(nil), p.seen...)
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func contractProviderBlock(p *recordingProxy) string {
	return `
provider "twilio" {
  account_sid = "` + exampleAccountSid + `"
  auth_token  = "contract-test-token"
  endpoints   = { chat = "` + p.URL + `" }
}
`
}

// expectPrismSaw fails unless every request reached Prism as a GET with
// Basic auth answered 200, and each of want did.
func expectPrismSaw(t *testing.T, proxy *recordingProxy, want ...string) {
	t.Helper()
	seenPath := map[string]bool{}
	for _, r := range proxy.requests() {
		seenPath[r.escapedPath] = true
		if r.method != http.MethodGet || r.basicUser != exampleAccountSid || r.status != http.StatusOK {
			t.Errorf("Prism got %s %s as %q and answered %d; want GET with Basic auth as %s answered 200",
				r.method, r.escapedPath, r.basicUser, r.status, exampleAccountSid)
		}
	}
	for _, path := range want {
		if !seenPath[path] {
			t.Errorf("Prism never got GET %s; it got %v", path, proxy.requests())
		}
	}
}

// directGet asks Prism itself, bypassing the provider, to show what Prism
// would answer the request the provider never sends.
func directGet(t *testing.T, endpoint, path string, withAuth bool) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, endpoint+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if withAuth {
		req.SetBasicAuth(exampleAccountSid, "contract-test-token")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestAccContract_readEqualsTheSpecExample(t *testing.T) {
	endpoint := contractEndpoint(t)
	file, err := contract.SpecFile(contract.ChatV2)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := contract.Load(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := spec.FetchExample()
	if err != nil {
		t.Fatal(err)
	}
	var example map[string]any
	if err := json.Unmarshal(raw, &example); err != nil {
		t.Fatal(err)
	}
	byIdentity, bySid := exampleChecks("data.twilio_chat_user.by_identity"), exampleChecks("data.twilio_chat_user.by_sid")
	// A field Twilio documents that the provider would not put in state
	// shows up here.
	for field := range example {
		if _, ok := byIdentity[field]; !ok {
			t.Errorf("the spec's example has %q, which no state check covers", field)
		}
	}
	if len(example) != len(byIdentity) {
		t.Errorf("the spec's example has %d fields, the checks %d", len(example), len(byIdentity))
	}
	var checks []statecheck.StateCheck
	for _, set := range []map[string]statecheck.StateCheck{byIdentity, bySid} {
		names := make([]string, 0, len(set))
		for name := range set {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			checks = append(checks, set[name])
		}
	}

	proxy := startRecordingProxy(t, endpoint)
	accTest(t, resource.TestStep{
		Config: contractProviderBlock(proxy) + `
data "twilio_chat_user" "by_identity" {
  service_sid = "` + exampleServiceSid + `"
  identity    = "jing"
}
data "twilio_chat_user" "by_sid" {
  service_sid = "` + exampleServiceSid + `"
  sid         = "` + exampleUserSid + `"
}`,
		ConfigStateChecks: checks,
	})

	expectPrismSaw(t, proxy, "/v2/Services/"+exampleServiceSid+"/Users/jing", "/v2/Services/"+exampleServiceSid+"/Users/"+exampleUserSid)
}

func TestAccContract_badServiceSidIsRefusedBeforePrism(t *testing.T) {
	endpoint := contractEndpoint(t)
	const badService = "IS123"
	if status := directGet(t, endpoint, "/v2/Services/"+badService+"/Users/jing", true); status != http.StatusUnprocessableEntity {
		t.Fatalf("Prism answered a malformed ServiceSid with %d, want 422: the spec's pattern is what this test relies on", status)
	}
	proxy := startRecordingProxy(t, endpoint)
	accTest(t, resource.TestStep{
		Config: contractProviderBlock(proxy) + `
data "twilio_chat_user" "bad" {
  service_sid = "` + badService + `"
  identity    = "jing"
}`,
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)Attribute service_sid must be IS followed by 32 hexadecimal\s+digits`),
	})
	if seen := proxy.requests(); len(seen) != 0 {
		t.Errorf("a malformed service_sid reached Prism: %v", seen)
	}
}

func TestAccContract_missingCredentialsAreRefusedBeforePrism(t *testing.T) {
	endpoint := contractEndpoint(t)
	if status := directGet(t, endpoint, "/v2/Services/"+exampleServiceSid+"/Users/jing", false); status != http.StatusUnauthorized {
		t.Fatalf("Prism answered a request without credentials with %d, want 401: the spec's security requirement is what this test relies on", status)
	}
	for _, env := range []string{"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET"} {
		t.Setenv(env, "")
	}
	proxy := startRecordingProxy(t, endpoint)
	accTestSerial(t, resource.TestStep{
		Config: `
provider "twilio" {
  endpoints = { chat = "` + proxy.URL + `" }
}
data "twilio_chat_user" "jing" {
  service_sid = "` + exampleServiceSid + `"
  identity    = "jing"
}`,
		PlanOnly:    true,
		ExpectError: errorPattern("Missing Twilio credentials", "Not set: account_sid (or TWILIO_ACCOUNT_SID), auth_token (or TWILIO_AUTH_TOKEN)"),
	})
	if seen := proxy.requests(); len(seen) != 0 {
		t.Errorf("a read without credentials reached Prism: %v", seen)
	}
}
