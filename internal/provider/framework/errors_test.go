package framework

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

func TestDescribeReadError(t *testing.T) {
	target := Subject{API: "Twilio Chat API", Resource: "chat user", Key: `with identity "jing" in service IS1`}
	credentials := "account_sid/auth_token (account AC1)"
	for _, tc := range []struct {
		err                 error
		summary, detailPart string
	}{
		{&twilio.APIError{StatusCode: 404, Code: 20404, Message: "The requested resource was not found", MoreInfo: "https://www.twilio.com/docs/errors/20404"},
			"chat user not found", `No chat user with identity "jing" in service IS1: HTTP 404, Twilio error 20404: The requested resource was not found; more info: https://www.twilio.com/docs/errors/20404.`},
		{&twilio.APIError{StatusCode: 403, Code: 20403, Message: "Service instance not found"}, "chat user not found", "Twilio error 20403: Service instance not found"},
		{&twilio.APIError{StatusCode: 401, Code: 20003, Message: "Authenticate"}, "Twilio authentication failed", "refused the credentials account_sid/auth_token (account AC1) while reading the chat user with identity"},
		{&twilio.APIError{StatusCode: 403, Code: 20003, Message: "Forbidden"}, "Twilio authentication failed", "account_sid/auth_token (account AC1)"},
		{&twilio.TransportError{Attempts: 1, Err: &twilio.HoldError{Host: "chat.twilio.com", Wait: time.Minute}}, "Twilio rate limit exceeded",
			"Twilio asked (Retry-After, on another request to chat.twilio.com) to wait 1m0s before the next request, longer than what remains of the read's timeout"},
		{&twilio.APIError{StatusCode: 429, Code: 20429, Message: "Too Many Requests", Attempts: 5}, "Twilio rate limit exceeded", "gave up after 5 attempts. The account's concurrency is shared with its other traffic: lower max_concurrent_requests to leave it more room, or raise max_retries."},
		{&twilio.APIError{StatusCode: 500, Code: 20500, Message: "Internal Server Error", Attempts: 4}, "Twilio Chat API error", "Reading the chat user with identity \"jing\" in service IS1: HTTP 500, Twilio error 20500: Internal Server Error"},
		{&twilio.DecodeError{StatusCode: 200, ContentType: "text/html", Excerpt: "<html>", Err: errors.New("expected a JSON object, got HTML or XML")},
			"Unexpected response from Twilio", `HTTP 200 with a body that is not a chat user (Content-Type "text/html"): expected a JSON object, got HTML or XML; body starts: "<html>"`},
		{&twilio.ListError{Page: 2, Err: &twilio.DecodeError{StatusCode: 200, Excerpt: "<", Err: errors.New("bad")}},
			"Unexpected response from Twilio", `page 2 of the list (1 read before it): HTTP 200 with a body that is not a chat user`},
		{&twilio.BodyTooLargeError{Limit: 10}, "Unexpected response from Twilio", "exceeds the 10 byte limit"},
		{&twilio.ListError{Page: 2, Err: &twilio.ForeignPageError{URL: "https://evil.example.com/x?Page=1", Reason: "names host evil.example.com"}},
			"Twilio's next_page_url points elsewhere", `"https://evil.example.com/x?Page=1" names host evil.example.com`},
		{&twilio.ListError{Page: 3, Err: &twilio.PageLoopError{URL: "https://chat.twilio.com/x?Page=1"}}, "Twilio's list pages loop", "repeats a page already read"},
		{context.DeadlineExceeded, "Timed out reading chat user", "within the read timeout of 3s, retries included. Raise timeouts.read"},
		{&twilio.ListError{Page: 3, Err: context.DeadlineExceeded}, "Timed out reading chat user", "within the read timeout of 3s, retries included (2 pages of the list read, page 3 unfinished)"},
		{context.Canceled, "Read cancelled", "Reading the chat user with identity \"jing\" in service IS1 was cancelled."},
		{&twilio.TransportError{Attempts: 3, Err: errors.New("connection refused")}, "Cannot reach Twilio", "connection refused (gave up after 3 attempts)"},
		{errors.New("a path segment (sid or identity) is empty"), "Cannot read chat user", "Reading the chat user with identity \"jing\" in service IS1: a path segment (sid or identity) is empty."},
	} {
		summary, detail := describeReadError(tc.err, target, credentials, 3*time.Second)
		if summary != tc.summary || !strings.Contains(detail, tc.detailPart) {
			t.Errorf("describeReadError(%v) = %q, %q; want %q containing %q", tc.err, summary, detail, tc.summary, tc.detailPart)
		}
	}
}
