// Package chat reads Twilio Programmable Chat v2: its paths and types on top
// of the shared HTTP layer in internal/twilio. It knows nothing of Terraform.
package chat

import (
	"context"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

const (
	// DefaultBaseURL is Twilio's global Chat endpoint.
	DefaultBaseURL = "https://chat.twilio.com"
	// HostLabel is Chat's label in Twilio's host names (chat.{edge}.{region}.twilio.com).
	HostLabel = "chat"
	// MaxPageSize is the largest page Chat v2's lists return.
	MaxPageSize = 100
)

// Client reads Chat v2 resources through a Twilio client configured for
// Chat's host.
type Client struct {
	api *twilio.Client
}

// New wraps a Twilio client whose base URL is a Chat endpoint.
func New(api *twilio.Client) *Client { return &Client{api: api} }

// FetchUser gets one user of a service by SID or identity.
func (c *Client) FetchUser(ctx context.Context, serviceSid, sidOrIdentity string) (*User, error) {
	var u User
	if err := c.api.Get(ctx, &u, "v2", "Services", serviceSid, "Users", sidOrIdentity); err != nil {
		return nil, err
	}
	return &u, nil
}

// ListUsers reads every user of a service, a page of MaxPageSize at a time.
func (c *Client) ListUsers(ctx context.Context, serviceSid string) ([]User, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[User]{
		Segments: []string{"v2", "Services", serviceSid, "Users"},
		Key:      "users", PageSize: MaxPageSize, Sid: func(u *User) *string { return u.Sid },
	})
}

// FetchRole gets one role of a service by SID.
func (c *Client) FetchRole(ctx context.Context, serviceSid, roleSid string) (*Role, error) {
	var r Role
	if err := c.api.Get(ctx, &r, "v2", "Services", serviceSid, "Roles", roleSid); err != nil {
		return nil, err
	}
	return &r, nil
}

// ListRoles reads every role of a service.
func (c *Client) ListRoles(ctx context.Context, serviceSid string) ([]Role, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[Role]{
		Segments: []string{"v2", "Services", serviceSid, "Roles"},
		Key:      "roles", PageSize: MaxPageSize, Sid: func(r *Role) *string { return r.Sid },
	})
}

// FetchService gets one service by SID.
func (c *Client) FetchService(ctx context.Context, serviceSid string) (*Service, error) {
	var sv Service
	if err := c.api.Get(ctx, &sv, "v2", "Services", serviceSid); err != nil {
		return nil, err
	}
	return &sv, nil
}

// ListServices reads every service of the account.
func (c *Client) ListServices(ctx context.Context) ([]Service, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[Service]{
		Segments: []string{"v2", "Services"},
		Key:      "services", PageSize: MaxPageSize, Sid: func(s *Service) *string { return s.Sid },
	})
}
