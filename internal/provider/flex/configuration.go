package flex

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	flexapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/flex"
)

// configurationSubject names the read for its errors. Twilio answers an
// account without Flex with 404 or a 403 permission error (NotConfigured).
var configurationSubject = framework.Subject{API: title, Resource: "flex configuration", Key: "of the account",
	NotFound: flexapi.NotConfigured, Absent: "The account has no Flex configuration: Flex was never set up on it, or these credentials may not read it"}

var _ datasource.DataSourceWithConfigure = (*configurationDataSource)(nil)

type configurationDataSource struct {
	framework.Base
}

// NewConfigurationDataSource is the factory of twilio_flex_configuration.
func NewConfigurationDataSource() datasource.DataSource {
	return &configurationDataSource{framework.Base{Name: "flex_configuration"}}
}

// configurationModel is flex.v1.configuration, field by field, and the
// data source's timeouts.
type configurationModel struct {
	AccountSid                   types.String         `tfsdk:"account_sid"`
	DateCreated                  timetypes.RFC3339    `tfsdk:"date_created"`
	DateUpdated                  timetypes.RFC3339    `tfsdk:"date_updated"`
	Attributes                   jsontypes.Normalized `tfsdk:"attributes"`
	Status                       types.String         `tfsdk:"status"`
	TaskrouterWorkspaceSid       types.String         `tfsdk:"taskrouter_workspace_sid"`
	TaskrouterTargetWorkflowSid  types.String         `tfsdk:"taskrouter_target_workflow_sid"`
	TaskrouterTargetTaskqueueSid types.String         `tfsdk:"taskrouter_target_taskqueue_sid"`
	TaskrouterTaskqueues         jsontypes.Normalized `tfsdk:"taskrouter_taskqueues"`
	TaskrouterSkills             jsontypes.Normalized `tfsdk:"taskrouter_skills"`
	TaskrouterWorkerChannels     jsontypes.Normalized `tfsdk:"taskrouter_worker_channels"`
	TaskrouterWorkerAttributes   jsontypes.Normalized `tfsdk:"taskrouter_worker_attributes"`
	TaskrouterOfflineActivitySid types.String         `tfsdk:"taskrouter_offline_activity_sid"`
	RuntimeDomain                types.String         `tfsdk:"runtime_domain"`
	MessagingServiceInstanceSid  types.String         `tfsdk:"messaging_service_instance_sid"`
	ChatServiceInstanceSid       types.String         `tfsdk:"chat_service_instance_sid"`
	FlexServiceInstanceSid       types.String         `tfsdk:"flex_service_instance_sid"`
	FlexInstanceSid              types.String         `tfsdk:"flex_instance_sid"`
	UILanguage                   types.String         `tfsdk:"ui_language"`
	UIAttributes                 jsontypes.Normalized `tfsdk:"ui_attributes"`
	UIDependencies               jsontypes.Normalized `tfsdk:"ui_dependencies"`
	UIVersion                    types.String         `tfsdk:"ui_version"`
	ServiceVersion               types.String         `tfsdk:"service_version"`
	CallRecordingEnabled         types.Bool           `tfsdk:"call_recording_enabled"`
	CallRecordingWebhookURL      types.String         `tfsdk:"call_recording_webhook_url"`
	CrmEnabled                   types.Bool           `tfsdk:"crm_enabled"`
	CrmType                      types.String         `tfsdk:"crm_type"`
	CrmCallbackURL               types.String         `tfsdk:"crm_callback_url"`
	CrmFallbackURL               types.String         `tfsdk:"crm_fallback_url"`
	CrmAttributes                jsontypes.Normalized `tfsdk:"crm_attributes"`
	PublicAttributes             jsontypes.Normalized `tfsdk:"public_attributes"`
	PluginServiceEnabled         types.Bool           `tfsdk:"plugin_service_enabled"`
	PluginServiceAttributes      jsontypes.Normalized `tfsdk:"plugin_service_attributes"`
	Integrations                 jsontypes.Normalized `tfsdk:"integrations"`
	OutboundCallFlows            jsontypes.Normalized `tfsdk:"outbound_call_flows"`
	ServerlessServiceSids        types.List           `tfsdk:"serverless_service_sids"`
	QueueStatsConfiguration      jsontypes.Normalized `tfsdk:"queue_stats_configuration"`
	Notifications                jsontypes.Normalized `tfsdk:"notifications"`
	Markdown                     jsontypes.Normalized `tfsdk:"markdown"`
	URL                          types.String         `tfsdk:"url"`
	FlexInsightsHr               jsontypes.Normalized `tfsdk:"flex_insights_hr"`
	FlexInsightsDrilldown        types.Bool           `tfsdk:"flex_insights_drilldown"`
	FlexURL                      types.String         `tfsdk:"flex_url"`
	ChannelConfigs               jsontypes.Normalized `tfsdk:"channel_configs"`
	DebuggerIntegration          jsontypes.Normalized `tfsdk:"debugger_integration"`
	FlexUIStatusReport           jsontypes.Normalized `tfsdk:"flex_ui_status_report"`
	AgentConvEndMethods          jsontypes.Normalized `tfsdk:"agent_conv_end_methods"`
	CitrixVoiceVdi               jsontypes.Normalized `tfsdk:"citrix_voice_vdi"`
	OfflineConfig                jsontypes.Normalized `tfsdk:"offline_config"`
	Timeouts                     timeouts.Value       `tfsdk:"timeouts"`
}

func (d *configurationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	text, boolean, date := framework.TextAttribute, framework.FlagAttribute, framework.DateAttribute
	sidOf := func(prefix, doc string) schema.StringAttribute {
		return text("SID of " + doc + " (`" + prefix + "...`); null when Twilio returns null.")
	}
	jsonOf := func(doc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, CustomType: jsontypes.NormalizedType{},
			MarkdownDescription: doc + " Twilio's JSON exactly as returned (the spec leaves its shape open); null when Twilio returns null. Decode it with `jsondecode()`."}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the account's Flex configuration (Flex v1 API, `GET /v1/Configuration` on `flex-api.twilio.com`): " +
			"the SIDs a Flex contact centre is built on, above all `flex_service_instance_sid` (the Flex Conversations service), " +
			"`chat_service_instance_sid`, `messaging_service_instance_sid` and the TaskRouter workspace, workflow, queue and activity, " +
			"so that no SID needs writing by hand. An account without Flex fails the read, saying so.",
		Attributes: map[string]schema.Attribute{
			"ui_version": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The Flex UI version to read the configuration for (Twilio's `UiVersion` query parameter), such as `1.34.0`; " +
					"when set, it stays as given. Otherwise Twilio's pinned UI version, null when Twilio returns null.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"account_sid":                     sidOf("AC", "the Account the configuration belongs to"),
			"date_created":                    date("When the configuration was created"),
			"date_updated":                    date("When the configuration was last updated"),
			"attributes":                      jsonOf("Application-specific data, an object."),
			"status":                          text("Status of the Flex onboarding: `ok`, `inprogress` or `notstarted`."),
			"taskrouter_workspace_sid":        sidOf("WS", "the TaskRouter Workspace"),
			"taskrouter_target_workflow_sid":  sidOf("WW", "the TaskRouter target Workflow"),
			"taskrouter_target_taskqueue_sid": sidOf("WQ", "the TaskRouter target TaskQueue"),
			"taskrouter_taskqueues":           jsonOf("The TaskRouter TaskQueues, an array of objects (`sid`, `targettable`)."),
			"taskrouter_skills":               jsonOf("The skills of TaskRouter workers, an array of objects (`name`, `multivalue`, `minimum`, `maximum`)."),
			"taskrouter_worker_channels":      jsonOf("Default channel capacities and availability of workers, by role."),
			"taskrouter_worker_attributes":    jsonOf("Attributes of TaskRouter workers, by role."),
			"taskrouter_offline_activity_sid": sidOf("WA", "the TaskRouter offline Activity"),
			"runtime_domain":                  text("URL where the Flex instance is hosted."),
			"messaging_service_instance_sid":  sidOf("MG", "the Messaging Service Flex uses"),
			"chat_service_instance_sid":       sidOf("IS", "the Chat service Flex uses"),
			"flex_service_instance_sid":       sidOf("IS", "the Flex service instance, the Conversations service of Flex Conversations: the `chat_service_sid` of its users and roles"),
			"flex_instance_sid":               sidOf("GO", "the Flex instance"),
			"ui_language":                     text("Primary language of the Flex UI."),
			"ui_attributes":                   jsonOf("Flex UI characteristics and settings, an object."),
			"ui_dependencies":                 jsonOf("npm packages and versions Hosted Flex uses, an object."),
			"service_version":                 text("Version of the Flex service."),
			"call_recording_enabled":          boolean("Whether call recording is enabled"),
			"call_recording_webhook_url":      text("Call recording webhook URL."),
			"crm_enabled":                     boolean("Whether a CRM is present for Flex"),
			"crm_type":                        text("CRM type."),
			"crm_callback_url":                text("CRM callback URL."),
			"crm_fallback_url":                text("CRM fallback URL."),
			"crm_attributes":                  jsonOf("CRM attributes, an object."),
			"public_attributes":               jsonOf("Attributes visible to unauthenticated clients, an object."),
			"plugin_service_enabled":          boolean("Whether the plugin service is enabled"),
			"plugin_service_attributes":       jsonOf("Plugin service attributes, an object."),
			"integrations":                    jsonOf("Configurations of the integrations, an array of objects."),
			"outbound_call_flows":             jsonOf("Outbound call flows, an object."),
			"serverless_service_sids": schema.ListAttribute{Computed: true, ElementType: types.StringType,
				MarkdownDescription: "SIDs of the Serverless services (`ZS...`), in Twilio's order; null when Twilio returns null."},
			"queue_stats_configuration": jsonOf("Parameters of queue statistics, an object."),
			"notifications":             jsonOf("Parameters of notifications, an object."),
			"markdown":                  jsonOf("Parameters of Markdown, an object."),
			"url":                       text("Absolute URL of the configuration resource."),
			"flex_insights_hr":          jsonOf("Flex Insights settings (enabled flag and workspaces), an object."),
			"flex_insights_drilldown":   boolean("Whether Flex UI redirects to `flex_url` when drilling down"),
			"flex_url":                  text("URL Flex UI redirects to when drilldown is enabled."),
			"channel_configs":           jsonOf("Attachment limits of Flex Conversations channels, an array of objects."),
			"debugger_integration":      jsonOf("Parameters of the debugger integration, an object."),
			"flex_ui_status_report":     jsonOf("Parameters of the Flex UI status report, an object."),
			"agent_conv_end_methods":    jsonOf("How agents end conversations, an object."),
			"citrix_voice_vdi":          jsonOf("Citrix voice VDI configuration, an object."),
			"offline_config":            jsonOf("Presence and presence TTL configuration, an object."),
			"timeouts":                  timeouts.Attributes(ctx),
		},
	}
}

func (d *configurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m configurationModel
	d.Fill(ctx, req, resp, &m, &m.Timeouts, func(ctx context.Context, c *framework.Conn) diag.Diagnostics {
		conf, err := client(c).FetchConfiguration(ctx, m.UIVersion.ValueString())
		if err != nil {
			return c.Error(configurationSubject, err)
		}
		return flattenConfiguration(conf, &m)
	})
}

// flattenConfiguration keeps every null null; a configured ui_version
// stays as given.
func flattenConfiguration(c *flexapi.Configuration, m *configurationModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.AccountSid = types.StringPointerValue(c.AccountSid)
	m.DateCreated = framework.FlattenDate(c.DateCreated, "date_created", &diags)
	m.DateUpdated = framework.FlattenDate(c.DateUpdated, "date_updated", &diags)
	m.Attributes = framework.FlattenJSON(c.Attributes)
	m.Status = types.StringPointerValue(c.Status)
	m.TaskrouterWorkspaceSid = types.StringPointerValue(c.TaskrouterWorkspaceSid)
	m.TaskrouterTargetWorkflowSid = types.StringPointerValue(c.TaskrouterTargetWorkflowSid)
	m.TaskrouterTargetTaskqueueSid = types.StringPointerValue(c.TaskrouterTargetTaskqueueSid)
	m.TaskrouterTaskqueues = framework.FlattenJSON(c.TaskrouterTaskqueues)
	m.TaskrouterSkills = framework.FlattenJSON(c.TaskrouterSkills)
	m.TaskrouterWorkerChannels = framework.FlattenJSON(c.TaskrouterWorkerChannels)
	m.TaskrouterWorkerAttributes = framework.FlattenJSON(c.TaskrouterWorkerAttributes)
	m.TaskrouterOfflineActivitySid = types.StringPointerValue(c.TaskrouterOfflineActivitySid)
	m.RuntimeDomain = types.StringPointerValue(c.RuntimeDomain)
	m.MessagingServiceInstanceSid = types.StringPointerValue(c.MessagingServiceInstanceSid)
	m.ChatServiceInstanceSid = types.StringPointerValue(c.ChatServiceInstanceSid)
	m.FlexServiceInstanceSid = types.StringPointerValue(c.FlexServiceInstanceSid)
	m.FlexInstanceSid = types.StringPointerValue(c.FlexInstanceSid)
	m.UILanguage = types.StringPointerValue(c.UILanguage)
	m.UIAttributes = framework.FlattenJSON(c.UIAttributes)
	m.UIDependencies = framework.FlattenJSON(c.UIDependencies)
	if m.UIVersion.IsNull() || m.UIVersion.IsUnknown() {
		m.UIVersion = types.StringPointerValue(c.UIVersion)
	}
	m.ServiceVersion = types.StringPointerValue(c.ServiceVersion)
	m.CallRecordingEnabled = types.BoolPointerValue(c.CallRecordingEnabled)
	m.CallRecordingWebhookURL = types.StringPointerValue(c.CallRecordingWebhookURL)
	m.CrmEnabled = types.BoolPointerValue(c.CrmEnabled)
	m.CrmType = types.StringPointerValue(c.CrmType)
	m.CrmCallbackURL = types.StringPointerValue(c.CrmCallbackURL)
	m.CrmFallbackURL = types.StringPointerValue(c.CrmFallbackURL)
	m.CrmAttributes = framework.FlattenJSON(c.CrmAttributes)
	m.PublicAttributes = framework.FlattenJSON(c.PublicAttributes)
	m.PluginServiceEnabled = types.BoolPointerValue(c.PluginServiceEnabled)
	m.PluginServiceAttributes = framework.FlattenJSON(c.PluginServiceAttributes)
	m.Integrations = framework.FlattenJSON(c.Integrations)
	m.OutboundCallFlows = framework.FlattenJSON(c.OutboundCallFlows)
	m.ServerlessServiceSids = framework.FlattenStrings(c.ServerlessServiceSids, &diags)
	m.QueueStatsConfiguration = framework.FlattenJSON(c.QueueStatsConfiguration)
	m.Notifications = framework.FlattenJSON(c.Notifications)
	m.Markdown = framework.FlattenJSON(c.Markdown)
	m.URL = types.StringPointerValue(c.URL)
	m.FlexInsightsHr = framework.FlattenJSON(c.FlexInsightsHr)
	m.FlexInsightsDrilldown = types.BoolPointerValue(c.FlexInsightsDrilldown)
	m.FlexURL = types.StringPointerValue(c.FlexURL)
	m.ChannelConfigs = framework.FlattenJSON(c.ChannelConfigs)
	m.DebuggerIntegration = framework.FlattenJSON(c.DebuggerIntegration)
	m.FlexUIStatusReport = framework.FlattenJSON(c.FlexUIStatusReport)
	m.AgentConvEndMethods = framework.FlattenJSON(c.AgentConvEndMethods)
	m.CitrixVoiceVdi = framework.FlattenJSON(c.CitrixVoiceVdi)
	m.OfflineConfig = framework.FlattenJSON(c.OfflineConfig)
	return diags
}
