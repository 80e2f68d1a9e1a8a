package flex

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
)

func TestFlattenFlexFlow(t *testing.T) {
	flattentest.Check(t, `{
  "sid": "FO00000000000000000000000000000000", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "friendly_name": "Flex Web Channel Flow",
  "chat_service_sid": "IS00000000000000000000000000000000", "channel_type": "web", "contact_identity": "+15005550006", "enabled": true,
  "integration_type": "studio", "integration": {"flow_sid": "FW00000000000000000000000000000000", "retry_count": 1},
  "long_lived": false, "janitor_enabled": true,
  "date_created": "2016-08-01T22:10:40Z", "date_updated": "2016-08-01T22:10:41Z", "url": "https://flex-api.twilio.com/v1/FlexFlows/FO00000000000000000000000000000000"
}`, flattenFlexFlow, map[string]attr.Value{
		"sid":              types.StringValue("FO00000000000000000000000000000000"),
		"account_sid":      types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name":    types.StringValue("Flex Web Channel Flow"),
		"chat_service_sid": types.StringValue("IS00000000000000000000000000000000"),
		"channel_type":     types.StringValue("web"),
		"contact_identity": types.StringValue("+15005550006"),
		"enabled":          types.BoolValue(true),
		"integration_type": types.StringValue("studio"),
		"integration":      jsontypes.NewNormalizedValue(`{"flow_sid": "FW00000000000000000000000000000000", "retry_count": 1}`),
		"long_lived":       types.BoolValue(false),
		"janitor_enabled":  types.BoolValue(true),
		"date_created":     timetypes.NewRFC3339ValueMust("2016-08-01T22:10:40Z"),
		"date_updated":     timetypes.NewRFC3339ValueMust("2016-08-01T22:10:41Z"),
		"url":              types.StringValue("https://flex-api.twilio.com/v1/FlexFlows/FO00000000000000000000000000000000"),
	})
}
