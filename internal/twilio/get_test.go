package twilio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const (
	testService = "IS0123456789abcdef0123456789abcdef"
	testUserSid = "US0123456789abcdef0123456789abcdef"
)

// userURL is the URL Get sends for a chat user.
func userURL(t *testing.T, base, serviceSid, sidOrIdentity string) (*url.URL, error) {
	t.Helper()
	c := newTestClient(t, base, 0)
	plain, escaped, err := resourcePath([]string{"v2", "Services", serviceSid, "Users", sidOrIdentity})
	if err != nil {
		return nil, err
	}
	return c.requestURL(plain, escaped, ""), nil
}

func TestRequestURL_escapesEachSegment(t *testing.T) {
	for identity, wantPath := range map[string]string{
		testUserSid:   "/v2/Services/" + testService + "/Users/" + testUserSid,
		"jing":        "/v2/Services/" + testService + "/Users/jing",
		"a/b":         "/v2/Services/" + testService + "/Users/a%2Fb",
		"a?b":         "/v2/Services/" + testService + "/Users/a%3Fb",
		"a#b":         "/v2/Services/" + testService + "/Users/a%23b",
		"100%":        "/v2/Services/" + testService + "/Users/100%25",
		"a+b":         "/v2/Services/" + testService + "/Users/a%2Bb",
		"jing li":     "/v2/Services/" + testService + "/Users/jing%20li",
		"李静":          "/v2/Services/" + testService + "/Users/%E6%9D%8E%E9%9D%99",
		"../Services": "/v2/Services/" + testService + "/Users/..%2FServices",
		"...":         "/v2/Services/" + testService + "/Users/...",
	} {
		u, err := userURL(t, "https://chat.twilio.com", testService, identity)
		if err != nil {
			t.Fatalf("userURL(%q): %v", identity, err)
		}
		if got := u.EscapedPath(); got != wantPath {
			t.Errorf("userURL(%q) path = %s, want %s", identity, got, wantPath)
		}
		if u.RawQuery != "" || u.Fragment != "" {
			t.Errorf("userURL(%q) has query %q fragment %q", identity, u.RawQuery, u.Fragment)
		}
		if got := u.String(); got != "https://chat.twilio.com"+wantPath {
			t.Errorf("userURL(%q) = %s", identity, got)
		}
	}
}

func TestRequestURL_keepsTheBasePath(t *testing.T) {
	u, err := userURL(t, "https://proxy.example.com/twilio%2Fchat", testService, "a/b")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := u.EscapedPath(), "/twilio%2Fchat/v2/Services/"+testService+"/Users/a%2Fb"; got != want {
		t.Fatalf("path = %s, want %s", got, want)
	}
}

func TestResourcePath_refusesDotSegmentsAndEmpty(t *testing.T) {
	for _, identity := range []string{".", "..", ""} {
		if _, _, err := resourcePath([]string{"v2", "Services", testService, "Users", identity}); err == nil {
			t.Errorf("resourcePath(%q) succeeded, want an error", identity)
		}
	}
}

func newTestClient(t *testing.T, srvURL string, maxRetries int) *Client {
	t.Helper()
	c, err := New(Config{
		HostLabel: "chat", BaseURL: srvURL, Username: "ACuser", Password: "secret", UserAgent: "test-agent/1",
		MaxRetries: maxRetries, RequestTimeout: 5 * time.Second,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func TestGet_sendsAuthUserAgentAndEscapedPath(t *testing.T) {
	var gotPath, gotAgent, gotUser, gotPass string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath = strings.SplitN(r.RequestURI, "?", 2)[0]
		gotAgent = r.UserAgent()
		gotUser, gotPass, _ = r.BasicAuth()
		fmt.Fprint(w, `{"sid":"`+testUserSid+`","identity":"a/b?c","role_sid":"RL1"}`)
	}))
	defer srv.Close()
	u, err := fetchUser(context.Background(), newTestClient(t, srv.URL, 0), "a/b?c")
	if err != nil {
		t.Fatal(err)
	}
	if *u.RoleSid != "RL1" || *u.Identity != "a/b?c" {
		t.Fatalf("user = %+v", u)
	}
	if want := "/v2/Services/" + testService + "/Users/a%2Fb%3Fc"; gotPath != want {
		t.Errorf("path = %s, want %s", gotPath, want)
	}
	if gotAgent != "test-agent/1" || gotUser != "ACuser" || gotPass != "secret" {
		t.Errorf("agent %q user %q pass %q", gotAgent, gotUser, gotPass)
	}
}

func TestGetWithQuery_sendsTheQueryBesideTheBasePath(t *testing.T) {
	var gotURI string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotURI = r.RequestURI
		fmt.Fprint(w, `{"sid":"`+testUserSid+`"}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL+"/flex", 0)
	var u testUser
	if err := c.GetWithQuery(context.Background(), &u, url.Values{"UiVersion": {"1.2 & up"}}, "v1", "Configuration"); err != nil {
		t.Fatal(err)
	}
	if want := "/flex/v1/Configuration?UiVersion=1.2+%26+up"; gotURI != want {
		t.Errorf("request URI = %s, want %s", gotURI, want)
	}
	if err := c.GetWithQuery(context.Background(), &u, nil, "v1", "Configuration"); err != nil {
		t.Fatal(err)
	}
	if want := "/flex/v1/Configuration"; gotURI != want {
		t.Errorf("without a query, request URI = %s, want %s", gotURI, want)
	}
}

type testUser struct {
	Sid      *string `json:"sid"`
	Identity *string `json:"identity"`
	RoleSid  *string `json:"role_sid"`
}

// fetchUser gets a user of testService the way internal/twilio/chat does.
func fetchUser(ctx context.Context, c *Client, sidOrIdentity string) (*testUser, error) {
	var u testUser
	if err := c.Get(ctx, &u, "v2", "Services", testService, "Users", sidOrIdentity); err != nil {
		return nil, err
	}
	return &u, nil
}

// statusSequence answers with the given statuses in turn, then 200 with a user.
func statusSequence(statuses ...int) (http.Handler, *atomic.Int32) {
	var n atomic.Int32
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i < len(statuses) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(statuses[i])
			fmt.Fprintf(w, `{"code":%d,"message":"%s","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}`,
				statuses[i]*100, http.StatusText(statuses[i]), statuses[i]*100, statuses[i])
			return
		}
		fmt.Fprint(w, `{"sid":"`+testUserSid+`"}`)
	}), &n
}

func TestGet_retriesRetryableStatuses(t *testing.T) {
	h, n := statusSequence(429, 503, 500, 502)
	srv := httptest.NewServer(h)
	defer srv.Close()
	if _, err := fetchUser(context.Background(), newTestClient(t, srv.URL, 4), testUserSid); err != nil {
		t.Fatal(err)
	}
	if got := n.Load(); got != 5 {
		t.Fatalf("requests = %d, want 5", got)
	}
}

func TestGet_neverRetriesOtherClientErrorsNor501(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 405, 422, 501} {
		h, n := statusSequence(status)
		srv := httptest.NewServer(h)
		_, err := fetchUser(context.Background(), newTestClient(t, srv.URL, 4), testUserSid)
		srv.Close()
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != status || apiErr.Code != status*100 {
			t.Errorf("status %d: err = %v", status, err)
		}
		if got := n.Load(); got != 1 {
			t.Errorf("status %d: requests = %d, want 1", status, got)
		}
	}
}

func TestGet_givesUpAfterMaxRetries(t *testing.T) {
	h, n := statusSequence(500, 500, 500, 500, 500, 500)
	srv := httptest.NewServer(h)
	defer srv.Close()
	_, err := fetchUser(context.Background(), newTestClient(t, srv.URL, 3), testUserSid)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 500 || apiErr.Code != 50000 || apiErr.Attempts != 4 {
		t.Fatalf("err = %#v", err)
	}
	if !strings.Contains(err.Error(), "HTTP 500, Twilio error 50000: Internal Server Error") || !strings.Contains(err.Error(), "gave up after 4 attempts") {
		t.Fatalf("message = %s", err)
	}
	if got := n.Load(); got != 4 {
		t.Fatalf("requests = %d, want 4", got)
	}
}

func TestGet_doesNotFollowRedirects(t *testing.T) {
	var followed atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/elsewhere" {
			followed.Store(true)
		}
		http.Redirect(w, r, "/elsewhere", http.StatusFound)
	}))
	defer srv.Close()
	_, err := fetchUser(context.Background(), newTestClient(t, srv.URL, 2), testUserSid)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 302 || !strings.Contains(apiErr.Message, "redirect to /elsewhere not followed") {
		t.Fatalf("err = %v", err)
	}
	if followed.Load() {
		t.Fatal("the redirect was followed")
	}
}

func TestGet_capsTheBody(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		_, _ = io.WriteString(w, `{"sid":"`+strings.Repeat("a", 4096)+`"}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, 3)
	c.maxBody = 1024
	_, err := fetchUser(context.Background(), c, testUserSid)
	var tooLarge *BodyTooLargeError
	if !errors.As(err, &tooLarge) || tooLarge.Limit != 1024 {
		t.Fatalf("err = %v", err)
	}
	if got := n.Load(); got != 1 {
		t.Fatalf("requests = %d, want 1 (a body too large is not retried)", got)
	}
}

func TestGet_nonJSONSuccessIsADecodeError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, "<html><body><h1>Proxy login</h1></body></html>")
	}))
	defer srv.Close()
	_, err := fetchUser(context.Background(), newTestClient(t, srv.URL, 2), testUserSid)
	var decodeErr *DecodeError
	if !errors.As(err, &decodeErr) || decodeErr.StatusCode != 200 || decodeErr.ContentType != "text/html" ||
		!strings.HasPrefix(decodeErr.Excerpt, "<html><body><h1>Proxy login") {
		t.Fatalf("err = %v", err)
	}
}

// expectCancelStopsFetch cancels a fetch against handler after it has
// started, and fails unless the fetch returns context.Canceled promptly.
func expectCancelStopsFetch(t *testing.T, handler http.HandlerFunc) {
	t.Helper()
	srv := httptest.NewServer(handler)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := fetchUser(ctx, newTestClient(t, srv.URL, 4), testUserSid)
		errc <- err
	}()
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("FetchUser kept waiting after the context was cancelled")
	}
}

func TestGet_cancelStopsBackoffAtOnce(t *testing.T) {
	expectCancelStopsFetch(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
}

func TestGet_cancelStopsAnAttemptInFlight(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	expectCancelStopsFetch(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
}
