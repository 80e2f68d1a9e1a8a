package conversations

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
	conversationsapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

var _ datasource.DataSourceWithConfigure = (*serviceConfigurationDataSource)(nil)

// twilio_conversations_service_configuration

type serviceConfigurationDataSource struct {
	framework.Base
}

// NewServiceConfigurationDataSource is the factory of
// twilio_conversations_service_configuration.
func NewServiceConfigurationDataSource() datasource.DataSource {
	return &serviceConfigurationDataSource{framework.Base{Name: "conversations_service_configuration"}}
}

type serviceConfigurationModel struct {
	ChatServiceSid                    types.String   `tfsdk:"chat_service_sid"`
	DefaultChatServiceRoleSid         types.String   `tfsdk:"default_chat_service_role_sid"`
	DefaultConversationRoleSid        types.String   `tfsdk:"default_conversation_role_sid"`
	DefaultConversationCreatorRoleSid types.String   `tfsdk:"default_conversation_creator_role_sid"`
	ReachabilityEnabled               types.Bool     `tfsdk:"reachability_enabled"`
	URL                               types.String   `tfsdk:"url"`
	Links                             types.Map      `tfsdk:"links"`
	Timeouts                          timeouts.Value `tfsdk:"timeouts"`
}

func (d *serviceConfigurationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the Conversations configuration of one service (Conversations v1 API): the roles Twilio gives to new users, " +
			"to conversation participants and to conversation creators, and whether the reachability indicator is on.",
		Attributes: map[string]schema.Attribute{
			"chat_service_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the Conversations service (`IS` followed by 32 hex digits).",
				Required:            true,
				Validators:          []validator.String{framework.SidValidator(sid.Service)},
			},
			"default_chat_service_role_sid":         schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the service role (`RL...`) Twilio assigns to a user when it joins the service."},
			"default_conversation_role_sid":         schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the conversation role (`RL...`) Twilio assigns to a participant when they join a conversation."},
			"default_conversation_creator_role_sid": schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the conversation role (`RL...`) Twilio assigns to the creator of a conversation."},
			"reachability_enabled":                  schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the reachability indicator is on: when it is off, users' `is_online` and `is_notifiable` are null."},
			"url":                                   schema.StringAttribute{Computed: true, MarkdownDescription: "Absolute URL of the configuration resource."},
			"links":                                 schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "URLs of related resources keyed by Twilio's link names, such as `notifications` and `webhooks`."},
			"timeouts":                              timeouts.Attributes(ctx),
		},
	}
}

func (d *serviceConfigurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m serviceConfigurationModel
	d.Fill(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, c *framework.Conn) diag.Diagnostics {
		serviceSid := m.ChatServiceSid.ValueString()
		conf, err := client(c).FetchServiceConfiguration(ctx, serviceSid)
		if err != nil {
			return c.Error(framework.Subject{API: title, Resource: "conversations service configuration", Key: "of service " + serviceSid}, err)
		}
		return flattenServiceConfiguration(conf, &m)
	})
}

// flattenServiceConfiguration keeps every null null;
// chat_service_sid stays as configured.
func flattenServiceConfiguration(c *conversationsapi.ServiceConfiguration, m *serviceConfigurationModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.DefaultChatServiceRoleSid = types.StringPointerValue(c.DefaultChatServiceRoleSid)
	m.DefaultConversationRoleSid = types.StringPointerValue(c.DefaultConversationRoleSid)
	m.DefaultConversationCreatorRoleSid = types.StringPointerValue(c.DefaultConversationCreatorRoleSid)
	m.ReachabilityEnabled = types.BoolPointerValue(c.ReachabilityEnabled)
	m.URL = types.StringPointerValue(c.URL)
	m.Links = framework.FlattenLinks(c.Links, &diags)
	return diags
}
