package emulator

import (
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

const (
	acct   = "AC0123456789abcdef0123456789abcdef"
	token  = "token-secret"
	apiKey = "SK0123456789abcdef0123456789abcdef"
	secret = "key-secret"
	svc    = "IS0123456789abcdef0123456789abcdef"
	usJing = "US0123456789abcdef0123456789abcdef"
)

var creds = Credentials{AccountSid: acct, AuthToken: token, APIKey: apiKey, APISecret: secret}

func start(t *testing.T) (*Server, string) {
	t.Helper()
	s := New(creds)
	base, err := s.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	if s.URL() != base || !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("URL() = %q, Start() = %q", s.URL(), base)
	}
	return s, base
}

type result struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, c *http.Client, method, u, user, pass string) result {
	t.Helper()
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if user != "" {
		req.SetBasicAuth(user, pass)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return result{resp.StatusCode, resp.Header, string(b)}
}

func get(t *testing.T, u string) result {
	t.Helper()
	return do(t, http.DefaultClient, http.MethodGet, u, acct, token)
}

func userURL(base, service, id string) string {
	return base + "/v2/Services/" + service + "/Users/" + url.PathEscape(id)
}

func decode(t *testing.T, body string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	return m
}

func TestFetchBySidAndIdentity(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))

	bySid := get(t, userURL(base, svc, usJing))
	if bySid.status != 200 || bySid.header.Get("Content-Type") != "application/json" {
		t.Fatalf("by sid: %d %q %s", bySid.status, bySid.header.Get("Content-Type"), bySid.body)
	}
	u := decode(t, bySid.body)
	wantURL := base + "/v2/Services/" + svc + "/Users/" + usJing
	want := map[string]any{
		"sid": usJing, "account_sid": acct, "service_sid": svc, "identity": "jing",
		"friendly_name": "jing (emulated)", "attributes": `{"team":"platform"}`,
		"is_online": true, "is_notifiable": false, "joined_channels_count": 3.0,
		"date_created": "2016-03-24T21:05:19Z", "date_updated": "2016-03-25T09:41:07Z",
		"url": wantURL,
	}
	for k, v := range want {
		if u[k] != v {
			t.Errorf("%s = %#v, want %#v", k, u[k], v)
		}
	}
	if roleSid, _ := u["role_sid"].(string); !regexp.MustCompile(`^RL[0-9a-f]{32}$`).MatchString(roleSid) {
		t.Errorf("role_sid = %v", u["role_sid"])
	}
	links, _ := u["links"].(map[string]any)
	if links["user_channels"] != wantURL+"/Channels" || links["user_bindings"] != wantURL+"/Bindings" || len(links) != 2 {
		t.Errorf("links = %v", links)
	}
	if len(u) != 14 {
		t.Errorf("got %d fields, want the schema's 14: %v", len(u), u)
	}

	if byIdentity := get(t, userURL(base, svc, "jing")); byIdentity.status != 200 || byIdentity.body != bySid.body {
		t.Errorf("by identity: %d %s", byIdentity.status, byIdentity.body)
	}
	if other := get(t, userURL(base, svc, "Jing")); other.status != 404 {
		t.Errorf("identity must be case-sensitive: %d %s", other.status, other.body)
	}
}

func TestStoredAsGiven(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, map[string]any{"sid": usJing, "identity": nil, "attributes": `{"a":"<&>"}`, "is_online": nil})
	want := `{"attributes":"{\"a\":\"<&>\"}","identity":null,"is_online":null,"sid":"` + usJing + `"}`
	if r := get(t, userURL(base, svc, usJing)); r.status != 200 || r.body != want {
		t.Errorf("got %d %s, want %s", r.status, r.body, want)
	}

	s.PutUser(svc, map[string]any{"sid": usJing, "identity": "replaced"})
	if r := get(t, userURL(base, svc, "replaced")); r.status != 200 || decode(t, r.body)["sid"] != usJing {
		t.Errorf("replace by sid: %d %s", r.status, r.body)
	}
}

func TestEscapedIdentities(t *testing.T) {
	s, base := start(t)
	ids := []string{"a/b", "what?", "#tag", "100%", "a+b", "with space", "jöhn 日本", "a%2Fb"}
	for i, id := range ids {
		s.PutUser(svc, map[string]any{"sid": "US" + strings.Repeat("0", 31) + string(rune('0'+i)), "identity": id})
	}
	for _, id := range ids {
		r := get(t, userURL(base, svc, id))
		if r.status != 200 || decode(t, r.body)["identity"] != id {
			t.Errorf("%q: %d %s", id, r.status, r.body)
		}
	}
	reqs := s.Requests()
	if got, want := reqs[0].EscapedPath, "/v2/Services/"+svc+"/Users/a%2Fb"; got != want {
		t.Errorf("EscapedPath = %q, want %q", got, want)
	}
	if got, want := reqs[7].EscapedPath, "/v2/Services/"+svc+"/Users/a%252Fb"; got != want {
		t.Errorf("EscapedPath = %q, want %q", got, want)
	}
	if r := get(t, base+"/v2/Services/"+svc+"/Users/a/b"); r.status != 404 {
		t.Errorf("unescaped slash: %d %s", r.status, r.body)
	}
}

func TestAuth(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	u := userURL(base, svc, "jing")
	const want401 = `{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}`
	for name, pair := range map[string][2]string{"none": {}, "wrong token": {acct, "nope"}, "mixed pairs": {acct, secret}} {
		r := do(t, http.DefaultClient, http.MethodGet, u, pair[0], pair[1])
		if r.status != 401 || r.body != want401 || r.header.Get("WWW-Authenticate") != `Basic realm="Twilio API"` {
			t.Errorf("%s: %d %q %s", name, r.status, r.header.Get("WWW-Authenticate"), r.body)
		}
	}
	for _, pair := range [][2]string{{acct, token}, {apiKey, secret}} {
		if r := do(t, http.DefaultClient, http.MethodGet, u, pair[0], pair[1]); r.status != 200 {
			t.Errorf("%s: %d %s", pair[0], r.status, r.body)
		}
	}

	noKey := New(Credentials{AccountSid: acct, AuthToken: token})
	ts := httptest.NewServer(noKey.Handler())
	defer ts.Close()
	if r := do(t, ts.Client(), http.MethodGet, userURL(ts.URL, svc, "x"), "", ""); r.status != 401 {
		t.Errorf("empty key pair accepted: %d", r.status)
	}
}

func TestNotFound(t *testing.T) {
	s, base := start(t)
	const want403 = `{"code":20403,"message":"Service instance not found","more_info":"https://www.twilio.com/docs/errors/20403","status":403}`
	s.AddService("ISnotavalidsid")
	for _, service := range []string{svc, "ISnotavalidsid"} {
		if r := get(t, userURL(base, service, "jing")); r.status != 403 || r.body != want403 {
			t.Errorf("%s: %d %s", service, r.status, r.body)
		}
	}

	s.AddService(svc)
	r := get(t, userURL(base, svc, "a/b")+"?x=1")
	want404 := `{"code":20404,"message":"The requested resource /v2/Services/` + svc + `/Users/a%2Fb was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}`
	if r.status != 404 || r.body != want404 {
		t.Errorf("unknown user: %d %s", r.status, r.body)
	}
	for _, p := range []string{"/v2/Services/" + svc + "/Users/", "/v2/Services/" + svc + "/Users/x/", "/v1/Services/" + svc + "/Users/x", "/"} {
		if r := get(t, base+p); r.status != 404 || decode(t, r.body)["code"] != 20404.0 {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}
}

func TestMethodsAndHeaders(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	u := userURL(base, svc, "jing")
	rid := regexp.MustCompile(`^RQ[0-9a-f]{32}$`)
	seen := map[string]bool{}
	for _, r := range []result{
		get(t, u),
		do(t, http.DefaultClient, http.MethodGet, u, "", ""),
		do(t, http.DefaultClient, http.MethodOptions, u, acct, token),
		do(t, http.DefaultClient, http.MethodPost, u, acct, token),
	} {
		for k := range r.header {
			if strings.HasPrefix(k, "Access-Control-") {
				t.Errorf("status %d: CORS header %s: no browser uses the emulator", r.status, k)
			}
		}
		id := r.header.Get("Twilio-Request-Id")
		if !rid.MatchString(id) || seen[id] {
			t.Errorf("Twilio-Request-Id %q bad or repeated", id)
		}
		seen[id] = true
		if r.status == 405 && (r.header.Get("Allow") != "GET" || decode(t, r.body)["code"] != 20004.0) {
			t.Errorf("405: Allow %q, %s", r.header.Get("Allow"), r.body)
		}
	}
	st := s.Requests()
	if st[0].Status != 200 || st[1].Status != 401 || st[2].Status != 405 || st[3].Status != 405 {
		t.Errorf("GET → %d, no auth → %d, OPTIONS → %d, POST → %d", st[0].Status, st[1].Status, st[2].Status, st[3].Status)
	}
}

func TestFaultSequence(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	u := userURL(base, svc, "jing")
	s.InjectFaults(Fault{Status: 429}, Fault{Status: 0})
	s.InjectFaults(
		Fault{Status: 503, Header: map[string]string{"X-Test": "y"}},
		Fault{Status: 502, Body: "<html>bad gateway</html>", ContentType: "text/html"},
		Fault{Status: 418},
	)

	r := get(t, u)
	if r.status != 429 || r.header.Get("Retry-After") != "1" ||
		r.body != `{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}` {
		t.Errorf("429: %d %v %s", r.status, r.header, r.body)
	}
	if r := get(t, u); r.status != 200 {
		t.Errorf("Status 0: %d", r.status)
	}
	if r := get(t, u); r.status != 503 || r.header.Get("X-Test") != "y" || r.header.Get("Retry-After") != "" || decode(t, r.body)["code"] != 20503.0 {
		t.Errorf("503: %d %v %s", r.status, r.header, r.body)
	}
	if r := get(t, u); r.status != 502 || r.body != "<html>bad gateway</html>" || r.header.Get("Content-Type") != "text/html" {
		t.Errorf("502: %d %v %s", r.status, r.header, r.body)
	}
	if r := get(t, u); r.status != 418 || decode(t, r.body)["code"] != 41800.0 {
		t.Errorf("418: %d %s", r.status, r.body)
	}
	if r := get(t, u); r.status != 200 {
		t.Errorf("after the queue: %d", r.status)
	}
}

func TestFaultForever(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	u := userURL(base, svc, "jing")
	f := &Fault{Status: 500}
	s.SetFaultForever(f)
	f.Status = 200 // the server keeps its own copy
	for range 3 {
		if r := get(t, u); r.status != 500 || decode(t, r.body)["code"] != 20500.0 {
			t.Fatalf("%d %s", r.status, r.body)
		}
	}
	s.SetFaultForever(nil)
	if r := get(t, u); r.status != 200 {
		t.Errorf("after nil: %d", r.status)
	}
	s.SetFaultForever(&Fault{Status: 500})
	s.Reset()
	if r := get(t, u); r.status != 200 || s.RequestCount() != 1 {
		t.Errorf("after Reset: %d, %d requests", r.status, s.RequestCount())
	}
}

func TestDelay(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	s.InjectFaults(Fault{Delay: 100 * time.Millisecond})
	began := time.Now()
	if r := get(t, userURL(base, svc, "jing")); r.status != 200 {
		t.Errorf("%d", r.status)
	}
	if d := time.Since(began); d < 100*time.Millisecond {
		t.Errorf("answered after %v", d)
	}
}

func TestHang(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	s.InjectFaults(Fault{Hang: true}, Fault{Hang: true})
	u := userURL(base, svc, "jing")

	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.SetBasicAuth(acct, token)
	c := &http.Client{Timeout: 200 * time.Millisecond}
	if resp, err := c.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("hang answered %d", resp.StatusCode)
	} else if ne := net.Error(nil); !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("want a timeout, got %v", err)
	}

	errc := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	for s.RequestCount() < 2 {
		time.Sleep(5 * time.Millisecond)
	}
	s.Close()
	select {
	case err := <-errc:
		if err == nil {
			t.Error("Close let a hanging request be answered")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not release the hanging request")
	}
	if st := s.Requests()[0].Status; st != 0 {
		t.Errorf("recorded status %d for an unanswered request", st)
	}
}

func TestResetMidBody(t *testing.T) {
	for _, useTLS := range []bool{false, true} {
		s := New(creds)
		base, c := "", http.DefaultClient
		var err error
		if useTLS {
			base, err = s.StartTLS()
			c = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: s.CertPool()}, ForceAttemptHTTP2: true}}
		} else {
			base, err = s.Start()
		}
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
		s.InjectFaults(Fault{ResetMidBody: true})
		req, _ := http.NewRequest(http.MethodGet, userURL(base, svc, "jing"), nil)
		req.SetBasicAuth(acct, token)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || err == nil || !strings.HasPrefix(string(b), `{"account_sid":"`+acct) {
			t.Errorf("tls=%v: %d %v %q", useTLS, resp.StatusCode, err, b)
		}
		if useTLS && resp.ProtoMajor != 2 {
			t.Errorf("TLS server spoke %s, want HTTP/2", resp.Proto)
		}
	}
}

func TestBodyBytes(t *testing.T) {
	s, base := start(t)
	u := userURL(base, svc, "jing")
	s.InjectFaults(Fault{BodyBytes: 100_000}, Fault{BodyBytes: 5})
	r := get(t, u)
	if r.status != 200 || len(r.body) != 100_000 || !strings.HasPrefix(r.body, `{"sid":"aaa`) || strings.Trim(r.body[8:], "a") != "" {
		t.Errorf("%d, %d bytes, %q...", r.status, len(r.body), r.body[:min(20, len(r.body))])
	}
	if r := get(t, u); r.body != `{"sid` {
		t.Errorf("5 bytes: %q", r.body)
	}
	if reqs := s.Requests(); reqs[0].FillerSent != 100_000 || reqs[1].FillerSent != 5 {
		t.Errorf("FillerSent = %d, %d; want 100000, 5", reqs[0].FillerSent, reqs[1].FillerSent)
	}
}

func TestRequestsAndConnections(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	before := time.Now()
	for range 5 {
		get(t, userURL(base, svc, "jing")+"?a=1&b=%2F")
	}
	if n := s.Connections(); n != 1 {
		t.Errorf("5 keep-alive requests used %d connections", n)
	}
	reqs := s.Requests()
	if len(reqs) != 5 || s.RequestCount() != 5 {
		t.Fatalf("recorded %d", len(reqs))
	}
	r := reqs[4]
	if r.Method != "GET" || r.EscapedPath != "/v2/Services/"+svc+"/Users/jing" || r.RawQuery != "a=1&b=%2F" ||
		r.Status != 200 || r.Time.Before(before) || !strings.HasPrefix(r.Header.Get("Authorization"), "Basic ") {
		t.Errorf("%+v", r)
	}

	s.Reset()
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for range 3 {
		do(t, c, http.MethodGet, userURL(base, svc, "jing"), acct, token)
	}
	if s.Connections() != 3 || s.RequestCount() != 3 {
		t.Errorf("after Reset: %d connections, %d requests", s.Connections(), s.RequestCount())
	}
}

func TestLatency(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	s.SetLatency(50*time.Millisecond, 100*time.Millisecond)
	u := userURL(base, svc, "jing")
	c := &http.Client{Transport: &http.Transport{}}
	for i, least := range []time.Duration{150 * time.Millisecond, 50 * time.Millisecond} {
		began := time.Now()
		do(t, c, http.MethodGet, u, acct, token)
		if d := time.Since(began); d < least {
			t.Errorf("request %d took %v, want at least %v", i, d, least)
		}
	}
	if s.Connections() != 1 {
		t.Errorf("%d connections", s.Connections())
	}
}

func TestStartAt(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "example.com:0", "nonsense"} {
		if _, err := New(creds).StartAt(addr); err == nil {
			t.Errorf("%s accepted", addr)
		}
	}
	s := New(creds)
	defer s.Close()
	if s.CertPool() != nil {
		t.Error("CertPool before StartTLS")
	}
	if _, err := s.StartAt("localhost:0"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Start(); err == nil {
		t.Error("second Start accepted")
	}
}

func TestAccountConcurrency_refusesBeyondTheLimitAndRecordsThePeak(t *testing.T) {
	s, base := start(t)
	s.PutUser(svc, NewUser(base, acct, svc, usJing, "jing"))
	s.SetAccountConcurrency(2)
	s.InjectFaults(Fault{Hang: true}, Fault{Hang: true})
	u := base + "/v2/Services/" + svc + "/Users/jing"
	for range 2 {
		go func() {
			req, _ := http.NewRequest(http.MethodGet, u, nil)
			req.SetBasicAuth(acct, token)
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
	}
	for s.PeakInFlight() < 2 {
		time.Sleep(time.Millisecond)
	}
	r := do(t, http.DefaultClient, http.MethodGet, u, acct, token)
	if r.status != 429 || !strings.Contains(r.body, `"code":20429`) || r.header.Get("Retry-After") != "" {
		t.Fatalf("third request in flight: %d %s %v, want 429/20429 without Retry-After", r.status, r.body, r.header)
	}
	last := s.Requests()[2]
	if last.Status != 429 || last.Answered.Before(last.Time) {
		t.Fatalf("the refused request's record: status %d, arrived %v, answered %v", last.Status, last.Time, last.Answered)
	}
	if got := s.PeakInFlight(); got != 3 {
		t.Fatalf("peak in flight %d, want 3 (the refused one counts while it is refused)", got)
	}
	s.Close()
}
