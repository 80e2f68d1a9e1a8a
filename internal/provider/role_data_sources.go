package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

var (
	_ datasource.DataSourceWithConfigValidators = (*chatRoleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*conversationsRoleDataSource)(nil)
)

// twilio_chat_role

var chatRoles = roleReads[chat.Role]{
	byName: byName[chat.Role]{
		reads: reads[chat.Role]{
			product: chatTitle, resource: "chat role",
			fetch: func(ctx context.Context, c readClients, serviceSid, roleSid string) (*chat.Role, error) {
				return c.chat.FetchRole(ctx, serviceSid, roleSid)
			},
			list: func(ctx context.Context, c readClients, serviceSid string) ([]chat.Role, error) {
				return c.chat.ListRoles(ctx, serviceSid)
			},
			sid: func(r *chat.Role) *string { return r.Sid },
		},
		plural: "roles",
		name:   func(r *chat.Role) *string { return r.FriendlyName },
		typ:    func(r *chat.Role) *string { return r.Type },
		types:  []string{"channel", "deployment"},
	},
	serviceAttr: "service_sid",
	typesDoc:    "`channel` roles apply within a channel, `deployment` roles to the whole service",
	service:     func(r *chat.Role) *string { return r.ServiceSid },
	flatten:     flattenRole,
}

type chatRoleDataSource struct {
	dataSourceBase
}

type chatRoleModel struct {
	ServiceSid types.String `tfsdk:"service_sid"`
	roleFields
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// NewChatRoleDataSource is the factory of twilio_chat_role.
func NewChatRoleDataSource() datasource.DataSource {
	return &chatRoleDataSource{dataSourceBase{name: "chat_role"}}
}

func (d *chatRoleDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = chatRoles.schema(ctx, "Looks up one role of a Twilio Programmable Chat service (Chat v2 API) by SID, or by name (and type) among the service's roles, "+
		"so that its SID can be wired where a `role_sid` is expected. Attributes that Twilio returns as `null` are null here too.")
}

func (d *chatRoleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return sidOrNameValidators()
}

func (d *chatRoleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m chatRoleModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r readClients) diag.Diagnostics {
		return chatRoles.readRole(ctx, r, &m.ServiceSid, &m.roleFields)
	})
}

// twilio_conversations_role

var conversationsRoles = roleReads[conversations.Role]{
	byName: byName[conversations.Role]{
		reads: reads[conversations.Role]{
			product: conversationsTitle, resource: "conversations role",
			fetch: func(ctx context.Context, c readClients, serviceSid, roleSid string) (*conversations.Role, error) {
				return c.conversations.FetchRole(ctx, serviceSid, roleSid)
			},
			list: func(ctx context.Context, c readClients, serviceSid string) ([]conversations.Role, error) {
				return c.conversations.ListRoles(ctx, serviceSid)
			},
			sid: func(r *conversations.Role) *string { return r.Sid },
		},
		plural: "roles",
		name:   func(r *conversations.Role) *string { return r.FriendlyName },
		typ:    func(r *conversations.Role) *string { return r.Type },
		types:  []string{"conversation", "service"},
	},
	serviceAttr:  "chat_service_sid",
	defaultScope: true,
	typesDoc:     "`conversation` roles apply within a conversation, `service` roles to the whole service",
	service:      func(r *conversations.Role) *string { return r.ServiceSid },
	flatten: func(r *conversations.Role, m *roleFields) diag.Diagnostics {
		return flattenRole((*chat.Role)(r), m)
	},
}

type conversationsRoleDataSource struct {
	dataSourceBase
}

type conversationsRoleModel struct {
	ChatServiceSid types.String `tfsdk:"chat_service_sid"`
	roleFields
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// NewConversationsRoleDataSource is the factory of twilio_conversations_role.
func NewConversationsRoleDataSource() datasource.DataSource {
	return &conversationsRoleDataSource{dataSourceBase{name: "conversations_role"}}
}

func (d *conversationsRoleDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = conversationsRoles.schema(ctx, "Looks up one role of a Twilio Conversations service (Conversations v1 API) by SID, or by name (and type) among the service's roles, "+
		"on a given service or on the account's default Conversations service, so that its SID can be wired where a `role_sid` is expected. "+
		"Attributes that Twilio returns as `null` are null here too.")
}

func (d *conversationsRoleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return sidOrNameValidators()
}

func (d *conversationsRoleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m conversationsRoleModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r readClients) diag.Diagnostics {
		return conversationsRoles.readRole(ctx, r, &m.ChatServiceSid, &m.roleFields)
	})
}
