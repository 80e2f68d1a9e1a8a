package chat

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

var errDotSegment = errors.New(`"." and ".." cannot be looked up: they would change the meaning of the URL path`)

// UserURL builds the fetch URL for a user. The Sid segment may be an
// identity, so each segment is path-escaped on its own: an identity holding
// "/", "?", "#" or "%" stays one segment and reaches Twilio unchanged.
func UserURL(base *url.URL, serviceSid, sidOrIdentity string) (*url.URL, error) {
	if sidOrIdentity == "" {
		return nil, errors.New("the user sid or identity is empty")
	}
	if sidOrIdentity == "." || sidOrIdentity == ".." {
		return nil, errDotSegment
	}
	u := *base
	u.Path = base.Path + "/v2/Services/" + serviceSid + "/Users/" + sidOrIdentity
	u.RawPath = base.EscapedPath() + "/v2/Services/" + url.PathEscape(serviceSid) + "/Users/" + url.PathEscape(sidOrIdentity)
	u.RawQuery = ""
	u.Fragment = ""
	return &u, nil
}

// FetchUser gets one user by SID or identity. Failures come back as
// *APIError, *DecodeError, *BodyTooLargeError, *TransportError, or the
// context's error when the caller gave up.
func (c *Client) FetchUser(ctx context.Context, serviceSid, sidOrIdentity string) (*User, error) {
	attempts := 0
	ctx = context.WithValue(ctx, attemptsKey{}, &attempts)
	httpReq, err := c.newUserRequest(ctx, serviceSid, sidOrIdentity)
	if err != nil {
		return nil, err
	}
	req, err := retryablehttp.FromRequest(httpReq)
	if err != nil {
		return nil, err
	}
	// Reading the body inside the retry loop makes a connection reset
	// mid-body a retryable failure like any other transport error.
	var body []byte
	req.SetResponseHandler(func(resp *http.Response) error {
		var readErr error
		body, readErr = c.readBody(resp)
		return readErr
	})

	resp, err := c.retry.Do(req)
	if resp != nil && resp.Body != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, unanswered(err, attempts)
	}
	if body == nil {
		// The response handler only runs on answers that end the retry loop
		// normally; a retryable status that exhausted its retries is read here.
		if body, err = c.readBody(resp); err != nil {
			return nil, unanswered(err, attempts)
		}
	}
	c.logger(ctx, "Twilio Chat API response", map[string]any{
		"status":     resp.StatusCode,
		"attempts":   attempts,
		"request_id": resp.Header.Get("Twilio-Request-Id"),
	})

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, newAPIError(resp, body, attempts)
	}
	user, err := DecodeUser(body)
	if err != nil {
		return nil, &DecodeError{
			StatusCode:  resp.StatusCode,
			ContentType: resp.Header.Get("Content-Type"),
			Excerpt:     excerpt(body),
			Err:         err,
		}
	}
	return user, nil
}

// unanswered classifies a request that got no usable answer: a body over the
// cap keeps its own type, anything else is a transport failure.
func unanswered(err error, attempts int) error {
	var tooLarge *BodyTooLargeError
	if errors.As(err, &tooLarge) {
		return tooLarge
	}
	return &TransportError{Attempts: attempts, Err: err}
}

func (c *Client) newUserRequest(ctx context.Context, serviceSid, sidOrIdentity string) (*http.Request, error) {
	u, err := UserURL(c.base, serviceSid, sidOrIdentity)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base.String(), nil)
	if err != nil {
		return nil, err
	}
	req.URL = u
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	req.SetBasicAuth(c.username, c.password)
	return req, nil
}

func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("reading the response body: %w", err)
	}
	if int64(len(data)) > c.maxBody {
		return nil, &BodyTooLargeError{Limit: c.maxBody}
	}
	return data, nil
}

type twilioErrorBody struct {
	Code     int    `json:"code"`
	Message  string `json:"message"`
	MoreInfo string `json:"more_info"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
}

func newAPIError(resp *http.Response, body []byte, attempts int) *APIError {
	apiErr := &APIError{
		StatusCode: resp.StatusCode,
		RequestID:  resp.Header.Get("Twilio-Request-Id"),
		Attempts:   attempts,
	}
	if wait, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
		apiErr.RetryAfter = wait
	}
	var tw twilioErrorBody
	if trimmed := bytes.TrimSpace(body); len(trimmed) > 0 && trimmed[0] == '{' && json.Unmarshal(trimmed, &tw) == nil && (tw.Code != 0 || tw.Message != "") {
		apiErr.Code, apiErr.Message, apiErr.MoreInfo, apiErr.Detail = tw.Code, tw.Message, tw.MoreInfo, tw.Detail
		return apiErr
	}
	if loc := resp.Header.Get("Location"); resp.StatusCode >= 300 && resp.StatusCode < 400 && loc != "" {
		apiErr.Message = "redirect to " + loc + " not followed"
	}
	apiErr.Excerpt = excerpt(body)
	return apiErr
}
