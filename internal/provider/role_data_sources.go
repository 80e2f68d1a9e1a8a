package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/conversations"
)

var (
	_ datasource.DataSourceWithConfigValidators = (*chatRoleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*conversationsRoleDataSource)(nil)
)

// twilio_chat_role

var chatRoles = roleAPI{
	api: chatAPI, resource: "chat role", serviceAttr: "service_sid",
	types: []string{"channel", "deployment"}, typesDoc: "`channel` roles apply within a channel, `deployment` roles to the whole service",
	fetch: func(ctx context.Context, r reading, serviceSid, roleSid string) (*roleView, error) {
		role, err := r.chat.FetchRole(ctx, serviceSid, roleSid)
		if err != nil {
			return nil, err
		}
		v := viewChatRole(*role)
		return &v, nil
	},
	list: func(ctx context.Context, r reading, serviceSid string) ([]roleView, error) {
		roles, err := r.chat.ListRoles(ctx, serviceSid)
		return viewAll(roles, viewChatRole), err
	},
}

func viewChatRole(r chat.Role) roleView {
	return roleView{Sid: r.Sid, AccountSid: r.AccountSid, ServiceSid: r.ServiceSid, FriendlyName: r.FriendlyName, Type: r.Type,
		Permissions: r.Permissions, DateCreated: r.DateCreated, DateUpdated: r.DateUpdated, URL: r.URL}
}

type chatRoleDataSource struct {
	dataSourceBase
}

type chatRoleModel struct {
	ServiceSid types.String `tfsdk:"service_sid"`
	roleFields
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
	return roleConfigValidators()
}

func (d *chatRoleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m chatRoleModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r reading) diag.Diagnostics {
		return chatRoles.readRole(ctx, r, &m.ServiceSid, &m.roleFields)
	})
}

// twilio_conversations_role

var conversationsRoles = roleAPI{
	api: conversationsAPI, resource: "conversations role", serviceAttr: "chat_service_sid", defaultScope: true,
	types: []string{"conversation", "service"}, typesDoc: "`conversation` roles apply within a conversation, `service` roles to the whole service",
	fetch: func(ctx context.Context, r reading, serviceSid, roleSid string) (*roleView, error) {
		role, err := r.conversations.FetchRole(ctx, serviceSid, roleSid)
		if err != nil {
			return nil, err
		}
		v := viewConversationsRole(*role)
		return &v, nil
	},
	list: func(ctx context.Context, r reading, serviceSid string) ([]roleView, error) {
		roles, err := r.conversations.ListRoles(ctx, serviceSid)
		return viewAll(roles, viewConversationsRole), err
	},
}

func viewConversationsRole(r conversations.Role) roleView {
	return roleView{Sid: r.Sid, AccountSid: r.AccountSid, ServiceSid: r.ChatServiceSid, FriendlyName: r.FriendlyName, Type: r.Type,
		Permissions: r.Permissions, DateCreated: r.DateCreated, DateUpdated: r.DateUpdated, URL: r.URL}
}

type conversationsRoleDataSource struct {
	dataSourceBase
}

type conversationsRoleModel struct {
	ChatServiceSid types.String `tfsdk:"chat_service_sid"`
	roleFields
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
	return roleConfigValidators()
}

func (d *conversationsRoleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m conversationsRoleModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r reading) diag.Diagnostics {
		return conversationsRoles.readRole(ctx, r, &m.ChatServiceSid, &m.roleFields)
	})
}

// viewAll views every role of a list; nil stays nil.
func viewAll[R any](roles []R, view func(R) roleView) []roleView {
	if roles == nil {
		return nil
	}
	out := make([]roleView, len(roles))
	for i, r := range roles {
		out[i] = view(r)
	}
	return out
}
