package twilio

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A read that gives up after its retries must not drop the connections the
// other reads have pooled: retryablehttp calls CloseIdleConnections on its
// http.Client whenever it gives up.
func TestGet_givingUpKeepsThePooledConnections(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "broken") {
			w.WriteHeader(503)
			fmt.Fprint(w, `{"code":20503,"message":"Service Unavailable","status":503}`)
			return
		}
		fmt.Fprint(w, `{"sid":"`+testUserSid+`","identity":"jing"}`)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c := newTestClient(t, srv.URL, 1)
	if _, err := fetchUser(context.Background(), c, "jing"); err != nil {
		t.Fatal(err)
	}
	var apiErr *APIError
	if _, err := fetchUser(context.Background(), c, "broken"); !errors.As(err, &apiErr) || apiErr.StatusCode != 503 || apiErr.Attempts != 2 {
		t.Fatalf("err = %v, want a 503 after 2 attempts", err)
	}
	if _, err := fetchUser(context.Background(), c, "jing"); err != nil {
		t.Fatal(err)
	}
	if n := conns.Load(); n != 1 {
		t.Fatalf("%d connections, want 1: giving up closed the pooled one", n)
	}
}

// shortAttempts is a client of srvURL whose attempts last 100 ms at most,
// with two quick retries, and a context of 5 s for its reads.
func shortAttempts(t *testing.T, srvURL string) (*Client, context.Context) {
	t.Helper()
	c, err := New(Config{HostLabel: "chat", BaseURL: srvURL, Username: "AC", Password: "x", MaxRetries: 2,
		RequestTimeout: 100 * time.Millisecond, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.CloseIdleConnections)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return c, ctx
}

// An attempt that hangs is abandoned at request_timeout and retried within
// the read's deadline.
func TestGet_aHungAttemptIsRetried(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			<-r.Context().Done()
			return
		}
		fmt.Fprint(w, `{"sid":"`+testUserSid+`","identity":"jing"}`)
	}))
	defer srv.Close()
	c, ctx := shortAttempts(t, srv.URL)
	if _, err := fetchUser(ctx, c, "jing"); err != nil || calls.Load() != 2 {
		t.Fatalf("err = %v after %d attempts, want the second to answer", err, calls.Load())
	}
	// With no retries left, the error names the per-attempt limit.
	calls.Store(0)
	c.retryMax = 0
	_, err := fetchUser(ctx, c, "jing")
	var timeout *AttemptTimeoutError
	if !errors.As(err, &timeout) || !strings.Contains(err.Error(), "per-attempt limit of 100ms") {
		t.Fatalf("err = %v, want an AttemptTimeoutError", err)
	}
}

// A 503 that never ends, under a deadline the next backoff would pass, fails
// at once with the 503, not with a timeout.
func TestGet_aBackoffPastTheDeadlineFailsWithTheLastAnswer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(503)
		fmt.Fprint(w, `{"code":20503,"message":"Service Unavailable","status":503}`)
	}))
	defer srv.Close()
	c, err := New(Config{HostLabel: "chat", BaseURL: srv.URL, Username: "AC", Password: "x", MaxRetries: 10,
		RetryWaitMin: 400 * time.Millisecond, RetryWaitMax: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err = fetchUser(ctx, c, "jing")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 || apiErr.Code != 20503 || !apiErr.StoppedAtDeadline ||
		!strings.Contains(err.Error(), "HTTP 503, Twilio error 20503: Service Unavailable") ||
		!strings.Contains(err.Error(), "the next attempt would have started after the read's timeout") {
		t.Fatalf("err = %v, want the 503 stopped at the deadline", err)
	}
	if ctx.Err() != nil {
		t.Fatal("the read waited for its deadline instead of failing at once")
	}
}

// retryablehttp's own log lines (why a retry, how long the wait) reach the
// client's Logger, on the request's context.
func TestGet_retryablehttpLogsReachTheLogger(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.WriteHeader(503)
			return
		}
		fmt.Fprint(w, `{"sid":"`+testUserSid+`","identity":"jing"}`)
	}))
	defer srv.Close()
	type key struct{}
	var mu sync.Mutex
	var lines []string
	c, err := New(Config{HostLabel: "chat", BaseURL: srv.URL, Username: "AC", Password: "x", MaxRetries: 2,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
		Logger: func(ctx context.Context, msg string, fields map[string]any) {
			mu.Lock()
			defer mu.Unlock()
			if ctx.Value(key{}) != "read" {
				t.Errorf("%q logged without the request's context", msg)
			}
			if msg == "retryablehttp: retrying request" {
				lines = append(lines, fmt.Sprintf("%s %s", fields["request"], fields["timeout"]))
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	if _, err := fetchUser(context.WithValue(context.Background(), key{}, "read"), c, "jing"); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || !strings.Contains(lines[0], "(status: 503)") || !strings.HasSuffix(lines[0], "s") {
		t.Fatalf("retry log lines %q, want one naming the 503 and the wait", lines)
	}
}

// While Twilio's Retry-After to one request holds the host past a read's
// deadline, another read to that host fails at once with the hold, and
// sends nothing.
func TestGet_aHoldPastTheDeadlineFailsAtOnceWithoutARequest(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Retry-After", "60")
		w.WriteHeader(429)
		fmt.Fprint(w, `{"code":20429,"message":"Too Many Requests","status":429}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, 0)
	var apiErr *APIError
	if _, err := fetchUser(context.Background(), c, "jing"); !errors.As(err, &apiErr) || apiErr.StatusCode != 429 {
		t.Fatalf("err = %v, want the 429", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := fetchUser(ctx, c, "amy")
	var hold *HoldError
	if !errors.As(err, &hold) || ctx.Err() != nil {
		t.Fatalf("err = %v, want a HoldError at once", err)
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("%d requests, want only the first", n)
	}
}

// The per-attempt limit covers the body too: an answer that stalls halfway
// is abandoned and retried.
func TestGet_aBodyThatStallsIsRetried(t *testing.T) {
	var calls atomic.Int32
	body := `{"sid":"` + testUserSid + `","identity":"jing"}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Content-Length", fmt.Sprint(len(body)))
			fmt.Fprint(w, body[:10])
			_ = http.NewResponseController(w).Flush()
			<-r.Context().Done()
			return
		}
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	c, ctx := shortAttempts(t, srv.URL)
	if u, err := fetchUser(ctx, c, "jing"); err != nil || calls.Load() != 2 || *u.Identity != "jing" {
		t.Fatalf("err = %v after %d attempts, want the second to answer", err, calls.Load())
	}
}
