// Package conversations is the data sources of Twilio Conversations v1,
// Programmable Chat's successor on the same services, users and roles
// (shared with Chat in chatbase), and the Conversations configurations.
package conversations

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
	conversationsapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

// endpoint names Conversations' client and its attribute of the
// provider's endpoints block.
const endpoint = "conversations"

// Product is Conversations v1, as the provider lists it.
var Product = framework.Product{
	Endpoint:   endpoint,
	HostLabel:  conversationsapi.HostLabel,
	Env:        "TWILIO_CONVERSATIONS_ENDPOINT",
	DefaultURL: conversationsapi.DefaultBaseURL,
	DataSources: []func() datasource.DataSource{
		NewUserDataSource, NewUsersDataSource, NewServiceDataSource, NewRoleDataSource, NewRolesDataSource,
		NewServiceConfigurationDataSource, NewConfigurationDataSource,
	},
}

const title = "Twilio Conversations API"

func client(c *framework.Conn) *conversationsapi.Client {
	return conversationsapi.New(c.Client(endpoint))
}

// How Conversations reads each of its types, for the singular and plural
// data sources alike. A scope of "" is the account's default service.

var users = &framework.Objects[conversationsapi.User]{
	API: title, Resource: "conversations user", Noun: "user", Plural: "users",
	SidPrefix: sid.User, NameField: "identity",
	Name: func(u *conversationsapi.User) *string { return u.Identity },
	Sid:  func(u *conversationsapi.User) *string { return u.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, serviceSid, id string) (*conversationsapi.User, error) {
		return client(c).FetchUser(ctx, serviceSid, id)
	},
	List: func(ctx context.Context, c *framework.Conn, serviceSid string) ([]conversationsapi.User, error) {
		return client(c).ListUsers(ctx, serviceSid)
	},
	ScopeOf: func(u *conversationsapi.User) *string { return u.ChatServiceSid },
}

var roles = &framework.Objects[conversationsapi.Role]{
	API: title, Resource: "conversations role", Noun: "role", Plural: "roles",
	SidPrefix: sid.Role, NameField: "friendly_name",
	Name: func(r *conversationsapi.Role) *string { return r.FriendlyName },
	Sid:  func(r *conversationsapi.Role) *string { return r.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, serviceSid, roleSid string) (*conversationsapi.Role, error) {
		return client(c).FetchRole(ctx, serviceSid, roleSid)
	},
	List: func(ctx context.Context, c *framework.Conn, serviceSid string) ([]conversationsapi.Role, error) {
		return client(c).ListRoles(ctx, serviceSid)
	},
	Kind: &framework.Kind[conversationsapi.Role]{
		Attr: "type", Values: []string{"conversation", "service"},
		Doc: "`conversation` roles apply within a conversation, `service` roles to the whole service",
		Of:  func(r *conversationsapi.Role) *string { return r.Type },
	},
	ScopeOf: func(r *conversationsapi.Role) *string { return r.ServiceSid },
}

var services = &framework.Objects[conversationsapi.Service]{
	API: title, Resource: "conversations service", Noun: "service", Plural: "services",
	SidPrefix: sid.Service, NameField: "friendly_name",
	Name: func(s *conversationsapi.Service) *string { return s.FriendlyName },
	Sid:  func(s *conversationsapi.Service) *string { return s.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, _, serviceSid string) (*conversationsapi.Service, error) {
		return client(c).FetchService(ctx, serviceSid)
	},
	List: func(ctx context.Context, c *framework.Conn, _ string) ([]conversationsapi.Service, error) {
		return client(c).ListServices(ctx)
	},
}

// scope is where Conversations' users and roles live: a service, or the
// account's default service when left out.
var scope = chatbase.ConversationsService
