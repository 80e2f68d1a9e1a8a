package chat

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

const exampleChatServiceURL = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

// The spec's own fetch example of chat.v2.service.
func TestFlattenService(t *testing.T) {
	flattentest.Check(t, `{
  "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "consumption_report_interval": 100,
  "date_created": "2015-07-30T20:00:00Z", "date_updated": "2015-07-30T20:00:00Z",
  "default_channel_creator_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "default_channel_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
  "default_service_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", "friendly_name": "friendly_name",
  "limits": {"channel_members": 100, "user_channels": 250},
  "links": {"channels": "`+exampleChatServiceURL+`/Channels", "users": "`+exampleChatServiceURL+`/Users"},
  "notifications": {}, "post_webhook_url": "post_webhook_url", "pre_webhook_url": "pre_webhook_url",
  "pre_webhook_retry_count": 2, "post_webhook_retry_count": 3, "reachability_enabled": false, "read_status_enabled": false,
  "sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "typing_indicator_timeout": 100, "url": "`+exampleChatServiceURL+`",
  "webhook_filters": ["webhook_filters"], "webhook_method": "webhook_method",
  "media": {"size_limit_mb": 150, "compatibility_message": "media compatibility message"}
}`, flattenService, map[string]attr.Value{
		"sid":                              types.StringValue("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"account_sid":                      types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name":                    types.StringValue("friendly_name"),
		"date_created":                     timetypes.NewRFC3339ValueMust("2015-07-30T20:00:00Z"),
		"date_updated":                     timetypes.NewRFC3339ValueMust("2015-07-30T20:00:00Z"),
		"default_service_role_sid":         types.StringValue("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac"),
		"default_channel_role_sid":         types.StringValue("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"),
		"default_channel_creator_role_sid": types.StringValue("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"read_status_enabled":              types.BoolValue(false),
		"reachability_enabled":             types.BoolValue(false),
		"typing_indicator_timeout":         types.Int64Value(100),
		"consumption_report_interval":      types.Int64Value(100),
		// Exactly as returned, spaces included.
		"limits":                   jsontypes.NewNormalizedValue(`{"channel_members": 100, "user_channels": 250}`),
		"notifications":            jsontypes.NewNormalizedValue(`{}`),
		"media":                    jsontypes.NewNormalizedValue(`{"size_limit_mb": 150, "compatibility_message": "media compatibility message"}`),
		"pre_webhook_url":          types.StringValue("pre_webhook_url"),
		"post_webhook_url":         types.StringValue("post_webhook_url"),
		"webhook_method":           types.StringValue("webhook_method"),
		"webhook_filters":          types.ListValueMust(types.StringType, []attr.Value{types.StringValue("webhook_filters")}),
		"pre_webhook_retry_count":  types.Int64Value(2),
		"post_webhook_retry_count": types.Int64Value(3),
		"url":                      types.StringValue(exampleChatServiceURL),
		"links": types.MapValueMust(types.StringType, map[string]attr.Value{
			"channels": types.StringValue(exampleChatServiceURL + "/Channels"),
			"users":    types.StringValue(exampleChatServiceURL + "/Users"),
		}),
	})
}

func TestFlattenService_emptyFiltersAreNotNullAndAbsentCountsAreZero(t *testing.T) {
	var s chatapi.Service
	if err := s.UnmarshalJSON([]byte(`{"webhook_filters": [], "limits": {}}`)); err != nil {
		t.Fatal(err)
	}
	var m serviceModel
	if diags := flattenService(&s, &m); diags.HasError() {
		t.Fatal(diags)
	}
	if m.WebhookFilters.IsNull() || len(m.WebhookFilters.Elements()) != 0 || m.Limits.ValueString() != "{}" ||
		m.TypingIndicatorTimeout.ValueInt64() != 0 || m.TypingIndicatorTimeout.IsNull() || m.PostWebhookRetryCount.IsNull() ||
		!m.Notifications.IsNull() {
		t.Fatalf("model = %+v", m)
	}
}
