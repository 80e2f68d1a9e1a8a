package framework

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

// Subject is what a read was after, as its errors name it.
type Subject struct {
	// API is the Twilio API read, as errors title it: "Twilio Chat API".
	API string
	// Resource is what the data source reads, e.g. "chat user".
	Resource string
	// Key says which one, starting with its preposition: `with identity
	// "jing" in service IS…`, `of service IS…`.
	Key string
	// NotFound, when set, decides which errors mean the resource does not
	// exist, for APIs that say so otherwise than Twilio's usual 404 (and
	// 403 "Service instance not found"); Absent then opens the detail.
	NotFound func(error) bool
	Absent   string
}

func (t Subject) String() string { return "the " + t.Resource + " " + t.Key }

// isNotFound says whether err means the resource does not exist: the
// subject's own rule when it has one, else Twilio's usual one.
func (t Subject) isNotFound(err error) bool {
	if t.NotFound != nil {
		return t.NotFound(err)
	}
	var apiErr *twilio.APIError
	return errors.As(err, &apiErr) && apiErr.IsNotFound()
}

// Error turns a client error into the diagnostic of a read of t.
func (c *Conn) Error(t Subject, err error) diag.Diagnostics {
	summary, detail := describeReadError(err, t, c.credentials, c.readTimeout)
	var diags diag.Diagnostics
	diags.AddError(summary, detail)
	return diags
}

// describeReadError turns a client error into a diagnostic summary a user
// can search for and a detail saying what happened and what to do.
func describeReadError(err error, t Subject, credentials string, readTimeout time.Duration) (string, string) {
	var apiErr *twilio.APIError
	var decodeErr *twilio.DecodeError
	var tooLarge *twilio.BodyTooLargeError
	var transportErr *twilio.TransportError
	var foreign *twilio.ForeignPageError
	var loop *twilio.PageLoopError
	switch {
	case t.isNotFound(err):
		if t.NotFound != nil {
			return t.Resource + " not found", fmt.Sprintf("%s: %v.", t.Absent, err)
		}
		return t.Resource + " not found", fmt.Sprintf("No %s %s: %v.", t.Resource, t.Key, err)
	case errors.As(err, &apiErr) && apiErr.IsAuth():
		return "Twilio authentication failed", fmt.Sprintf("Twilio refused the credentials %s while reading %s: %v. "+
			"Check the credentials and that they belong to the account that owns the service.", credentials, t, err)
	case errors.As(err, &apiErr) && apiErr.StatusCode == 429, errors.As(err, new(*twilio.HoldError)):
		return "Twilio rate limit exceeded", fmt.Sprintf("Reading %s: %v. The account's concurrency is shared with its other traffic: lower max_concurrent_requests to leave it more room, or raise max_retries.", t, err)
	case errors.As(err, &apiErr):
		return t.API + " error", fmt.Sprintf("Reading %s: %v.", t, err)
	case errors.As(err, &decodeErr):
		return "Unexpected response from Twilio", fmt.Sprintf("Reading %s: %s. A proxy between Terraform and Twilio may have answered instead of Twilio.",
			t, pagePrefix(err)+fmt.Sprintf("HTTP %d with a body that is not a %s (Content-Type %q): %v; body starts: %q",
				decodeErr.StatusCode, t.Resource, decodeErr.ContentType, decodeErr.Err, decodeErr.Excerpt))
	case errors.As(err, &tooLarge):
		return "Unexpected response from Twilio", fmt.Sprintf("Reading %s: %v. The cap is far above Twilio's largest answers (a page of objects, a Studio flow with a definition of a few megabytes): a body this large is not likely Twilio's answer.", t, err)
	case errors.As(err, &foreign):
		return "Twilio's next_page_url points elsewhere", fmt.Sprintf("Reading %s: %v.", t, err)
	case errors.As(err, &loop):
		return "Twilio's list pages loop", fmt.Sprintf("Reading %s: %v.", t, err)
	case errors.Is(err, context.DeadlineExceeded):
		return "Timed out reading " + t.Resource, fmt.Sprintf("Reading %s did not finish within the read timeout of %s, retries included%s. "+
			"Raise timeouts.read in the data source if Twilio is slow.", t, readTimeout, pagesRead(err))
	case errors.Is(err, context.Canceled):
		return "Read cancelled", fmt.Sprintf("Reading %s was cancelled%s.", t, pagesRead(err))
	case errors.As(err, &transportErr):
		return "Cannot reach Twilio", fmt.Sprintf("Reading %s: %v.", t, err)
	default:
		return "Cannot read " + t.Resource, fmt.Sprintf("Reading %s: %v.", t, err)
	}
}

// pagePrefix names the page of a list on which err happened, if it did.
func pagePrefix(err error) string {
	var listErr *twilio.ListError
	if errors.As(err, &listErr) {
		return fmt.Sprintf("page %d of the list (%d read before it): ", listErr.Page, listErr.Page-1)
	}
	return ""
}

// pagesRead says how far a list got before err stopped it.
func pagesRead(err error) string {
	var listErr *twilio.ListError
	if errors.As(err, &listErr) {
		return fmt.Sprintf(" (%d pages of the list read, page %d unfinished)", listErr.Page-1, listErr.Page)
	}
	return ""
}
