package flex

import "encoding/json"

// Configuration is flex.v1.configuration. Every field is nullable: strings
// and booleans are pointers; what the spec leaves untyped (objects, arrays
// of objects) is kept as the JSON Twilio sent, nil when absent and "null"
// when null.
type Configuration struct {
	AccountSid                   *string         `json:"account_sid"`
	DateCreated                  *string         `json:"date_created"`
	DateUpdated                  *string         `json:"date_updated"`
	Attributes                   json.RawMessage `json:"attributes"`
	Status                       *string         `json:"status"`
	TaskrouterWorkspaceSid       *string         `json:"taskrouter_workspace_sid"`
	TaskrouterTargetWorkflowSid  *string         `json:"taskrouter_target_workflow_sid"`
	TaskrouterTargetTaskqueueSid *string         `json:"taskrouter_target_taskqueue_sid"`
	TaskrouterTaskqueues         json.RawMessage `json:"taskrouter_taskqueues"`
	TaskrouterSkills             json.RawMessage `json:"taskrouter_skills"`
	TaskrouterWorkerChannels     json.RawMessage `json:"taskrouter_worker_channels"`
	TaskrouterWorkerAttributes   json.RawMessage `json:"taskrouter_worker_attributes"`
	TaskrouterOfflineActivitySid *string         `json:"taskrouter_offline_activity_sid"`
	RuntimeDomain                *string         `json:"runtime_domain"`
	MessagingServiceInstanceSid  *string         `json:"messaging_service_instance_sid"`
	ChatServiceInstanceSid       *string         `json:"chat_service_instance_sid"`
	FlexServiceInstanceSid       *string         `json:"flex_service_instance_sid"`
	FlexInstanceSid              *string         `json:"flex_instance_sid"`
	UILanguage                   *string         `json:"ui_language"`
	UIAttributes                 json.RawMessage `json:"ui_attributes"`
	UIDependencies               json.RawMessage `json:"ui_dependencies"`
	UIVersion                    *string         `json:"ui_version"`
	ServiceVersion               *string         `json:"service_version"`
	CallRecordingEnabled         *bool           `json:"call_recording_enabled"`
	CallRecordingWebhookURL      *string         `json:"call_recording_webhook_url"`
	CrmEnabled                   *bool           `json:"crm_enabled"`
	CrmType                      *string         `json:"crm_type"`
	CrmCallbackURL               *string         `json:"crm_callback_url"`
	CrmFallbackURL               *string         `json:"crm_fallback_url"`
	CrmAttributes                json.RawMessage `json:"crm_attributes"`
	PublicAttributes             json.RawMessage `json:"public_attributes"`
	PluginServiceEnabled         *bool           `json:"plugin_service_enabled"`
	PluginServiceAttributes      json.RawMessage `json:"plugin_service_attributes"`
	Integrations                 json.RawMessage `json:"integrations"`
	OutboundCallFlows            json.RawMessage `json:"outbound_call_flows"`
	ServerlessServiceSids        []string        `json:"serverless_service_sids"`
	QueueStatsConfiguration      json.RawMessage `json:"queue_stats_configuration"`
	Notifications                json.RawMessage `json:"notifications"`
	Markdown                     json.RawMessage `json:"markdown"`
	URL                          *string         `json:"url"`
	FlexInsightsHr               json.RawMessage `json:"flex_insights_hr"`
	FlexInsightsDrilldown        *bool           `json:"flex_insights_drilldown"`
	FlexURL                      *string         `json:"flex_url"`
	ChannelConfigs               json.RawMessage `json:"channel_configs"`
	DebuggerIntegration          json.RawMessage `json:"debugger_integration"`
	FlexUIStatusReport           json.RawMessage `json:"flex_ui_status_report"`
	AgentConvEndMethods          json.RawMessage `json:"agent_conv_end_methods"`
	CitrixVoiceVdi               json.RawMessage `json:"citrix_voice_vdi"`
	OfflineConfig                json.RawMessage `json:"offline_config"`
}

// FlexFlow is flex.v1.flex_flow: how a channel reaches Flex, above all the
// Studio flow it hands conversations to (Integration, the JSON Twilio sent).
type FlexFlow struct {
	Sid             *string         `json:"sid"`
	AccountSid      *string         `json:"account_sid"`
	FriendlyName    *string         `json:"friendly_name"`
	ChatServiceSid  *string         `json:"chat_service_sid"`
	ChannelType     *string         `json:"channel_type"`
	ContactIdentity *string         `json:"contact_identity"`
	Enabled         *bool           `json:"enabled"`
	IntegrationType *string         `json:"integration_type"`
	Integration     json.RawMessage `json:"integration"`
	LongLived       *bool           `json:"long_lived"`
	JanitorEnabled  *bool           `json:"janitor_enabled"`
	DateCreated     *string         `json:"date_created"`
	DateUpdated     *string         `json:"date_updated"`
	URL             *string         `json:"url"`
}
