package conversations

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
)

const conversationsUserJSON = `{
  "sid": "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "chat_service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "identity": "admin", "friendly_name": "name", "attributes": "{ \"duty\": \"tech\" }",
  "is_online": true, "is_notifiable": false,
  "date_created": "2019-12-16T22:18:37Z", "date_updated": "2019-12-16T22:18:38Z",
  "url": "https://conversations.twilio.com/v1/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "links": {"user_conversations": "https://conversations.twilio.com/v1/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conversations"}
}`

func TestFlattenUser(t *testing.T) {
	flattentest.Check(t, conversationsUserJSON, flattenUser, map[string]attr.Value{
		"sid":           types.StringValue("USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"account_sid":   types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"role_sid":      types.StringValue("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"identity":      types.StringValue("admin"),
		"friendly_name": types.StringValue("name"),
		"attributes":    jsontypes.NewNormalizedValue(`{ "duty": "tech" }`),
		"is_online":     types.BoolValue(true),
		"is_notifiable": types.BoolValue(false),
		"date_created":  timetypes.NewRFC3339ValueMust("2019-12-16T22:18:37Z"),
		"date_updated":  timetypes.NewRFC3339ValueMust("2019-12-16T22:18:38Z"),
		"url":           types.StringValue("https://conversations.twilio.com/v1/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"links": types.MapValueMust(types.StringType, map[string]attr.Value{
			"user_conversations": types.StringValue("https://conversations.twilio.com/v1/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conversations"),
		}),
	})
}

func TestFlattenServiceConfiguration(t *testing.T) {
	flattentest.Check(t, `{
  "default_conversation_creator_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1",
  "default_conversation_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2",
  "default_chat_service_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3",
  "reachability_enabled": false,
  "url": "https://conversations.twilio.com/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Configuration",
  "links": {"webhooks": "https://conversations.twilio.com/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Configuration/Webhooks"}
}`, flattenServiceConfiguration, map[string]attr.Value{
		"chat_service_sid":                      types.StringNull(),
		"default_conversation_creator_role_sid": types.StringValue("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"),
		"default_conversation_role_sid":         types.StringValue("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2"),
		"default_chat_service_role_sid":         types.StringValue("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3"),
		"reachability_enabled":                  types.BoolValue(false),
		"url":                                   types.StringValue("https://conversations.twilio.com/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Configuration"),
		"links": types.MapValueMust(types.StringType, map[string]attr.Value{
			"webhooks": types.StringValue("https://conversations.twilio.com/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Configuration/Webhooks"),
		}),
	})
}

func TestFlattenConfiguration(t *testing.T) {
	flattentest.Check(t, `{
  "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "default_chat_service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "default_messaging_service_sid": "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "default_inactive_timer": "PT1M", "default_closed_timer": "PT10M",
  "url": "https://conversations.twilio.com/v1/Configuration",
  "links": {"service": "https://conversations.twilio.com/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Configuration"}
}`, flattenConfiguration, map[string]attr.Value{
		"account_sid":                   types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"default_chat_service_sid":      types.StringValue("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"default_messaging_service_sid": types.StringValue("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"default_inactive_timer":        types.StringValue("PT1M"),
		"default_closed_timer":          types.StringValue("PT10M"),
		"url":                           types.StringValue("https://conversations.twilio.com/v1/Configuration"),
		"links": types.MapValueMust(types.StringType, map[string]attr.Value{
			"service": types.StringValue("https://conversations.twilio.com/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Configuration"),
		}),
	})
}

func TestFlattenService(t *testing.T) {
	const u = "https://conversations.twilio.com/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	flattentest.Check(t, `{
  "sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "friendly_name": "My First Service",
  "date_created": "2015-12-16T22:18:37Z", "date_updated": "2015-12-16T22:18:38Z", "url": "`+u+`",
  "links": {"conversations": "`+u+`/Conversations"}
}`, flattenService, map[string]attr.Value{
		"sid":           types.StringValue("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"account_sid":   types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name": types.StringValue("My First Service"),
		"date_created":  timetypes.NewRFC3339ValueMust("2015-12-16T22:18:37Z"),
		"date_updated":  timetypes.NewRFC3339ValueMust("2015-12-16T22:18:38Z"),
		"url":           types.StringValue(u),
		"links":         types.MapValueMust(types.StringType, map[string]attr.Value{"conversations": types.StringValue(u + "/Conversations")}),
	})
}
