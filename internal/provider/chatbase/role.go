package chatbase

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// RoleFields are a role's attributes but its service, on Chat v2 and
// Conversations v1 alike: the model of twilio_chat_role and
// twilio_conversations_role, and of each element of their plurals.
type RoleFields struct {
	Sid          types.String      `tfsdk:"sid"`
	FriendlyName types.String      `tfsdk:"friendly_name"`
	Type         types.String      `tfsdk:"type"`
	AccountSid   types.String      `tfsdk:"account_sid"`
	Permissions  types.List        `tfsdk:"permissions"`
	DateCreated  timetypes.RFC3339 `tfsdk:"date_created"`
	DateUpdated  timetypes.RFC3339 `tfsdk:"date_updated"`
	URL          types.String      `tfsdk:"url"`
}

// RoleAttributes are the attributes of a role that are never arguments.
func RoleAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"account_sid":  framework.TextAttribute("SID of the Account that created the role."),
		"permissions":  schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Permissions the role grants, in Twilio's order."},
		"date_created": framework.DateAttribute("When the role was created"),
		"date_updated": framework.DateAttribute("When the role was last updated"),
		"url":          framework.TextAttribute("Absolute URL of the role resource."),
	}
}

// FlattenRole copies a role into the model, keeping every null null.
// Conversations' roles convert to Chat's (conversations.Role).
func FlattenRole(r *chatapi.Role, m *RoleFields) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Sid = types.StringPointerValue(r.Sid)
	m.FriendlyName = types.StringPointerValue(r.FriendlyName)
	m.Type = types.StringPointerValue(r.Type)
	m.AccountSid = types.StringPointerValue(r.AccountSid)
	m.Permissions = framework.FlattenStrings(r.Permissions, &diags)
	m.DateCreated = framework.FlattenDate(r.DateCreated, "date_created", &diags)
	m.DateUpdated = framework.FlattenDate(r.DateUpdated, "date_updated", &diags)
	m.URL = types.StringPointerValue(r.URL)
	return diags
}

// RolesIndex says how to index a plural's roles by name.
const RolesIndex = "Index them by name with `{ for r in data.<this>.roles : r.friendly_name => r }` (with `type` set when names repeat across types)."
