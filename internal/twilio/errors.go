package twilio

import (
	"fmt"
	"strings"
	"time"
)

// APIError is a non-2xx answer from the API, with Twilio's error JSON decoded
// when the body held one.
type APIError struct {
	StatusCode int
	Code       int
	Message    string
	MoreInfo   string
	Detail     string
	RequestID  string
	// Excerpt is the start of the body, kept when it was not Twilio's error
	// JSON (a proxy's HTML page, for instance).
	Excerpt  string
	Attempts int
	// RetryAfter is how long the server asked the client to wait, if it did.
	RetryAfter time.Duration
	// StoppedAtDeadline is set when the next retry would have ended after
	// the read's deadline, so this answer ended the read.
	StoppedAtDeadline bool
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP %d", e.StatusCode)
	if e.Code != 0 {
		fmt.Fprintf(&b, ", Twilio error %d", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, " (%s)", e.Detail)
	}
	if e.MoreInfo != "" {
		fmt.Fprintf(&b, "; more info: %s", e.MoreInfo)
	}
	if e.Excerpt != "" {
		fmt.Fprintf(&b, "; body starts: %q", e.Excerpt)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, "; Twilio-Request-Id %s", e.RequestID)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, "; gave up after %d attempts", e.Attempts)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, "; Twilio asked to retry after %s", e.RetryAfter)
	}
	if e.StoppedAtDeadline {
		b.WriteString("; " + stoppedAtDeadline)
	}
	return b.String()
}

// IsNotFound reports whether the API said the resource or its service does not
// exist. Twilio answers an unknown service with 403 "Service instance not
// found" rather than 404.
func (e *APIError) IsNotFound() bool {
	return e.StatusCode == 404 ||
		(e.StatusCode == 403 && strings.Contains(strings.ToLower(e.Message), "service instance not found"))
}

// IsAuth reports whether the credentials were refused.
func (e *APIError) IsAuth() bool {
	return (e.StatusCode == 401 || e.StatusCode == 403) && !e.IsNotFound()
}

// DecodeError is a 2xx answer whose body is not the JSON expected.
type DecodeError struct {
	StatusCode  int
	ContentType string
	Excerpt     string
	Err         error
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("HTTP %d with a body that is not the JSON expected (Content-Type %q): %v; body starts: %q",
		e.StatusCode, e.ContentType, e.Err, e.Excerpt)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// BodyTooLargeError is a response larger than the client's cap; it is never
// retried, since the same request would bring the same body.
type BodyTooLargeError struct {
	Limit int64
}

func (e *BodyTooLargeError) Error() string {
	return fmt.Sprintf("response body exceeds the %d byte limit", e.Limit)
}

// TransportError is a request that never got a complete answer (connection
// refused or reset, per-attempt timeout), after all retries.
type TransportError struct {
	Attempts int
	Err      error
	// StoppedAtDeadline is as for APIError.
	StoppedAtDeadline bool
}

// stoppedAtDeadline says why a retryable failure was not retried.
const stoppedAtDeadline = "not retried again: the next attempt would have started after the read's timeout"

func (e *TransportError) Error() string {
	msg := e.Err.Error()
	if e.Attempts > 1 {
		msg = fmt.Sprintf("%s (gave up after %d attempts)", msg, e.Attempts)
	}
	if e.StoppedAtDeadline {
		msg += "; " + stoppedAtDeadline
	}
	return msg
}

func (e *TransportError) Unwrap() error { return e.Err }

const excerptLen = 200

// excerpt returns the start of a body as valid UTF-8, short enough for a
// diagnostic.
func excerpt(body []byte) string {
	if len(body) > excerptLen {
		body = body[:excerptLen]
	}
	return strings.TrimSpace(strings.ToValidUTF8(string(body), "\uFFFD"))
}
