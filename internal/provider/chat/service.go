package chat

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// twilio_chat_service: one Chat service, by sid, or by name from the
// account's list of services.

// NewServiceDataSource is the factory of twilio_chat_service.
func NewServiceDataSource() datasource.DataSource {
	return &framework.Lookup[chatapi.Service, serviceModel]{
		Base:    framework.Base{Name: "chat_service"},
		Objects: services,
		Description: "Looks up one Twilio Programmable Chat service (Chat v2 API) by SID, or by name among the account's services, " +
			"with every attribute Twilio returns, above all the default role SIDs to wire where a `role_sid` is expected. " +
			"Attributes that Twilio returns as `null` are null here too.",
		Attributes: serviceAttributes,
		Flatten:    flattenService,
	}
}

type serviceModel struct {
	chatbase.ServiceFields
	DefaultServiceRoleSid        types.String         `tfsdk:"default_service_role_sid"`
	DefaultChannelRoleSid        types.String         `tfsdk:"default_channel_role_sid"`
	DefaultChannelCreatorRoleSid types.String         `tfsdk:"default_channel_creator_role_sid"`
	ReadStatusEnabled            types.Bool           `tfsdk:"read_status_enabled"`
	ReachabilityEnabled          types.Bool           `tfsdk:"reachability_enabled"`
	TypingIndicatorTimeout       types.Int64          `tfsdk:"typing_indicator_timeout"`
	ConsumptionReportInterval    types.Int64          `tfsdk:"consumption_report_interval"`
	Limits                       jsontypes.Normalized `tfsdk:"limits"`
	PreWebhookURL                types.String         `tfsdk:"pre_webhook_url"`
	PostWebhookURL               types.String         `tfsdk:"post_webhook_url"`
	WebhookMethod                types.String         `tfsdk:"webhook_method"`
	WebhookFilters               types.List           `tfsdk:"webhook_filters"`
	PreWebhookRetryCount         types.Int64          `tfsdk:"pre_webhook_retry_count"`
	PostWebhookRetryCount        types.Int64          `tfsdk:"post_webhook_retry_count"`
	Notifications                jsontypes.Normalized `tfsdk:"notifications"`
	Media                        jsontypes.Normalized `tfsdk:"media"`
}

func serviceAttributes() map[string]schema.Attribute {
	json := func(what string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, CustomType: jsontypes.NormalizedType{},
			MarkdownDescription: what + ", the JSON object exactly as Twilio returns it (Twilio's spec gives it no schema); null when Twilio returns null. Decode it with `jsondecode()`."}
	}
	str, count, flag := framework.TextAttribute, framework.CountAttribute, framework.FlagAttribute
	attrs := chatbase.ServiceAttributes("`channels`, `users`, `roles` and `bindings`")
	maps.Copy(attrs, map[string]schema.Attribute{
		"default_service_role_sid":         str("SID of the service role (`RL...`) Twilio assigns to users when they are added to the service."),
		"default_channel_role_sid":         str("SID of the channel role (`RL...`) Twilio assigns to users when they are added to a channel."),
		"default_channel_creator_role_sid": str("SID of the channel role (`RL...`) Twilio assigns to a channel's creator when they join it."),
		"read_status_enabled":              flag("Whether the Message Consumption Horizon feature is on"),
		"reachability_enabled":             flag("Whether the Reachability Indicator is on: when it is off, users' `is_online` and `is_notifiable` are null"),
		"typing_indicator_timeout":         count("Seconds after a `started typing` event until clients assume the user stopped typing"),
		"consumption_report_interval":      count("Deprecated by Twilio: seconds between consumption reports from clients"),
		"limits":                           json("Limits of the service, such as `channel_members` and `user_channels`"),
		"pre_webhook_url":                  str("URL of the pre-event webhooks; null when none is set."),
		"post_webhook_url":                 str("URL of the post-event webhooks; null when none is set."),
		"webhook_method":                   str("HTTP method of the webhook calls; null when none is set."),
		"webhook_filters": schema.ListAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "Webhook events enabled for the service, in Twilio's order; null when Twilio returns null."},
		"pre_webhook_retry_count":  count("How many times a timed-out call to `pre_webhook_url` is retried"),
		"post_webhook_retry_count": count("How many times a timed-out call to `post_webhook_url` is retried"),
		"notifications":            json("Push notification configuration of the service"),
		"media":                    json("Media properties the service supports, such as `size_limit_mb`"),
	})
	return attrs
}

// flattenService copies a Chat service into the model, keeping every
// null null; the untyped objects are kept as Twilio's JSON.
func flattenService(s *chatapi.Service, m *serviceModel) diag.Diagnostics {
	diags := chatbase.FlattenService(&s.ServiceBase, &m.ServiceFields)
	m.DefaultServiceRoleSid = types.StringPointerValue(s.DefaultServiceRoleSid)
	m.DefaultChannelRoleSid = types.StringPointerValue(s.DefaultChannelRoleSid)
	m.DefaultChannelCreatorRoleSid = types.StringPointerValue(s.DefaultChannelCreatorRoleSid)
	m.ReadStatusEnabled = types.BoolPointerValue(s.ReadStatusEnabled)
	m.ReachabilityEnabled = types.BoolPointerValue(s.ReachabilityEnabled)
	m.TypingIndicatorTimeout = types.Int64PointerValue(s.TypingIndicatorTimeout)
	m.ConsumptionReportInterval = types.Int64PointerValue(s.ConsumptionReportInterval)
	m.Limits = framework.FlattenJSON(s.Limits)
	m.PreWebhookURL = types.StringPointerValue(s.PreWebhookURL)
	m.PostWebhookURL = types.StringPointerValue(s.PostWebhookURL)
	m.WebhookMethod = types.StringPointerValue(s.WebhookMethod)
	m.WebhookFilters = framework.FlattenStrings(s.WebhookFilters, &diags)
	m.PreWebhookRetryCount = types.Int64PointerValue(s.PreWebhookRetryCount)
	m.PostWebhookRetryCount = types.Int64PointerValue(s.PostWebhookRetryCount)
	m.Notifications = framework.FlattenJSON(s.Notifications)
	m.Media = framework.FlattenJSON(s.Media)
	return diags
}
