package conversations

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	conversationsapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

var _ datasource.DataSourceWithConfigure = (*configurationDataSource)(nil)

// twilio_conversations_configuration

type configurationDataSource struct {
	framework.Base
}

// NewConfigurationDataSource is the factory of
// twilio_conversations_configuration.
func NewConfigurationDataSource() datasource.DataSource {
	return &configurationDataSource{framework.Base{Name: "conversations_configuration"}}
}

type configurationModel struct {
	AccountSid                 types.String   `tfsdk:"account_sid"`
	DefaultChatServiceSid      types.String   `tfsdk:"default_chat_service_sid"`
	DefaultMessagingServiceSid types.String   `tfsdk:"default_messaging_service_sid"`
	DefaultInactiveTimer       types.String   `tfsdk:"default_inactive_timer"`
	DefaultClosedTimer         types.String   `tfsdk:"default_closed_timer"`
	URL                        types.String   `tfsdk:"url"`
	Links                      types.Map      `tfsdk:"links"`
	Timeouts                   timeouts.Value `tfsdk:"timeouts"`
}

func (d *configurationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
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

func (d *configurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m configurationModel
	d.Fill(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, c *framework.Conn) diag.Diagnostics {
		conf, err := client(c).FetchConfiguration(ctx)
		if err != nil {
			return c.Error(framework.Subject{API: title, Resource: "conversations configuration", Key: "of the account"}, err)
		}
		return flattenConfiguration(conf, &m)
	})
}

// flattenConfiguration keeps every null null.
func flattenConfiguration(c *conversationsapi.Configuration, m *configurationModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.AccountSid = types.StringPointerValue(c.AccountSid)
	m.DefaultChatServiceSid = types.StringPointerValue(c.DefaultChatServiceSid)
	m.DefaultMessagingServiceSid = types.StringPointerValue(c.DefaultMessagingServiceSid)
	m.DefaultInactiveTimer = types.StringPointerValue(c.DefaultInactiveTimer)
	m.DefaultClosedTimer = types.StringPointerValue(c.DefaultClosedTimer)
	m.URL = types.StringPointerValue(c.URL)
	m.Links = framework.FlattenLinks(c.Links, &diags)
	return diags
}
