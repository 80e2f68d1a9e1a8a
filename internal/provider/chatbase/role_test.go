package chatbase

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework/flattentest"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

func TestFlattenRole(t *testing.T) {
	flattentest.Check(t, `{
  "sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "friendly_name": "channel user", "type": "channel", "permissions": ["sendMessage", "leaveChannel", "editOwnMessage"],
  "date_created": "2016-03-03T19:47:15Z", "date_updated": "2016-03-03T19:47:15Z",
  "url": "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles/RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
}`, FlattenRole, map[string]attr.Value{
		"sid":           types.StringValue("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"account_sid":   types.StringValue("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		"friendly_name": types.StringValue("channel user"),
		"type":          types.StringValue("channel"),
		"permissions": types.ListValueMust(types.StringType, []attr.Value{
			types.StringValue("sendMessage"), types.StringValue("leaveChannel"), types.StringValue("editOwnMessage"),
		}),
		"date_created": timetypes.NewRFC3339ValueMust("2016-03-03T19:47:15Z"),
		"date_updated": timetypes.NewRFC3339ValueMust("2016-03-03T19:47:15Z"),
		"url":          types.StringValue("https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles/RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
	})
}

func TestFlattenRole_emptyPermissionsAreNotNull(t *testing.T) {
	var m RoleFields
	if diags := FlattenRole(&chatapi.Role{Permissions: []string{}}, &m); diags.HasError() {
		t.Fatal(diags)
	}
	if m.Permissions.IsNull() || len(m.Permissions.Elements()) != 0 {
		t.Fatalf("permissions = %s", m.Permissions)
	}
}
