package chat

import "encoding/json"

// Service is a Twilio Chat v2 service (schema chat.v2.service). Limits,
// Notifications and Media are objects the spec leaves untyped: they are
// kept as the JSON Twilio sent (nil when absent; the JSON null when null).
// The counts and retry counts default to 0 when absent, as the spec says.
type Service struct {
	ServiceBase
	DefaultServiceRoleSid        *string         `json:"default_service_role_sid"`
	DefaultChannelRoleSid        *string         `json:"default_channel_role_sid"`
	DefaultChannelCreatorRoleSid *string         `json:"default_channel_creator_role_sid"`
	ReadStatusEnabled            *bool           `json:"read_status_enabled"`
	ReachabilityEnabled          *bool           `json:"reachability_enabled"`
	TypingIndicatorTimeout       *int64          `json:"typing_indicator_timeout"`
	ConsumptionReportInterval    *int64          `json:"consumption_report_interval"`
	Limits                       json.RawMessage `json:"limits"`
	PreWebhookURL                *string         `json:"pre_webhook_url"`
	PostWebhookURL               *string         `json:"post_webhook_url"`
	WebhookMethod                *string         `json:"webhook_method"`
	WebhookFilters               []string        `json:"webhook_filters"`
	PreWebhookRetryCount         *int64          `json:"pre_webhook_retry_count"`
	PostWebhookRetryCount        *int64          `json:"post_webhook_retry_count"`
	Notifications                json.RawMessage `json:"notifications"`
	Media                        json.RawMessage `json:"media"`
}

// ServiceBase is what a service is on every API: Conversations' service is
// exactly these fields (conversations.Service converts to a *ServiceBase).
type ServiceBase struct {
	Sid          *string            `json:"sid"`
	AccountSid   *string            `json:"account_sid"`
	FriendlyName *string            `json:"friendly_name"`
	DateCreated  *string            `json:"date_created"`
	DateUpdated  *string            `json:"date_updated"`
	URL          *string            `json:"url"`
	Links        map[string]*string `json:"links"`
}

// UnmarshalJSON applies the spec's defaults (0) to the integers Twilio
// leaves out, while an explicit null stays nil, as User does.
func (s *Service) UnmarshalJSON(b []byte) error {
	type plain Service
	zero := func() *int64 { z := int64(0); return &z }
	*s = Service{TypingIndicatorTimeout: zero(), ConsumptionReportInterval: zero(), PreWebhookRetryCount: zero(), PostWebhookRetryCount: zero()}
	return json.Unmarshal(b, (*plain)(s))
}
