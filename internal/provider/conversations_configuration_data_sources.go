package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

var (
	_ datasource.DataSourceWithConfigure = (*conversationsServiceConfigurationDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*conversationsConfigurationDataSource)(nil)
)

// twilio_conversations_service_configuration

type conversationsServiceConfigurationDataSource struct {
	dataSourceBase
}

// NewConversationsServiceConfigurationDataSource is the factory of
// twilio_conversations_service_configuration.
func NewConversationsServiceConfigurationDataSource() datasource.DataSource {
	return &conversationsServiceConfigurationDataSource{dataSourceBase{name: "conversations_service_configuration"}}
}

type conversationsServiceConfigurationModel struct {
	ChatServiceSid                    types.String   `tfsdk:"chat_service_sid"`
	DefaultChatServiceRoleSid         types.String   `tfsdk:"default_chat_service_role_sid"`
	DefaultConversationRoleSid        types.String   `tfsdk:"default_conversation_role_sid"`
	DefaultConversationCreatorRoleSid types.String   `tfsdk:"default_conversation_creator_role_sid"`
	ReachabilityEnabled               types.Bool     `tfsdk:"reachability_enabled"`
	URL                               types.String   `tfsdk:"url"`
	Links                             types.Map      `tfsdk:"links"`
	Timeouts                          timeouts.Value `tfsdk:"timeouts"`
}

func (d *conversationsServiceConfigurationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the Conversations configuration of one service (Conversations v1 API): the roles Twilio gives to new users, " +
			"to conversation participants and to conversation creators, and whether the reachability indicator is on.",
		Attributes: map[string]schema.Attribute{
			"chat_service_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the Conversations service (`IS` followed by 32 hex digits).",
				Required:            true,
				Validators:          []validator.String{sidValidator(sid.Service)},
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

func (d *conversationsServiceConfigurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m conversationsServiceConfigurationModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r readClients) diag.Diagnostics {
		serviceSid := m.ChatServiceSid.ValueString()
		conf, err := r.conversations.FetchServiceConfiguration(ctx, serviceSid)
		if err != nil {
			return r.errorDiagnostics(readSubject{product: conversationsTitle, resource: "conversations service configuration", key: "of service " + serviceSid}, err)
		}
		return flattenConversationsServiceConfiguration(conf, &m)
	})
}

// flattenConversationsServiceConfiguration keeps every null null;
// chat_service_sid stays as configured.
func flattenConversationsServiceConfiguration(c *conversations.ServiceConfiguration, m *conversationsServiceConfigurationModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.DefaultChatServiceRoleSid = types.StringPointerValue(c.DefaultChatServiceRoleSid)
	m.DefaultConversationRoleSid = types.StringPointerValue(c.DefaultConversationRoleSid)
	m.DefaultConversationCreatorRoleSid = types.StringPointerValue(c.DefaultConversationCreatorRoleSid)
	m.ReachabilityEnabled = types.BoolPointerValue(c.ReachabilityEnabled)
	m.URL = types.StringPointerValue(c.URL)
	m.Links = flattenLinks(c.Links, &diags)
	return diags
}

// twilio_conversations_configuration

type conversationsConfigurationDataSource struct {
	dataSourceBase
}

// NewConversationsConfigurationDataSource is the factory of
// twilio_conversations_configuration.
func NewConversationsConfigurationDataSource() datasource.DataSource {
	return &conversationsConfigurationDataSource{dataSourceBase{name: "conversations_configuration"}}
}

type conversationsConfigurationModel struct {
	AccountSid                 types.String   `tfsdk:"account_sid"`
	DefaultChatServiceSid      types.String   `tfsdk:"default_chat_service_sid"`
	DefaultMessagingServiceSid types.String   `tfsdk:"default_messaging_service_sid"`
	DefaultInactiveTimer       types.String   `tfsdk:"default_inactive_timer"`
	DefaultClosedTimer         types.String   `tfsdk:"default_closed_timer"`
	URL                        types.String   `tfsdk:"url"`
	Links                      types.Map      `tfsdk:"links"`
	Timeouts                   timeouts.Value `tfsdk:"timeouts"`
}

func (d *conversationsConfigurationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the account's Conversations configuration (Conversations v1 API), above all `default_chat_service_sid`: " +
			"the default Conversations service, which Flex and the Conversations API use when no service is named.",
		Attributes: map[string]schema.Attribute{
			"account_sid":                   schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Account the configuration belongs to."},
			"default_chat_service_sid":      schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the default Conversations service (`IS...`)."},
			"default_messaging_service_sid": schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the default Messaging Service (`MG...`) conversations use."},
			"default_inactive_timer":        schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 8601 duration after which a conversation without activity becomes `inactive`, as returned (e.g. `PT1M`); null when unset."},
			"default_closed_timer":          schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 8601 duration after which a conversation without activity is `closed`, as returned (e.g. `PT10M`); null when unset."},
			"url":                           schema.StringAttribute{Computed: true, MarkdownDescription: "Absolute URL of the configuration resource."},
			"links":                         schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "URLs of related resources keyed by Twilio's link names, such as `service` and `webhooks`."},
			"timeouts":                      timeouts.Attributes(ctx),
		},
	}
}

func (d *conversationsConfigurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m conversationsConfigurationModel
	d.read(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, r readClients) diag.Diagnostics {
		conf, err := r.conversations.FetchConfiguration(ctx)
		if err != nil {
			return r.errorDiagnostics(readSubject{product: conversationsTitle, resource: "conversations configuration", key: "of the account"}, err)
		}
		return flattenConversationsConfiguration(conf, &m)
	})
}

// flattenConversationsConfiguration keeps every null null.
func flattenConversationsConfiguration(c *conversations.Configuration, m *conversationsConfigurationModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.AccountSid = types.StringPointerValue(c.AccountSid)
	m.DefaultChatServiceSid = types.StringPointerValue(c.DefaultChatServiceSid)
	m.DefaultMessagingServiceSid = types.StringPointerValue(c.DefaultMessagingServiceSid)
	m.DefaultInactiveTimer = types.StringPointerValue(c.DefaultInactiveTimer)
	m.DefaultClosedTimer = types.StringPointerValue(c.DefaultClosedTimer)
	m.URL = types.StringPointerValue(c.URL)
	m.Links = flattenLinks(c.Links, &diags)
	return diags
}
