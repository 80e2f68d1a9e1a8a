// Package conversations reads Twilio Conversations v1, Programmable Chat's
// successor on the same services, users and roles: its paths and types on
// top of the shared HTTP layer in internal/twilio. It knows nothing of
// Terraform.
package conversations

import (
	"context"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

const (
	// DefaultBaseURL is Twilio's global Conversations endpoint.
	DefaultBaseURL = "https://conversations.twilio.com"
	// HostLabel is Conversations' label in Twilio's host names.
	HostLabel = "conversations"
	// MaxPageSize is the largest page Conversations v1's lists of users
	// and roles return.
	MaxPageSize = 50
	// ServicesPageSize is the largest page of its list of services.
	ServicesPageSize = 100
)

// Client reads Conversations v1 resources through a Twilio client
// configured for the Conversations host.
type Client struct {
	api *twilio.Client
}

// New wraps a Twilio client whose base URL is a Conversations endpoint.
func New(api *twilio.Client) *Client { return &Client{api: api} }

// scoped is the path of a collection of a service, or of the account's
// default Conversations service when serviceSid is empty.
func scoped(serviceSid string, collection ...string) []string {
	if serviceSid == "" {
		return append([]string{"v1"}, collection...)
	}
	return append([]string{"v1", "Services", serviceSid}, collection...)
}

// FetchUser gets one user by SID or identity, of serviceSid or, when it is
// empty, of the account's default Conversations service.
func (c *Client) FetchUser(ctx context.Context, serviceSid, sidOrIdentity string) (*User, error) {
	var u User
	if err := c.api.Get(ctx, &u, scoped(serviceSid, "Users", sidOrIdentity)...); err != nil {
		return nil, err
	}
	return &u, nil
}

// ListUsers reads every user of serviceSid (or of the default service).
func (c *Client) ListUsers(ctx context.Context, serviceSid string) ([]User, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[User]{
		Segments: scoped(serviceSid, "Users"), Key: "users", PageSize: MaxPageSize,
		Sid: func(u *User) *string { return u.Sid },
	})
}

// FetchRole gets one role by SID, of serviceSid or of the default service.
func (c *Client) FetchRole(ctx context.Context, serviceSid, roleSid string) (*Role, error) {
	var r Role
	if err := c.api.Get(ctx, &r, scoped(serviceSid, "Roles", roleSid)...); err != nil {
		return nil, err
	}
	return &r, nil
}

// ListRoles reads every role of serviceSid (or of the default service).
func (c *Client) ListRoles(ctx context.Context, serviceSid string) ([]Role, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[Role]{
		Segments: scoped(serviceSid, "Roles"), Key: "roles", PageSize: MaxPageSize,
		Sid: func(r *Role) *string { return r.Sid },
	})
}

// FetchServiceConfiguration gets a service's Conversations configuration.
func (c *Client) FetchServiceConfiguration(ctx context.Context, serviceSid string) (*ServiceConfiguration, error) {
	var sc ServiceConfiguration
	if err := c.api.Get(ctx, &sc, "v1", "Services", serviceSid, "Configuration"); err != nil {
		return nil, err
	}
	return &sc, nil
}

// FetchConfiguration gets the account's Conversations configuration.
func (c *Client) FetchConfiguration(ctx context.Context) (*Configuration, error) {
	var conf Configuration
	if err := c.api.Get(ctx, &conf, "v1", "Configuration"); err != nil {
		return nil, err
	}
	return &conf, nil
}

// FetchService gets one service by SID.
func (c *Client) FetchService(ctx context.Context, serviceSid string) (*Service, error) {
	var sv Service
	if err := c.api.Get(ctx, &sv, "v1", "Services", serviceSid); err != nil {
		return nil, err
	}
	return &sv, nil
}

// ListServices reads every Conversations service of the account.
func (c *Client) ListServices(ctx context.Context) ([]Service, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[Service]{
		Segments: []string{"v1", "Services"}, Key: "services", PageSize: ServicesPageSize,
		Sid: func(s *Service) *string { return s.Sid },
	})
}
