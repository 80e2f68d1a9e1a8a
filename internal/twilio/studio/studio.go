// Package studio reads Twilio Studio v2 flows, on top of the shared HTTP
// layer in internal/twilio. It knows nothing of Terraform.
package studio

import (
	"context"
	"encoding/json"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

const (
	// DefaultBaseURL is Twilio's global Studio endpoint.
	DefaultBaseURL = "https://studio.twilio.com"
	// HostLabel is Studio's label in Twilio's host names.
	HostLabel = "studio"
	// MaxPageSize is the largest page Studio's lists return.
	MaxPageSize = 1000
)

// Client reads Studio v2 resources through a Twilio client configured for
// Studio's host.
type Client struct {
	api *twilio.Client
}

// New wraps a Twilio client whose base URL is a Studio endpoint.
func New(api *twilio.Client) *Client { return &Client{api: api} }

// FetchFlow gets one flow by SID, with its definition.
func (c *Client) FetchFlow(ctx context.Context, sid string) (*Flow, error) {
	return twilio.Fetch[Flow](ctx, c.api, "v2", "Flows", sid)
}

// ListFlows reads every flow of the account. Twilio's list leaves the
// definitions out: fetch a flow for its definition.
func (c *Client) ListFlows(ctx context.Context) ([]Flow, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[Flow]{
		Segments: []string{"v2", "Flows"}, Key: "flows", PageSize: MaxPageSize, Sid: func(f *Flow) *string { return f.Sid },
	})
}

// Flow is studio.v2.flow. Definition, Errors and Warnings are the JSON
// Twilio sent (the spec leaves them untyped); Revision is 0 when Twilio
// leaves it out, the spec's default.
type Flow struct {
	Sid           *string            `json:"sid"`
	AccountSid    *string            `json:"account_sid"`
	FriendlyName  *string            `json:"friendly_name"`
	Definition    json.RawMessage    `json:"definition"`
	Status        *string            `json:"status"`
	Revision      *int64             `json:"revision"`
	CommitMessage *string            `json:"commit_message"`
	Valid         *bool              `json:"valid"`
	Errors        json.RawMessage    `json:"errors"`
	Warnings      json.RawMessage    `json:"warnings"`
	DateCreated   *string            `json:"date_created"`
	DateUpdated   *string            `json:"date_updated"`
	WebhookURL    *string            `json:"webhook_url"`
	URL           *string            `json:"url"`
	Links         map[string]*string `json:"links"`
}

// UnmarshalJSON applies the spec's default to the revision Twilio leaves
// out.
func (f *Flow) UnmarshalJSON(b []byte) error {
	type plain Flow
	zero := int64(0)
	*f = Flow{Revision: &zero}
	return json.Unmarshal(b, (*plain)(f))
}
