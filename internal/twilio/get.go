package twilio

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

var errDotSegment = errors.New(`"." and ".." cannot be looked up: they would change the meaning of the URL path`)

// resourcePath joins segments into an API path, each escaped on its own:
// an identity holding "/", "?", "#" or "%" stays one segment and reaches
// Twilio unchanged. "+", which url.PathEscape leaves, is sent as %2B too:
// servers that decode "+" in a path as a space would look up another user.
// It returns the decoded and the escaped form.
func resourcePath(segments []string) (string, string, error) {
	var plain, escaped strings.Builder
	for _, s := range segments {
		switch s {
		case "":
			return "", "", errors.New("a path segment (sid or identity) is empty")
		case ".", "..":
			return "", "", errDotSegment
		}
		plain.WriteString("/" + s)
		escaped.WriteString("/" + strings.ReplaceAll(url.PathEscape(s), "+", "%2B"))
	}
	return plain.String(), escaped.String(), nil
}

// requestURL is the configured base URL with path (decoded and escaped
// forms) and query appended.
func (c *Client) requestURL(plainPath, escapedPath, rawQuery string) *url.URL {
	u := *c.base
	u.Path = c.base.Path + plainPath
	u.RawPath = c.base.EscapedPath() + escapedPath
	u.RawQuery = rawQuery
	u.Fragment = ""
	return &u
}

// Get fetches the resource at the path made of segments and decodes its JSON
// object into out, which may hold defaults for fields the answer omits.
// Failures come back as *APIError, *DecodeError, *BodyTooLargeError,
// *TransportError, or the context's error when the caller gave up.
func (c *Client) Get(ctx context.Context, out any, segments ...string) error {
	return c.GetWithQuery(ctx, out, nil, segments...)
}

// Fetch gets one object of type T at the path segments make, as Get.
func Fetch[T any](ctx context.Context, c *Client, segments ...string) (*T, error) {
	var v T
	if err := c.Get(ctx, &v, segments...); err != nil {
		return nil, err
	}
	return &v, nil
}

// GetWithQuery is Get with query parameters (nil or empty for none), such
// as Flex's UiVersion.
func (c *Client) GetWithQuery(ctx context.Context, out any, query url.Values, segments ...string) error {
	plain, escaped, err := resourcePath(segments)
	if err != nil {
		return err
	}
	return c.getURL(ctx, c.requestURL(plain, escaped, query.Encode()), func(body []byte) error { return DecodeObject(body, out) })
}

// getURL sends one GET (with its retries) and hands a 2xx body to decode.
func (c *Client) getURL(ctx context.Context, u *url.URL, decode func([]byte) error) error {
	resp, body, err := c.do(ctx, u)
	if err != nil {
		return err
	}
	if err := decode(body); err != nil {
		return &DecodeError{
			StatusCode:  resp.StatusCode,
			ContentType: resp.Header.Get("Content-Type"),
			Excerpt:     excerpt(body),
			Err:         err,
		}
	}
	return nil
}

// do sends a GET with retries and returns the final answer, a 2xx, with its
// body; any other answer is an *APIError.
func (c *Client) do(ctx context.Context, u *url.URL) (*http.Response, []byte, error) {
	httpReq, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base.String(), nil)
	if err != nil {
		return nil, nil, err
	}
	httpReq.URL = u
	httpReq.Header.Set("Accept", "application/json")
	httpReq.Header.Set("User-Agent", c.userAgent)
	httpReq.SetBasicAuth(c.username, c.password)
	req, err := retryablehttp.FromRequest(httpReq)
	if err != nil {
		return nil, nil, err
	}
	// Reading the body inside the retry loop makes a connection reset
	// mid-body a retryable failure like any other transport error.
	var body []byte
	req.SetResponseHandler(func(resp *http.Response) error {
		var readErr error
		body, readErr = c.readBody(resp)
		return readErr
	})

	policy := &retryPolicy{retryMax: c.retryMax, waitMin: c.waitMin, waitMax: c.waitMax}
	resp, err := c.retryClient(ctx, policy).Do(req)
	if resp != nil && resp.Body != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, nil, ctxErr
		}
		return nil, nil, unanswered(err, policy.tries)
	}
	if body == nil {
		// The response handler only runs on answers that end the retry loop
		// normally; a retryable status that exhausted its retries is read here.
		if body, err = c.readBody(resp); err != nil {
			return nil, nil, unanswered(err, policy.tries)
		}
	}

	c.logger(ctx, "Twilio API response", map[string]any{
		"api":        c.api,
		"status":     resp.StatusCode,
		"attempts":   policy.attempts,
		"request_id": resp.Header.Get("Twilio-Request-Id"),
	})
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, nil, newAPIError(resp, body, policy.tries)
	}
	return resp, body, nil
}

// unanswered classifies a request that got no usable answer: a body over the
// cap keeps its own type, anything else is a transport failure.
func unanswered(err error, t tries) error {
	var tooLarge *BodyTooLargeError
	if errors.As(err, &tooLarge) {
		return tooLarge
	}
	return &TransportError{Attempts: t.attempts, Err: err, StoppedAtDeadline: t.stoppedAtDeadline}
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

// DecodeObject parses a body that must be one JSON object into out. Fields
// absent from the body keep the values out already had.
func DecodeObject(body []byte, out any) error {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return fmt.Errorf("expected a JSON object, got %s", describeStart(trimmed))
	}
	return json.Unmarshal(trimmed, out)
}

func describeStart(b []byte) string {
	switch {
	case len(b) == 0:
		return "an empty body"
	case b[0] == '[':
		return "a JSON array"
	case b[0] == '<':
		return "HTML or XML"
	default:
		return "something else"
	}
}

type twilioErrorBody struct {
	Code     int    `json:"code"`
	Message  string `json:"message"`
	MoreInfo string `json:"more_info"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
}

func newAPIError(resp *http.Response, body []byte, t tries) *APIError {
	apiErr := &APIError{
		StatusCode:        resp.StatusCode,
		RequestID:         resp.Header.Get("Twilio-Request-Id"),
		Attempts:          t.attempts,
		StoppedAtDeadline: t.stoppedAtDeadline,
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
