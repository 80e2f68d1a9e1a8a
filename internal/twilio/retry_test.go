package twilio

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for value, want := range map[string]time.Duration{
		"1":                             time.Second,
		"0":                             0,
		"120":                           2 * time.Minute,
		"Thu, 26 Nov 2026 12:00:05 GMT": 5 * time.Second,
		"Thu, 26 Nov 2026 11:00:00 GMT": 0,
		"99999999999999":                maxRetryAfterSeconds * time.Second,
	} {
		got, ok := retryAfter(value, now)
		if !ok || got != want {
			t.Errorf("retryAfter(%q) = %v, %v; want %v", value, got, ok, want)
		}
	}
	for _, value := range []string{"", "-1", "soon", "1.5"} {
		if got, ok := retryAfter(value, now); ok {
			t.Errorf("retryAfter(%q) = %v, want not ok", value, got)
		}
	}
}

func TestBackoff_honoursRetryAfterOnAnyStatus(t *testing.T) {
	for _, status := range []int{429, 500, 503} {
		resp := &http.Response{StatusCode: status, Header: http.Header{"Retry-After": []string{"7"}}}
		if got := backoff(time.Millisecond, time.Second, 0, resp); got != 7*time.Second {
			t.Errorf("status %d: backoff = %v, want 7s", status, got)
		}
	}
}

func TestBackoff_exponentialWithJitterWithinBounds(t *testing.T) {
	minWait, maxWait := 100*time.Millisecond, 2*time.Second
	for attempt := range 10 {
		ceiling := min(minWait<<attempt, maxWait)
		for range 200 {
			got := backoff(minWait, maxWait, attempt, nil)
			if got < minWait/2 || got > ceiling {
				t.Fatalf("attempt %d: backoff = %v, want within [%v, %v]", attempt, got, minWait/2, ceiling)
			}
		}
	}
}

func TestCheckRetry_decisions(t *testing.T) {
	ctx := context.Background()
	for status, want := range map[int]bool{200: false, 400: false, 401: false, 403: false, 404: false, 429: true, 500: true, 501: false, 502: true, 503: true, 504: true} {
		got, _ := checkRetry(ctx, &http.Response{StatusCode: status}, nil)
		if got != want {
			t.Errorf("status %d: retry = %v, want %v", status, got, want)
		}
	}
	if got, _ := checkRetry(ctx, nil, errors.New("connection reset by peer")); !got {
		t.Error("a transport error is not retried")
	}
	if got, _ := checkRetry(ctx, nil, &BodyTooLargeError{Limit: 1}); got {
		t.Error("a body too large is retried")
	}
	// As http.Client returns the budget's HoldError from the transport.
	if got, _ := checkRetry(ctx, nil, &url.Error{Op: "Get", URL: "https://chat.twilio.com/v2/Services", Err: &HoldError{Host: "chat.twilio.com", Wait: time.Minute}}); got {
		t.Error("a Retry-After hold past the deadline is retried")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if got, err := checkRetry(cancelled, &http.Response{StatusCode: 503}, nil); got || !errors.Is(err, context.Canceled) {
		t.Errorf("after cancel: retry = %v, err = %v", got, err)
	}
}

func TestRetryPolicy_stopsWhenTheWaitOutlastsTheDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// The first attempt failed: a backoff is drawn from [waitMin/2, waitMin].
	policy := func() *retryPolicy {
		return &retryPolicy{tries: tries{attempts: 1}, retryMax: 4, waitMin: time.Second, waitMax: time.Minute}
	}
	for name, tc := range map[string]struct {
		resp           *http.Response
		err            error
		retry          bool
		waitLo, waitHi time.Duration
	}{
		"Retry-After beyond the deadline": {resp: &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": []string{"3600"}}}},
		"Retry-After within it":           {resp: &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": []string{"1"}}}, retry: true, waitLo: time.Second, waitHi: time.Second},
		"503, backoff within it":          {resp: &http.Response{StatusCode: 503}, retry: true, waitLo: 500 * time.Millisecond, waitHi: time.Second},
		"transport error":                 {err: errors.New("connection reset by peer"), retry: true, waitLo: 500 * time.Millisecond, waitHi: time.Second},
	} {
		p := policy()
		retry, err := p.check(ctx, tc.resp, tc.err)
		if retry != tc.retry || err != nil || p.stoppedAtDeadline == tc.retry {
			t.Errorf("%s: retry = %v, err = %v, stopped at deadline = %v", name, retry, err, p.stoppedAtDeadline)
		}
		if got := p.backoff(0, 0, 0, nil); tc.retry && (got < tc.waitLo || got > tc.waitHi) {
			t.Errorf("%s: waits %v, want within [%v, %v]", name, got, tc.waitLo, tc.waitHi)
		}
	}
	// A backoff (no Retry-After) past the deadline stops too: 20 s to wait
	// at least, with 5 s left. Only while retries remain is the deadline
	// what stopped them.
	for attempts, stopped := range map[int]bool{3: true, 4: true, 5: false} {
		short, cancelShort := context.WithTimeout(context.Background(), 5*time.Second)
		p := &retryPolicy{tries: tries{attempts: attempts}, retryMax: 4, waitMin: 40 * time.Second, waitMax: time.Minute}
		retry, err := p.check(short, &http.Response{StatusCode: 503}, nil)
		cancelShort()
		if retry || err != nil || p.stoppedAtDeadline != stopped {
			t.Errorf("attempt %d of 5, backoff beyond the deadline: retry = %v, err = %v, stopped at deadline = %v, want %v", attempts, retry, err, p.stoppedAtDeadline, stopped)
		}
	}
}
