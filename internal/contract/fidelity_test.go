package contract_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/contract"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

const (
	acct      = "AC0123456789abcdef0123456789abcdef"
	token     = "fidelity-token"
	apiKey    = "SK0123456789abcdef0123456789abcdef"
	apiSecret = "fidelity-secret"
	svc       = "IS0123456789abcdef0123456789abcdef"
	otherSvc  = "ISfedcba9876543210fedcba9876543210"
	userSid   = "US0123456789abcdef0123456789abcdef"
	nullSid   = "US00000000000000000000000000000002"
	// twilioBase is where Twilio's own url and links point.
	twilioBase = "https://chat.twilio.com"
)

func loadSpec(t *testing.T) *contract.Spec {
	t.Helper()
	file, err := contract.SpecFile(contract.ChatV2)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := contract.Load(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

func userPath(service, id string) string {
	return "/v2/Services/" + url.PathEscape(service) + "/Users/" + url.PathEscape(id)
}

func fetchExample(t *testing.T, spec *contract.Spec) []byte {
	t.Helper()
	ex, err := spec.FetchExample()
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func TestSpec_fetchExampleIsAValidUser(t *testing.T) {
	spec := loadSpec(t)
	req := httptest.NewRequest(http.MethodGet, userPath("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), nil)
	header := http.Header{"Content-Type": {"application/json"}}
	if err := spec.ValidateResponse(context.Background(), req, 200, header, fetchExample(t, spec)); err != nil {
		t.Fatal(err)
	}
}

// serve asks the emulator's handler directly, so the exact bytes, status
// and headers it produces are what gets validated.
func serve(emu *emulator.Server, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	emu.Handler().ServeHTTP(rec, req)
	return rec
}

func TestEmulatorResponses_matchTheSpec(t *testing.T) {
	spec := loadSpec(t)
	allNull := map[string]any{"sid": nullSid}
	for _, name := range []string{"account_sid", "service_sid", "attributes", "friendly_name", "role_sid", "identity",
		"is_online", "is_notifiable", "date_created", "date_updated", "links", "url"} {
		allNull[name] = nil
	}

	type exchange struct {
		method, path string
		noAuth       bool
		fault        *emulator.Fault
		wantStatus   int
	}
	for name, x := range map[string]exchange{
		"full user by sid":                {method: "GET", path: userPath(svc, userSid), wantStatus: 200},
		"full user by identity":           {method: "GET", path: userPath(svc, "jing"), wantStatus: 200},
		"every nullable field null":       {method: "GET", path: userPath(svc, nullSid), wantStatus: 200},
		"no credentials":                  {method: "GET", path: userPath(svc, "jing"), noAuth: true, wantStatus: 401},
		"service instance not found":      {method: "GET", path: userPath(otherSvc, "jing"), wantStatus: 403},
		"user not found":                  {method: "GET", path: userPath(svc, "nobody"), wantStatus: 404},
		"path the API does not have":      {method: "GET", path: "/v2/Services/" + svc + "/Nope", wantStatus: 404},
		"method the spec does not define": {method: "PUT", path: userPath(svc, "jing"), wantStatus: 405},
		"rate limited":                    {method: "GET", path: userPath(svc, "jing"), fault: &emulator.Fault{Status: 429}, wantStatus: 429},
		"internal error":                  {method: "GET", path: userPath(svc, "jing"), fault: &emulator.Fault{Status: 500}, wantStatus: 500},
		"bad gateway":                     {method: "GET", path: userPath(svc, "jing"), fault: &emulator.Fault{Status: 502}, wantStatus: 502},
		"unavailable":                     {method: "GET", path: userPath(svc, "jing"), fault: &emulator.Fault{Status: 503}, wantStatus: 503},
		"bad request fault":               {method: "GET", path: userPath(svc, "jing"), fault: &emulator.Fault{Status: 400}, wantStatus: 400},
		"not implemented fault":           {method: "GET", path: userPath(svc, "jing"), fault: &emulator.Fault{Status: 501}, wantStatus: 501},
	} {
		t.Run(name, func(t *testing.T) {
			emu := emulator.New(emulator.Credentials{AccountSid: acct, AuthToken: token})
			emu.PutUser(svc, emulator.NewUser(twilioBase, acct, svc, userSid, "jing"))
			emu.PutUser(svc, allNull)
			if x.fault != nil {
				emu.InjectFaults(*x.fault)
			}
			req := httptest.NewRequest(x.method, x.path, nil)
			if !x.noAuth {
				req.SetBasicAuth(acct, token)
			}
			rec := serve(emu, req)
			if rec.Code != x.wantStatus {
				t.Fatalf("status %d, want %d: %s", rec.Code, x.wantStatus, rec.Body)
			}
			if err := spec.ValidateResponse(context.Background(), req, rec.Code, rec.Header(), rec.Body.Bytes()); err != nil {
				t.Errorf("the emulator's answer does not match the spec: %v\nbody: %s", err, rec.Body)
			}
		})
	}
}

// The checks above would be worth nothing if the validator let anything
// through: each of these breaks the spec in one place and must be refused.
func TestSpecValidation_refusesWhatTwilioWouldNotSend(t *testing.T) {
	spec := loadSpec(t)
	var example map[string]any
	if err := json.Unmarshal(fetchExample(t, spec), &example); err != nil {
		t.Fatal(err)
	}
	withField := func(name string, value any) []byte {
		u := map[string]any{}
		for k, v := range example {
			u[k] = v
		}
		u[name] = value
		b, _ := json.Marshal(u)
		return b
	}
	get := httptest.NewRequest(http.MethodGet, userPath(svc, "jing"), nil)
	jsonHeader := http.Header{"Content-Type": {"application/json"}}
	for name, c := range map[string]struct {
		status int
		header http.Header
		body   []byte
	}{
		"is_online as a string":         {200, jsonHeader, withField("is_online", "true")},
		"joined_channels_count null":    {200, jsonHeader, withField("joined_channels_count", nil)},
		"sid of another resource":       {200, jsonHeader, withField("sid", "CH0123456789abcdef0123456789abcdef")},
		"date_created not RFC 3339":     {200, jsonHeader, withField("date_created", "Thu, 24 Mar 2016 21:05:19 +0000")},
		"user as text/html":             {200, http.Header{"Content-Type": {"text/html"}}, fetchExample(t, spec)},
		"error without more_info":       {404, jsonHeader, []byte(`{"code":20404,"message":"not found","status":404}`)},
		"error with another status":     {404, jsonHeader, []byte(`{"code":20404,"message":"not found","more_info":"https://www.twilio.com/docs/errors/20404","status":500}`)},
		"error as problem+json":         {401, http.Header{"Content-Type": {"application/problem+json"}}, []byte(`{"type":"about:blank","title":"Unauthorized","status":401}`)},
		"3xx the operation cannot give": {302, http.Header{"Location": {"https://example.com/"}}, nil},
	} {
		t.Run(name, func(t *testing.T) {
			if err := spec.ValidateResponse(context.Background(), get, c.status, c.header, c.body); err == nil {
				t.Errorf("accepted: %d %s", c.status, c.body)
			}
		})
	}

	for name, req := range map[string]*http.Request{
		"ServiceSid not IS + 32 hex": authed(httptest.NewRequest(http.MethodGet, userPath("IS123", "jing"), nil)),
		"no Basic credentials":       httptest.NewRequest(http.MethodGet, userPath(svc, "jing"), nil),
		"bearer token":               withHeader(httptest.NewRequest(http.MethodGet, userPath(svc, "jing"), nil), "Authorization", "Bearer abc"),
		"identity's slash unescaped": authed(httptest.NewRequest(http.MethodGet, "/v2/Services/"+svc+"/Users/a/b", nil)),
	} {
		t.Run(name, func(t *testing.T) {
			if err := spec.ValidateRequest(context.Background(), req); err == nil {
				t.Errorf("accepted: %s %s", req.Method, req.URL.EscapedPath())
			}
		})
	}
}

func authed(r *http.Request) *http.Request {
	r.SetBasicAuth(acct, token)
	return r
}

func withHeader(r *http.Request, k, v string) *http.Request {
	r.Header.Set(k, v)
	return r
}

// TestClientRequests_matchTheSpec sends real reads through chat.Client to
// the emulator and validates each request as it arrived, escaped path and
// all, against FetchUser: the identity must be the Sid parameter, one
// segment, whatever its characters.
func TestClientRequests_matchTheSpec(t *testing.T) {
	spec := loadSpec(t)
	emu := emulator.New(emulator.Credentials{AccountSid: acct, AuthToken: token, APIKey: apiKey, APISecret: apiSecret})
	base, err := emu.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emu.Close)
	lookups := []string{userSid, "jing", "a/b", "a?b", "a#b", "100%", "a+b", "jing li", "李静 🚀", "..%2F", "../Services"}
	for i, id := range lookups[1:] {
		emu.PutUser(svc, emulator.NewUser(base, acct, svc, "US"+strings.Repeat("0", 30)+string(rune('a'+i/10))+string(rune('0'+i%10)), id))
	}
	emu.PutUser(svc, emulator.NewUser(base, acct, svc, userSid, "sid-lookup"))

	for _, pair := range [][2]string{{acct, token}, {apiKey, apiSecret}} {
		api, err := twilio.New(twilio.Config{HostLabel: chat.HostLabel, BaseURL: base, Username: pair[0], Password: pair[1], UserAgent: "fidelity-test"})
		if err != nil {
			t.Fatal(err)
		}
		client := chat.New(api)
		for _, id := range lookups {
			if _, err := client.FetchUser(context.Background(), svc, id); err != nil {
				t.Fatalf("FetchUser(%q) as %s: %v", id, pair[0], err)
			}
		}
	}

	reqs := emu.Requests()
	if len(reqs) != 2*len(lookups) {
		t.Fatalf("the emulator saw %d requests, want %d", len(reqs), 2*len(lookups))
	}
	for i, got := range reqs {
		want := lookups[i%len(lookups)]
		req, err := http.NewRequest(got.Method, base+got.EscapedPath, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header = got.Header
		if err := spec.ValidateRequest(context.Background(), req); err != nil {
			t.Errorf("request for %q does not match the spec: %v", want, err)
			continue
		}
		route, params, err := spec.Route(req)
		if err != nil {
			t.Fatal(err)
		}
		sid, err := url.PathUnescape(params["Sid"])
		if route.Path != contract.FetchUserPath || route.Method != http.MethodGet || params["ServiceSid"] != svc || err != nil || sid != want {
			t.Errorf("request for %q routed to %s %s with ServiceSid %q, Sid %q (%v)", want, route.Method, route.Path, params["ServiceSid"], sid, err)
		}
	}
}
