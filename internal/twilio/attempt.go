package twilio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// AttemptTimeoutError is an attempt that got no complete answer within the
// per-attempt limit (request_timeout); it is retried like any transport
// failure.
type AttemptTimeoutError struct {
	Limit time.Duration
}

func (e *AttemptTimeoutError) Error() string {
	return fmt.Sprintf("no complete answer within the per-attempt limit of %s", e.Limit)
}

// Timeout makes the error a net.Error timeout, as http.Client's own is.
func (e *AttemptTimeoutError) Timeout() bool { return true }

// attemptTransport is what each attempt goes through: it takes a slot of the
// budget (waiting without the per-attempt clock running), bounds the attempt
// by its own limit, and gives the slot back, with what Twilio answered, once
// the body has been read or closed. It has no CloseIdleConnections, so that
// retryablehttp, which calls it on http.Client whenever it gives up, cannot
// drop the pooled connections every other read is using.
type attemptTransport struct {
	next    http.RoundTripper
	budget  *Budget
	timeout time.Duration
}

func (t *attemptTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	s, err := t.budget.acquire(req.Context(), req.URL.Host)
	if err != nil {
		return nil, err
	}
	ctx, cancel := req.Context(), context.CancelFunc(func() {})
	if t.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, t.timeout)
	}
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		s.release(0, nil)
		return nil, t.attemptErr(req.Context(), ctx, err)
	}
	resp.Body = &attemptBody{ReadCloser: resp.Body, t: t, outer: req.Context(), ctx: ctx, done: func() {
		cancel()
		s.release(resp.StatusCode, resp.Header)
	}}
	return resp, nil
}

// attemptErr names the per-attempt limit when it, and not the caller, ended
// the attempt.
func (t *attemptTransport) attemptErr(outer, attempt context.Context, err error) error {
	if outer.Err() == nil && errors.Is(attempt.Err(), context.DeadlineExceeded) {
		return &AttemptTimeoutError{Limit: t.timeout}
	}
	return err
}

type attemptBody struct {
	io.ReadCloser
	t          *attemptTransport
	outer, ctx context.Context
	once       sync.Once
	done       func()
}

func (b *attemptBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	switch {
	case err == io.EOF:
		b.once.Do(b.done)
	case err != nil:
		err = b.t.attemptErr(b.outer, b.ctx, err)
	}
	return n, err
}

func (b *attemptBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.done)
	return err
}
