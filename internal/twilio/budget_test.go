package twilio

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// take acquires n slots for host, failing the test if any has to wait.
func take(t *testing.T, b *Budget, host string, n int) []*slot {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var slots []*slot
	for range n {
		s, err := b.acquire(ctx, host)
		if err != nil {
			t.Fatalf("slot %d of %d: %v", len(slots)+1, n, err)
		}
		slots = append(slots, s)
	}
	return slots
}

// limitOf is b's window, as the next acquire sees it.
func limitOf(b *Budget) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.limit()
}

// waitForWaiter returns once an acquire of b waits for a slot or a hold.
func waitForWaiter(t *testing.T, b *Budget) {
	t.Helper()
	for start := time.Now(); ; time.Sleep(time.Millisecond) {
		b.mu.Lock()
		n := b.waiters
		b.mu.Unlock()
		if n > 0 {
			return
		}
		if time.Since(start) > 5*time.Second {
			t.Fatal("no acquire is waiting")
		}
	}
}

// blocked reports whether acquiring for host would wait.
func blocked(b *Budget, host string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	s, err := b.acquire(ctx, host)
	if err != nil {
		return true
	}
	s.release(200, nil)
	return false
}

func TestBudget_neverMoreInFlightThanTheLimit(t *testing.T) {
	b := NewBudget(3)
	slots := take(t, b, "a", 3)
	if !blocked(b, "a") || !blocked(b, "b") {
		t.Fatal("a fourth attempt started with a budget of 3, to the same host or another")
	}
	slots[0].release(200, nil)
	if blocked(b, "b") {
		t.Fatal("a released slot is not given to the next attempt")
	}
}

func TestBudget_a429HalvesTheWindowOncePerBurstNeverBelowOne(t *testing.T) {
	b := NewBudget(10)
	slots := take(t, b, "a", 10)
	// Ten attempts sent together all get 429: one halving, not ten.
	for _, s := range slots {
		s.release(429, nil)
	}
	if got := limitOf(b); got != 5 {
		t.Fatalf("after a burst of 429s the window is %d, want 5", got)
	}
	// Attempts sent after the shrink that still get 429 halve it again.
	for _, want := range []int{2, 1, 1, 1} {
		take(t, b, "a", 1)[0].release(429, nil)
		if got := limitOf(b); got != want {
			t.Fatalf("window %d, want %d", got, want)
		}
	}
}

func TestBudget_successesGrowTheWindowBackToTheCeiling(t *testing.T) {
	b := NewBudget(4)
	take(t, b, "a", 1)[0].release(429, nil)
	take(t, b, "a", 1)[0].release(429, nil)
	if got := limitOf(b); got != 1 {
		t.Fatalf("window %d, want 1", got)
	}
	// Each success adds 1/window: one success from 1 to 2, two from 2 to 3.
	for _, want := range []int{2, 2, 3, 3, 3, 4} {
		take(t, b, "a", 1)[0].release(200, nil)
		if got := limitOf(b); got != want {
			t.Fatalf("window %d, want %d", got, want)
		}
	}
	for range 100 {
		take(t, b, "a", 1)[0].release(404, nil)
	}
	if got := limitOf(b); got != 4 {
		t.Fatalf("window %d after many successes, want the ceiling 4", got)
	}
	// Outages neither grow nor shrink it.
	take(t, b, "a", 1)[0].release(503, nil)
	take(t, b, "a", 1)[0].release(0, nil)
	if got := limitOf(b); got != 4 {
		t.Fatalf("window %d after a 503 and a transport error, want 4", got)
	}
}

func TestBudget_retryAfterHoldsEveryNewAttemptToThatHost(t *testing.T) {
	b := NewBudget(10)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	b.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }

	take(t, b, "chat", 1)[0].release(429, http.Header{"Retry-After": []string{"2"}})
	if !blocked(b, "chat") {
		t.Fatal("an attempt to the host started inside its Retry-After window")
	}
	if blocked(b, "conversations") {
		t.Fatal("Retry-After of one host held another")
	}
	advance(time.Second)
	if !blocked(b, "chat") {
		t.Fatal("an attempt started one second into a two-second Retry-After")
	}
	advance(time.Second)
	if blocked(b, "chat") {
		t.Fatal("the host is still held once its Retry-After has passed")
	}
}

func TestBudget_aWaitingAttemptStartsWhenRetryAfterEnds(t *testing.T) {
	b := NewBudget(2)
	take(t, b, "chat", 1)[0].release(429, http.Header{"Retry-After": []string{"1"}})
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := b.acquire(ctx, "chat")
	if err != nil {
		t.Fatal(err)
	}
	s.release(200, nil)
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Fatalf("started after %v, inside the one-second Retry-After", waited)
	}
}

// acquireThenCancel cancels an acquire of host once it waits, and returns
// what the acquire returned.
func acquireThenCancel(t *testing.T, b *Budget, host string) error {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := b.acquire(ctx, host)
		done <- err
	}()
	waitForWaiter(t, b)
	cancel()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("a waiting attempt did not stop on cancel")
		return nil
	}
}

func TestBudget_waitingStopsOnCancelAndDeadline(t *testing.T) {
	b := NewBudget(1)
	take(t, b, "a", 1)
	if err := acquireThenCancel(t, b, "a"); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	deadline, cancelDeadline := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancelDeadline()
	if _, err := b.acquire(deadline, "a"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	// A held host, too: cancelled while waiting for the hold to pass.
	b2 := NewBudget(5)
	take(t, b2, "a", 1)[0].release(429, http.Header{"Retry-After": []string{"60"}})
	if err := acquireThenCancel(t, b2, "a"); !errors.Is(err, context.Canceled) {
		t.Fatalf("held host: err = %v, want context.Canceled", err)
	}
}

// A hold that outlasts the caller's deadline fails at once, saying so.
func TestBudget_aHoldPastTheDeadlineFailsAtOnce(t *testing.T) {
	b := NewBudget(5)
	take(t, b, "chat", 1)[0].release(429, http.Header{"Retry-After": []string{"60"}})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	_, err := b.acquire(ctx, "chat")
	var hold *HoldError
	if !errors.As(err, &hold) || hold.Host != "chat" || hold.Wait < 59*time.Second || !strings.Contains(err.Error(), "longer than what remains of the read's timeout") {
		t.Fatalf("err = %v, want a HoldError of about 60s", err)
	}
	if time.Since(start) > time.Second {
		t.Fatal("waited before failing")
	}
}

// Clients of one budget share it: the most requests in flight at once, to
// two hosts together, is the budget.
func TestClient_requestsOfEveryClientShareTheBudget(t *testing.T) {
	var inFlight, peak atomic.Int32
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(20 * time.Millisecond)
		inFlight.Add(-1)
		fmt.Fprint(w, `{"sid":"`+testUserSid+`","identity":"jing"}`)
	})
	one, two := httptest.NewServer(handler), httptest.NewServer(handler)
	defer one.Close()
	defer two.Close()
	budget := NewBudget(3)
	var clients []*Client
	for _, u := range []string{one.URL, two.URL} {
		c, err := New(Config{HostLabel: "chat", BaseURL: u, Username: "AC", Password: "x", Budget: budget})
		if err != nil {
			t.Fatal(err)
		}
		defer c.CloseIdleConnections()
		clients = append(clients, c)
	}
	var wg sync.WaitGroup
	for i := range 24 {
		wg.Go(func() {
			if _, err := fetchUser(context.Background(), clients[i%2], "jing"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := peak.Load(); got != 3 {
		t.Fatalf("peak in flight %d, want the budget, 3", got)
	}
}
