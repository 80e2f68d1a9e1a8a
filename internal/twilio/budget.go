package twilio

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"sync"
	"time"
)

// DefaultMaxConcurrent is the budget of a Client built without one.
const DefaultMaxConcurrent = 10

// Budget is the provider's share of the account's concurrency: every attempt
// of every Client built with it, to any host, holds one of its slots while
// it is in flight. Twilio limits the requests an account has in flight and
// answers 429 (error 20429) beyond that, and the account's own traffic shares
// the limit, so the window adapts as TCP's does (AIMD): a 429 halves it,
// never below 1, and each success grows it by 1/window, back up to max. A
// 429 with Retry-After also holds every new attempt to that host until then.
//
// It is written here rather than taken from a library: the Go ports of
// Netflix's concurrency-limits are not among the modules this project can
// use, and none holds requests per host on Retry-After, which is most of
// what Twilio asks.
type Budget struct {
	max int

	mu       sync.Mutex
	window   float64
	inFlight int
	// epoch counts the shrinks: a 429 to an attempt sent before the last
	// shrink says nothing the window has not already answered, so several
	// 429s from one burst halve it once, not once each.
	epoch uint64
	holds map[string]time.Time
	// changed is closed, and replaced, by a release while any of waiters
	// (acquires waiting for a slot or a hold) waits: with none, no one
	// needs waking.
	changed chan struct{}
	waiters int
	now     func() time.Time
}

// NewBudget returns a budget of at most n requests in flight (at least 1).
func NewBudget(n int) *Budget {
	n = max(n, 1)
	return &Budget{max: n, window: float64(n), holds: map[string]time.Time{}, changed: make(chan struct{}), now: time.Now}
}

// limit is how many attempts may be in flight now; b.mu must be held.
func (b *Budget) limit() int { return max(int(math.Floor(b.window)), 1) }

// HoldError is an attempt that would have had to wait, for a Retry-After
// Twilio gave another request to the same host, past the caller's deadline:
// it fails at once rather than sleeping into a timeout.
type HoldError struct {
	Host string
	Wait time.Duration
}

func (e *HoldError) Error() string {
	return fmt.Sprintf("Twilio asked (Retry-After, on another request to %s) to wait %s before the next request, longer than what remains of the read's timeout",
		e.Host, e.Wait.Round(time.Millisecond))
}

// slot is one attempt's hold on the budget.
type slot struct {
	b     *Budget
	host  string
	epoch uint64
	once  sync.Once
}

// acquire waits until an attempt to host may start: a slot is free and no
// Retry-After holds the host. It gives up when ctx is done (the read's
// deadline, or Terraform's cancellation).
func (b *Budget) acquire(ctx context.Context, host string) (*slot, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b.mu.Lock()
		now := b.now()
		hold := b.holds[host]
		if !now.Before(hold) && b.inFlight < b.limit() {
			delete(b.holds, host)
			b.inFlight++
			s := &slot{b: b, host: host, epoch: b.epoch}
			b.mu.Unlock()
			return s, nil
		}
		if deadline, ok := ctx.Deadline(); ok && hold.After(deadline) {
			b.mu.Unlock()
			return nil, &HoldError{Host: host, Wait: hold.Sub(now)}
		}
		changed := b.changed
		b.waiters++
		b.mu.Unlock()
		err := b.wait(ctx, changed, hold.Sub(now))
		b.mu.Lock()
		b.waiters--
		b.mu.Unlock()
		if err != nil {
			return nil, err
		}
	}
}

// wait returns when the budget changes, when hold has passed (if positive),
// or with ctx's error.
func (b *Budget) wait(ctx context.Context, changed <-chan struct{}, hold time.Duration) error {
	var expired <-chan time.Time
	if hold > 0 {
		t := time.NewTimer(hold)
		defer t.Stop()
		expired = t.C
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-changed:
	case <-expired:
	}
	return nil
}

// release gives the slot back with what the attempt got: the status of the
// answer (0 for none) and its headers.
func (s *slot) release(status int, header http.Header) {
	s.once.Do(func() {
		b := s.b
		b.mu.Lock()
		defer b.mu.Unlock()
		b.inFlight--
		switch {
		case status == http.StatusTooManyRequests:
			if s.epoch == b.epoch {
				b.window = math.Max(1, b.window/2)
				b.epoch++
			}
			now := b.now()
			if wait, ok := retryAfter(header.Get("Retry-After"), now); ok && wait > 0 {
				if until := now.Add(wait); until.After(b.holds[s.host]) {
					b.holds[s.host] = until
				}
			}
		case status > 0 && status < 500:
			// Any answer but a throttle or an outage shows the account had
			// room for this request.
			b.window = math.Min(float64(b.max), b.window+1/float64(b.limit()))
		}
		if b.waiters > 0 {
			close(b.changed)
			b.changed = make(chan struct{})
		}
	})
}
