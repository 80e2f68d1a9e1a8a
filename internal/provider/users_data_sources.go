package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

var (
	_ datasource.DataSourceWithConfigure = (*chatUsersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*conversationsUsersDataSource)(nil)
)

// twilio_chat_users

var chatUsers = userReads[chat.User]{
	reads: reads[chat.User]{
		product: chatTitle, resource: "chat user",
		fetch: func(ctx context.Context, r readClients, serviceSid, identity string) (*chat.User, error) {
			return r.chat.FetchUser(ctx, serviceSid, identity)
		},
		list: func(ctx context.Context, r readClients, serviceSid string) ([]chat.User, error) {
			return r.chat.ListUsers(ctx, serviceSid)
		},
		sid: func(u *chat.User) *string { return u.Sid },
	},
	pageSize: chat.MaxPageSize,
	identity: func(u *chat.User) *string { return u.Identity },
}

type chatUsersDataSource struct {
	dataSourceBase
}

type chatUsersModel struct {
	ServiceSid        types.String   `tfsdk:"service_sid"`
	Identities        types.Set      `tfsdk:"identities"`
	AllowMissing      types.Bool     `tfsdk:"allow_missing"`
	Users             types.List     `tfsdk:"users"`
	MissingIdentities types.Set      `tfsdk:"missing_identities"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// NewChatUsersDataSource is the factory of twilio_chat_users.
func NewChatUsersDataSource() datasource.DataSource {
	return &chatUsersDataSource{dataSourceBase{name: "chat_users", readTimeout: pluralReadTimeout}}
}

func (d *chatUsersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads many users of a Twilio Programmable Chat service (Chat v2 API) in few requests: every user, a page of 100 per request, " +
			"or the users with the given `identities` (up to 100 are fetched one by one, as many at a time as the provider's `max_concurrent_requests` allows; more are found in the paged list). " +
			"Each user has every attribute of `twilio_chat_user`, nulls included.",
		Attributes: map[string]schema.Attribute{
			"service_sid":        chatServiceSidArgument(),
			"identities":         identitiesArgument(),
			"allow_missing":      allowMissingArgument(),
			"users":              usersAttribute(computedUserAttributes(chatUserAttributes(), "service_sid")),
			"missing_identities": missingIdentitiesAttribute(),
			"timeouts":           d.timeoutsAttribute(ctx),
		},
	}
}

func (d *chatUsersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m chatUsersModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r readClients) diag.Diagnostics {
		var diags diag.Diagnostics
		m.AllowMissing = orFalse(m.AllowMissing)
		m.Users, m.MissingIdentities, diags = usersList(ctx, r, chatUsers, m.ServiceSid.ValueString(), m.Identities, m.AllowMissing.ValueBool(),
			resp.State.Schema, func(f *chatUserFields) { f.ServiceSid = m.ServiceSid }, flattenChatUser)
		return diags
	})
}

// twilio_conversations_users

var conversationsUsers = userReads[conversations.User]{
	reads: reads[conversations.User]{
		product: conversationsTitle, resource: "conversations user",
		fetch: func(ctx context.Context, r readClients, serviceSid, identity string) (*conversations.User, error) {
			return r.conversations.FetchUser(ctx, serviceSid, identity)
		},
		list: func(ctx context.Context, r readClients, serviceSid string) ([]conversations.User, error) {
			return r.conversations.ListUsers(ctx, serviceSid)
		},
		sid: func(u *conversations.User) *string { return u.Sid },
	},
	pageSize: conversations.MaxPageSize,
	identity: func(u *conversations.User) *string { return u.Identity },
}

type conversationsUsersDataSource struct {
	dataSourceBase
}

type conversationsUsersModel struct {
	ChatServiceSid    types.String   `tfsdk:"chat_service_sid"`
	Identities        types.Set      `tfsdk:"identities"`
	AllowMissing      types.Bool     `tfsdk:"allow_missing"`
	Users             types.List     `tfsdk:"users"`
	MissingIdentities types.Set      `tfsdk:"missing_identities"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// NewConversationsUsersDataSource is the factory of twilio_conversations_users.
func NewConversationsUsersDataSource() datasource.DataSource {
	return &conversationsUsersDataSource{dataSourceBase{name: "conversations_users", readTimeout: pluralReadTimeout}}
}

func (d *conversationsUsersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads many users of a Twilio Conversations service (Conversations v1 API) in few requests: every user, a page of 50 per request, " +
			"or the users with the given `identities` (up to 50 are fetched one by one, as many at a time as the provider's `max_concurrent_requests` allows; more are found in the paged list). " +
			"Each user has every attribute of `twilio_conversations_user`, nulls included.",
		Attributes: map[string]schema.Attribute{
			"chat_service_sid":   optionalListServiceArgument("users", "user"),
			"identities":         identitiesArgument(),
			"allow_missing":      allowMissingArgument(),
			"users":              usersAttribute(computedUserAttributes(conversationsUserAttributes(), "chat_service_sid")),
			"missing_identities": missingIdentitiesAttribute(),
			"timeouts":           d.timeoutsAttribute(ctx),
		},
	}
}

func (d *conversationsUsersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m conversationsUsersModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r readClients) diag.Diagnostics {
		var diags diag.Diagnostics
		// chat_service_sid is each user's own, from Twilio's answer.
		m.AllowMissing = orFalse(m.AllowMissing)
		m.Users, m.MissingIdentities, diags = usersList(ctx, r, conversationsUsers, m.ChatServiceSid.ValueString(), m.Identities, m.AllowMissing.ValueBool(),
			resp.State.Schema, func(*conversationsUserFields) {}, flattenConversationsUser)
		return diags
	})
}
