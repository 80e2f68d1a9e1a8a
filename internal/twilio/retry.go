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
// any other 4xx, nor a body that was too large, nor anything after the
// caller's context is done.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	var tooLarge *BodyTooLargeError
	if errors.As(err, &tooLarge) {
		return false, err
	}
	// Waiting longer than the caller's deadline allows would only end in a
	// timeout; failing now reports the server's answer instead.
	if deadline, ok := ctx.Deadline(); ok && resp != nil {
		if wait, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok && time.Now().Add(wait).After(deadline) {
			return false, nil
		}
	}
	return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
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
