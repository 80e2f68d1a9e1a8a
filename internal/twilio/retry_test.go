package twilio

import (
	"context"
	"errors"
	"net/http"
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
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if got, err := checkRetry(cancelled, &http.Response{StatusCode: 503}, nil); got || !errors.Is(err, context.Canceled) {
		t.Errorf("after cancel: retry = %v, err = %v", got, err)
	}
}

func TestRetryPolicy_stopsWhenTheWaitOutlastsTheDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	policy := func() *retryPolicy {
		attempts := 1
		return &retryPolicy{attempts: &attempts, retryMax: 4, waitMin: time.Second, waitMax: time.Minute, now: time.Now}
	}
	for name, tc := range map[string]struct {
		resp  *http.Response
		err   error
		retry bool
	}{
		"Retry-After beyond the deadline": {resp: &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": []string{"3600"}}}},
		"Retry-After within it":           {resp: &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": []string{"1"}}}, retry: true},
		"503, backoff within it":          {resp: &http.Response{StatusCode: 503}, retry: true},
		"transport error":                 {err: errors.New("connection reset by peer"), retry: true},
	} {
		p := policy()
		retry, err := p.check(ctx, tc.resp, tc.err)
		if retry != tc.retry || err != nil || p.stoppedAtDeadline == tc.retry {
			t.Errorf("%s: retry = %v, err = %v, stopped at deadline = %v", name, retry, err, p.stoppedAtDeadline)
		}
		if tc.retry && p.backoff(0, 0, 0, nil) != p.wait {
			t.Errorf("%s: the wait used is not the one checked", name)
		}
	}
	// A backoff (no Retry-After) past the deadline stops too: 20 s to wait
	// at least, with 5 s left.
	short, cancelShort := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancelShort()
	attempts := 3
	p := &retryPolicy{attempts: &attempts, retryMax: 4, waitMin: 40 * time.Second, waitMax: time.Minute, now: time.Now}
	if retry, err := p.check(short, &http.Response{StatusCode: 503}, nil); retry || err != nil || !p.stoppedAtDeadline {
		t.Fatalf("backoff beyond the deadline: retry = %v, err = %v, stopped = %v", retry, err, p.stoppedAtDeadline)
	}
}
