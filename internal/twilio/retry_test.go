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

func TestCheckRetry_givesUpWhenRetryAfterOutlastsTheDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	long := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": []string{"3600"}}}
	if retry, err := checkRetry(ctx, long, nil); retry || err != nil {
		t.Fatalf("Retry-After beyond the deadline: retry = %v, err = %v", retry, err)
	}
	short := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": []string{"1"}}}
	if retry, _ := checkRetry(ctx, short, nil); !retry {
		t.Fatal("Retry-After within the deadline is not retried")
	}
}
