package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// A service (IS…) is one object that Chat v2 and Conversations v1 both
// serve, Chat with many more attributes. twilio_chat_service and
// twilio_conversations_service find it by sid or by name among the
// account's services.

var (
	_ datasource.DataSourceWithConfigValidators = (*serviceDataSource[chat.Service])(nil)
	_ datasource.DataSourceWithConfigValidators = (*serviceDataSource[conversations.Service])(nil)
)

// serviceDataSource is twilio_chat_service or twilio_conversations_service:
// S is the API's service type.
type serviceDataSource[S any] struct {
	dataSourceBase
	services    byName[S]
	description string
	// attributes are the API's own, besides serviceBaseAttributes.
	attributes func() map[string]schema.Attribute
	newModel   func() serviceModel[S]
}

// serviceModel is a service data source's model: its serviceFields, and
// how it flattens the rest.
type serviceModel[S any] interface {
	fields() *serviceFields
	flatten(*S) diag.Diagnostics
}

// serviceFields are a service's attributes on every API (chat.ServiceBase).
type serviceFields struct {
	Sid          types.String      `tfsdk:"sid"`
	FriendlyName types.String      `tfsdk:"friendly_name"`
	AccountSid   types.String      `tfsdk:"account_sid"`
	DateCreated  timetypes.RFC3339 `tfsdk:"date_created"`
	DateUpdated  timetypes.RFC3339 `tfsdk:"date_updated"`
	URL          types.String      `tfsdk:"url"`
	Links        types.Map         `tfsdk:"links"`
	Timeouts     timeouts.Value    `tfsdk:"timeouts"`
}

func (m *serviceFields) fields() *serviceFields { return m }

// flattenServiceBase copies what every API's service has, keeping every
// null null.
func flattenServiceBase(s *chat.ServiceBase, m *serviceFields) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Sid = types.StringPointerValue(s.Sid)
	m.FriendlyName = types.StringPointerValue(s.FriendlyName)
	m.AccountSid = types.StringPointerValue(s.AccountSid)
	m.DateCreated = flattenDate(s.DateCreated, "date_created", &diags)
	m.DateUpdated = flattenDate(s.DateUpdated, "date_updated", &diags)
	m.URL = types.StringPointerValue(s.URL)
	m.Links = flattenLinks(s.Links, &diags)
	return diags
}

func (d *serviceDataSource[S]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.attributes()
	for name, a := range sidOrNameArguments("service", sid.Service, "every service of the account") {
		attrs[name] = a
	}
	attrs["account_sid"] = schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Account that created the service."}
	attrs["date_created"] = schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the service was created, RFC 3339, as returned."}
	attrs["date_updated"] = schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the service was last updated, RFC 3339, as returned."}
	attrs["url"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Absolute URL of the service resource."}
	attrs["timeouts"] = timeouts.Attributes(ctx)
	resp.Schema = schema.Schema{MarkdownDescription: d.description, Attributes: attrs}
}

func (d *serviceDataSource[S]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return sidOrNameValidators()
}

func (d *serviceDataSource[S]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	m := d.newModel()
	f := m.fields()
	d.read(ctx, req, resp, m, &f.Timeouts, func(ctx context.Context, c readClients) diag.Diagnostics {
		service, diags := d.services.read(ctx, c, f.Sid, f.FriendlyName, nameQuery{where: "the account"})
		if diags.HasError() {
			return diags
		}
		return m.flatten(service)
	})
}

// linksAttribute is a computed map of Twilio's links, which names names.
func linksAttribute(names string) schema.MapAttribute {
	return schema.MapAttribute{Computed: true, ElementType: types.StringType,
		MarkdownDescription: "URLs of related resources keyed by Twilio's link names, such as " + names + "; null when Twilio returns null."}
}

// twilio_chat_service

// NewChatServiceDataSource is the factory of twilio_chat_service.
func NewChatServiceDataSource() datasource.DataSource {
	return &serviceDataSource[chat.Service]{
		dataSourceBase: dataSourceBase{name: "chat_service"},
		services: byName[chat.Service]{
			reads: reads[chat.Service]{
				product: chatTitle, resource: "chat service",
				fetch: func(ctx context.Context, c readClients, _, serviceSid string) (*chat.Service, error) {
					return c.chat.FetchService(ctx, serviceSid)
				},
				list: func(ctx context.Context, c readClients, _ string) ([]chat.Service, error) {
					return c.chat.ListServices(ctx)
				},
				sid: func(s *chat.Service) *string { return s.Sid },
			},
			plural: "services",
			name:   func(s *chat.Service) *string { return s.FriendlyName },
		},
		description: "Looks up one Twilio Programmable Chat service (Chat v2 API) by SID, or by name among the account's services, " +
			"with every attribute Twilio returns, above all the default role SIDs to wire where a `role_sid` is expected. " +
			"Attributes that Twilio returns as `null` are null here too.",
		attributes: chatServiceAttributes,
		newModel:   func() serviceModel[chat.Service] { return &chatServiceModel{} },
	}
}

type chatServiceModel struct {
	serviceFields
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

func chatServiceAttributes() map[string]schema.Attribute {
	json := func(what string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, CustomType: jsontypes.NormalizedType{},
			MarkdownDescription: what + ", the JSON object exactly as Twilio returns it (Twilio's spec gives it no schema); null when Twilio returns null. Decode it with `jsondecode()`."}
	}
	str := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description}
	}
	count := func(description string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: description + "; `0` when Twilio omits it."}
	}
	flag := func(description string) schema.BoolAttribute {
		return schema.BoolAttribute{Computed: true, MarkdownDescription: description + "; null when Twilio returns null."}
	}
	return map[string]schema.Attribute{
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
		"links":                    linksAttribute("`channels`, `users`, `roles` and `bindings`"),
	}
}

// flatten copies a Chat service into the model, keeping every
// null null; the untyped objects are kept as Twilio's JSON.
func (m *chatServiceModel) flatten(s *chat.Service) diag.Diagnostics {
	diags := flattenServiceBase(&s.ServiceBase, &m.serviceFields)
	m.DefaultServiceRoleSid = types.StringPointerValue(s.DefaultServiceRoleSid)
	m.DefaultChannelRoleSid = types.StringPointerValue(s.DefaultChannelRoleSid)
	m.DefaultChannelCreatorRoleSid = types.StringPointerValue(s.DefaultChannelCreatorRoleSid)
	m.ReadStatusEnabled = types.BoolPointerValue(s.ReadStatusEnabled)
	m.ReachabilityEnabled = types.BoolPointerValue(s.ReachabilityEnabled)
	m.TypingIndicatorTimeout = types.Int64PointerValue(s.TypingIndicatorTimeout)
	m.ConsumptionReportInterval = types.Int64PointerValue(s.ConsumptionReportInterval)
	m.Limits = flattenJSON(s.Limits)
	m.PreWebhookURL = types.StringPointerValue(s.PreWebhookURL)
	m.PostWebhookURL = types.StringPointerValue(s.PostWebhookURL)
	m.WebhookMethod = types.StringPointerValue(s.WebhookMethod)
	m.WebhookFilters = flattenStrings(s.WebhookFilters, &diags)
	m.PreWebhookRetryCount = types.Int64PointerValue(s.PreWebhookRetryCount)
	m.PostWebhookRetryCount = types.Int64PointerValue(s.PostWebhookRetryCount)
	m.Notifications = flattenJSON(s.Notifications)
	m.Media = flattenJSON(s.Media)
	return diags
}

// twilio_conversations_service

// NewConversationsServiceDataSource is the factory of
// twilio_conversations_service.
func NewConversationsServiceDataSource() datasource.DataSource {
	return &serviceDataSource[conversations.Service]{
		dataSourceBase: dataSourceBase{name: "conversations_service"},
		services: byName[conversations.Service]{
			reads: reads[conversations.Service]{
				product: conversationsTitle, resource: "conversations service",
				fetch: func(ctx context.Context, c readClients, _, serviceSid string) (*conversations.Service, error) {
					return c.conversations.FetchService(ctx, serviceSid)
				},
				list: func(ctx context.Context, c readClients, _ string) ([]conversations.Service, error) {
					return c.conversations.ListServices(ctx)
				},
				sid: func(s *conversations.Service) *string { return s.Sid },
			},
			plural: "services",
			name:   func(s *conversations.Service) *string { return s.FriendlyName },
		},
		description: "Looks up one Twilio Conversations service (Conversations v1 API) by SID, or by name among the account's Conversations services, " +
			"so that its SID can be wired where a `chat_service_sid` is expected. Attributes that Twilio returns as `null` are null here too.",
		attributes: func() map[string]schema.Attribute {
			return map[string]schema.Attribute{
				"links": linksAttribute("`conversations`, `users`, `roles`, `bindings` and `configuration`"),
			}
		},
		newModel: func() serviceModel[conversations.Service] { return &conversationsServiceModel{} },
	}
}

type conversationsServiceModel struct {
	serviceFields
}

func (m *conversationsServiceModel) flatten(s *conversations.Service) diag.Diagnostics {
	return flattenServiceBase((*chat.ServiceBase)(s), &m.serviceFields)
}
