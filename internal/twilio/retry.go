package twilio

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// checkRetry retries 429, 5xx other than 501, and transport failures; never
// any other 4xx, nor a body that was too large, nor a Retry-After hold past
// the deadline, nor anything after the caller's context is done.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	var tooLarge *BodyTooLargeError
	var held *HoldError
	if errors.As(err, &tooLarge) || errors.As(err, &held) {
		return false, err
	}
	return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
}

// retryPolicy is one request's retry decisions. It draws the wait before the
// next attempt when it decides to retry, so that a wait that would end after
// the caller's deadline stops the retries at once: the last answer (its
// status, Twilio's code and message) is then the error, not "timed out".
type retryPolicy struct {
	tries
	retryMax         int
	waitMin, waitMax time.Duration
	wait             time.Duration
}

// tries is how a request's retries went, for its error.
type tries struct {
	// attempts is the number of the attempt under way (from 1), kept by the
	// retry loop's request hook.
	attempts int
	// stoppedAtDeadline is set when the deadline, not max_retries, ended
	// the retries.
	stoppedAtDeadline bool
}

func (p *retryPolicy) check(ctx context.Context, resp *http.Response, err error) (bool, error) {
	retry, checkErr := checkRetry(ctx, resp, err)
	if !retry || checkErr != nil {
		return retry, checkErr
	}
	p.wait = backoff(p.waitMin, p.waitMax, max(p.attempts-1, 0), resp)
	if deadline, ok := ctx.Deadline(); ok && time.Now().Add(p.wait).After(deadline) {
		p.stoppedAtDeadline = p.attempts <= p.retryMax
		return false, nil
	}
	return true, nil
}

func (p *retryPolicy) backoff(time.Duration, time.Duration, int, *http.Response) time.Duration {
	return p.wait
}

// backoff waits what the server asked for in Retry-After (on any status),
// otherwise an exponential delay with full jitter so that parallel reads that
// failed together do not retry together.
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if wait, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return wait
		}
	}
	ceiling := minWait << min(attempt, 30)
	if ceiling <= 0 || ceiling > maxWait {
		ceiling = maxWait
	}
	return minWait/2 + rand.N(ceiling-minWait/2+1)
}

// maxRetryAfterSeconds keeps an absurd Retry-After from overflowing; the
// caller's context ends such a wait long before anyway.
const maxRetryAfterSeconds = 24 * 60 * 60

// retryAfter parses Retry-After as delay-seconds or an HTTP date.
func retryAfter(value string, now time.Time) (time.Duration, bool) {
	if value == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(min(secs, maxRetryAfterSeconds)) * time.Second, true
	}
	if at, err := http.ParseTime(value); err == nil {
		if wait := at.Sub(now); wait > 0 {
			return wait, true
		}
		return 0, true
	}
	return 0, false
}
