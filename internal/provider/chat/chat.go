// Package chat is the data sources of Twilio Programmable Chat v2: users,
// services and roles, on the models and reads it shares with Conversations
// (chatbase).
package chat

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// endpoint names Chat's client and its attribute of the provider's
// endpoints block.
const endpoint = "chat"

// Product is Chat v2, as the provider lists it.
var Product = framework.Product{
	Endpoint:   endpoint,
	HostLabel:  chatapi.HostLabel,
	Env:        "TWILIO_CHAT_ENDPOINT",
	DefaultURL: chatapi.DefaultBaseURL,
	DataSources: []func() datasource.DataSource{
		NewUserDataSource, NewUsersDataSource, NewServiceDataSource, NewRoleDataSource, NewRolesDataSource,
	},
}

const title = "Twilio Chat API"

func client(c *framework.Conn) *chatapi.Client { return chatapi.New(c.Client(endpoint)) }

// How Chat reads each of its types, for the singular and plural data
// sources alike.

var users = &framework.Objects[chatapi.User]{
	API: title, Resource: "chat user", Noun: "user", Plural: "users",
	SidPrefix: sid.User, NameField: "identity",
	Name: func(u *chatapi.User) *string { return u.Identity },
	Sid:  func(u *chatapi.User) *string { return u.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, serviceSid, id string) (*chatapi.User, error) {
		return client(c).FetchUser(ctx, serviceSid, id)
	},
	List: func(ctx context.Context, c *framework.Conn, serviceSid string) ([]chatapi.User, error) {
		return client(c).ListUsers(ctx, serviceSid)
	},
}

var roles = &framework.Objects[chatapi.Role]{
	API: title, Resource: "chat role", Noun: "role", Plural: "roles",
	SidPrefix: sid.Role, NameField: "friendly_name",
	Name: func(r *chatapi.Role) *string { return r.FriendlyName },
	Sid:  func(r *chatapi.Role) *string { return r.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, serviceSid, roleSid string) (*chatapi.Role, error) {
		return client(c).FetchRole(ctx, serviceSid, roleSid)
	},
	List: func(ctx context.Context, c *framework.Conn, serviceSid string) ([]chatapi.Role, error) {
		return client(c).ListRoles(ctx, serviceSid)
	},
	Kind: &framework.Kind[chatapi.Role]{
		Attr: "type", Values: []string{"channel", "deployment"},
		Doc: "`channel` roles apply within a channel, `deployment` roles to the whole service",
		Of:  func(r *chatapi.Role) *string { return r.Type },
	},
	ScopeOf: func(r *chatapi.Role) *string { return r.ServiceSid },
}

var services = &framework.Objects[chatapi.Service]{
	API: title, Resource: "chat service", Noun: "service", Plural: "services",
	SidPrefix: sid.Service, NameField: "friendly_name",
	Name: func(s *chatapi.Service) *string { return s.FriendlyName },
	Sid:  func(s *chatapi.Service) *string { return s.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, _, serviceSid string) (*chatapi.Service, error) {
		return client(c).FetchService(ctx, serviceSid)
	},
	List: func(ctx context.Context, c *framework.Conn, _ string) ([]chatapi.Service, error) {
		return client(c).ListServices(ctx)
	},
}

// scope is where Chat's users and roles live: a service, always named.
var scope = chatbase.ChatService
