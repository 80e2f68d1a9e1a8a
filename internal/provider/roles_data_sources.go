package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSourceWithConfigure = (*chatRolesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*conversationsRolesDataSource)(nil)
)

// twilio_chat_roles

type chatRolesDataSource struct {
	dataSourceBase
}

type chatRolesModel struct {
	ServiceSid types.String      `tfsdk:"service_sid"`
	Type       types.String      `tfsdk:"type"`
	Roles      []chatRoleElement `tfsdk:"roles"`
	Timeouts   timeouts.Value    `tfsdk:"timeouts"`
}

type chatRoleElement struct {
	ServiceSid types.String `tfsdk:"service_sid"`
	roleFields
}

// NewChatRolesDataSource is the factory of twilio_chat_roles.
func NewChatRolesDataSource() datasource.DataSource {
	return &chatRolesDataSource{dataSourceBase{name: "chat_roles", readTimeout: pluralReadTimeout}}
}

func (d *chatRolesDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = chatRoles.listSchema(chatServiceSidArgument(), d.timeoutsAttribute(ctx),
		"Reads every role of a Twilio Programmable Chat service (Chat v2 API), or those of one `type`, a page of 100 per request. "+
			"Each role has every attribute of `twilio_chat_role`, nulls included.")
}

func (d *chatRolesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m chatRolesModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, c readClients) diag.Diagnostics {
		var diags diag.Diagnostics
		m.Roles, diags = readRoles(ctx, c, chatRoles, m.ServiceSid.ValueString(), m.Type.ValueString(),
			func(e *chatRoleElement, service types.String) *roleFields {
				e.ServiceSid = service
				return &e.roleFields
			})
		return diags
	})
}

// twilio_conversations_roles

type conversationsRolesDataSource struct {
	dataSourceBase
}

type conversationsRolesModel struct {
	ChatServiceSid types.String               `tfsdk:"chat_service_sid"`
	Type           types.String               `tfsdk:"type"`
	Roles          []conversationsRoleElement `tfsdk:"roles"`
	Timeouts       timeouts.Value             `tfsdk:"timeouts"`
}

type conversationsRoleElement struct {
	ChatServiceSid types.String `tfsdk:"chat_service_sid"`
	roleFields
}

// NewConversationsRolesDataSource is the factory of twilio_conversations_roles.
func NewConversationsRolesDataSource() datasource.DataSource {
	return &conversationsRolesDataSource{dataSourceBase{name: "conversations_roles", readTimeout: pluralReadTimeout}}
}

func (d *conversationsRolesDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = conversationsRoles.listSchema(optionalListServiceArgument("roles", "role"), d.timeoutsAttribute(ctx),
		"Reads every role of a Twilio Conversations service (Conversations v1 API), or those of one `type`, a page of 50 per request, "+
			"on a given service or on the account's default Conversations service. Each role has every attribute of `twilio_conversations_role`, nulls included.")
}

func (d *conversationsRolesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m conversationsRolesModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, c readClients) diag.Diagnostics {
		var diags diag.Diagnostics
		m.Roles, diags = readRoles(ctx, c, conversationsRoles, m.ChatServiceSid.ValueString(), m.Type.ValueString(),
			func(e *conversationsRoleElement, service types.String) *roleFields {
				e.ChatServiceSid = service
				return &e.roleFields
			})
		return diags
	})
}
