package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

func TestFlattenRole(t *testing.T) {
	flatten := func(r *chat.Role, m *chatRoleModel) diag.Diagnostics {
		return flattenRole(r, &m.roleFields)
	}
	checkFlatten(t, `{
  "sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "friendly_name": "channel user", "type": "channel", "permissions": ["sendMessage", "leaveChannel", "editOwnMessage"],
  "date_created": "2016-03-03T19:47:15Z", "date_updated": "2016-03-03T19:47:15Z",
  "url": "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles/RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
}`, flatten, map[string]attr.Value{
		"service_sid":   types.StringNull(),
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
	var m roleFields
	if diags := flattenRole(&chat.Role{Permissions: []string{}}, &m); diags.HasError() {
		t.Fatal(diags)
	}
	if m.Permissions.IsNull() || len(m.Permissions.Elements()) != 0 {
		t.Fatalf("permissions = %s", m.Permissions)
	}
}

func role(sid, name, typ string) chat.Role {
	return chat.Role{Sid: ptr(sid), FriendlyName: ptr(name), Type: ptr(typ)}
}

func TestRoleMatch(t *testing.T) {
	roles := []chat.Role{
		role("RL1", "supervisor", "channel"),
		role("RL2", "supervisor", "deployment"),
		role("RL3", "ops & on-call = yes", "deployment"),
		role("RL4", "李静 admin", "channel"),
		{Sid: ptr("RL5"), FriendlyName: nil, Type: nil},
	}
	for _, tc := range []struct{ name, typ, want string }{
		{"supervisor", "deployment", "RL2"},
		{"supervisor", "channel", "RL1"},
		{"ops & on-call = yes", "", "RL3"},
		{"李静 admin", "", "RL4"},
	} {
		got, diags := chatRoles.match(roles, nameQuery{name: tc.name, typ: tc.typ, where: "service IS1"})
		if diags.HasError() || *got.Sid != tc.want {
			t.Errorf("match(%q, %q) = %v, %v; want %s", tc.name, tc.typ, got, diags, tc.want)
		}
	}

	_, diags := chatRoles.match(roles, nameQuery{name: "supervisor", typ: "", where: "service IS1"})
	if len(diags) != 1 || diags[0].Summary() != "several chat roles match" ||
		diags[0].Detail() != `2 chat roles are named "supervisor" in service IS1: RL1 (type channel), RL2 (type deployment). Set type (`+"`channel` or `deployment`"+`) or sid to choose one.` {
		t.Errorf("several: %v", diags)
	}

	_, diags = chatRoles.match(roles, nameQuery{name: "Supervisor", typ: "", where: "service IS1"})
	if len(diags) != 1 || diags[0].Summary() != "chat role not found" ||
		diags[0].Detail() != `No chat role named "Supervisor" in service IS1; names are matched exactly, case included. The 5 roles there: "supervisor" (channel), "supervisor" (deployment), "ops & on-call = yes" (deployment), "李静 admin" (channel), null (no type).` {
		// Those that differ only in case come first: the likely typo.
		t.Errorf("case differs: %v", diags)
	}

	_, diags = chatRoles.match(roles, nameQuery{name: "supervisor", typ: "nope", where: "service IS1"})
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), `No chat role named "supervisor" of type "nope"`) {
		t.Errorf("type: %v", diags)
	}

	_, diags = chatRoles.match(nil, nameQuery{name: "x", typ: "", where: "service IS1"})
	if len(diags) != 1 || !strings.HasSuffix(diags[0].Detail(), "The 0 roles there: none.") {
		t.Errorf("empty: %v", diags)
	}
}

func TestRoleMatch_notFoundNamesTwentyRoles(t *testing.T) {
	var roles []chat.Role
	for i := range 25 {
		roles = append(roles, role(fmt.Sprintf("RL%02d", i), fmt.Sprintf("role %02d", i), "channel"))
	}
	_, diags := chatRoles.match(roles, nameQuery{name: "missing", typ: "", where: "service IS1"})
	detail := diags[0].Detail()
	if !strings.Contains(detail, `The 25 roles there: "role 00" (channel), `) || !strings.HasSuffix(detail, `"role 19" (channel) and 5 more.`) || strings.Contains(detail, "role 20") {
		t.Fatalf("detail = %s", detail)
	}
}
