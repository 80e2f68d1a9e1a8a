// Package flex reads Twilio Flex v1: the account's Flex configuration,
// which names the services, TaskRouter workspace and other resources of a
// Flex contact centre, on top of the shared HTTP layer in internal/twilio.
// It knows nothing of Terraform.
package flex

import (
	"context"
	"errors"
	"net/url"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

const (
	// DefaultBaseURL is Twilio's global Flex endpoint.
	DefaultBaseURL = "https://flex-api.twilio.com"
	// HostLabel is Flex's label in Twilio's host names (flex-api.{edge}.{region}.twilio.com).
	HostLabel = "flex-api"
	// MaxPageSize is the largest page Flex's lists return.
	MaxPageSize = 1000
)

// Client reads Flex v1 resources through a Twilio client configured for
// Flex's host.
type Client struct {
	api *twilio.Client
}

// New wraps a Twilio client whose base URL is a Flex endpoint.
func New(api *twilio.Client) *Client { return &Client{api: api} }

// FetchConfiguration gets the account's Flex configuration, pinned to
// uiVersion (Twilio's UiVersion) unless it is empty.
func (c *Client) FetchConfiguration(ctx context.Context, uiVersion string) (*Configuration, error) {
	var query url.Values
	if uiVersion != "" {
		query = url.Values{"UiVersion": {uiVersion}}
	}
	var conf Configuration
	if err := c.api.GetWithQuery(ctx, &conf, query, "v1", "Configuration"); err != nil {
		return nil, err
	}
	return &conf, nil
}

// NotConfigured reports whether err is Twilio's answer for an account that
// has no Flex configuration: 404, or 403 with an error of the 2000x
// permission family (20003 permission denied, 20006 access denied), which
// flex-api gives accounts where Flex was never set up. Credentials Twilio
// does not know get 401 and are not this.
func NotConfigured(err error) bool {
	var apiErr *twilio.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	return apiErr.StatusCode == 404 || (apiErr.StatusCode == 403 && noFlexCodes[apiErr.Code])
}

var noFlexCodes = map[int]bool{20003: true, 20006: true}

// FetchFlexFlow gets one Flex Flow by SID.
func (c *Client) FetchFlexFlow(ctx context.Context, sid string) (*FlexFlow, error) {
	return twilio.Fetch[FlexFlow](ctx, c.api, "v1", "FlexFlows", sid)
}

// ListFlexFlows reads every Flex Flow of the account.
func (c *Client) ListFlexFlows(ctx context.Context) ([]FlexFlow, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[FlexFlow]{
		Segments: []string{"v1", "FlexFlows"}, Key: "flex_flows", PageSize: MaxPageSize, Sid: func(f *FlexFlow) *string { return f.Sid },
	})
}
