package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

// conversationsUserFields are a Conversations user's attributes
// (conversations.v1.service.service_user): the whole of an element of
// twilio_conversations_users, and twilio_conversations_user less its
// timeouts.
type conversationsUserFields struct {
	ChatServiceSid types.String         `tfsdk:"chat_service_sid"`
	Sid            types.String         `tfsdk:"sid"`
	Identity       types.String         `tfsdk:"identity"`
	AccountSid     types.String         `tfsdk:"account_sid"`
	RoleSid        types.String         `tfsdk:"role_sid"`
	FriendlyName   types.String         `tfsdk:"friendly_name"`
	Attributes     jsontypes.Normalized `tfsdk:"attributes"`
	IsOnline       types.Bool           `tfsdk:"is_online"`
	IsNotifiable   types.Bool           `tfsdk:"is_notifiable"`
	DateCreated    timetypes.RFC3339    `tfsdk:"date_created"`
	DateUpdated    timetypes.RFC3339    `tfsdk:"date_updated"`
	URL            types.String         `tfsdk:"url"`
	Links          types.Map            `tfsdk:"links"`
}

type conversationsUserModel struct {
	conversationsUserFields
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// flattenConversationsUser copies an API user into the model, keeping every
// null null. A configured chat_service_sid is kept; an unset one (the
// default service) is read from the answer.
func flattenConversationsUser(u *conversations.User, m *conversationsUserFields) diag.Diagnostics {
	var diags diag.Diagnostics
	if m.ChatServiceSid.IsNull() || m.ChatServiceSid.IsUnknown() {
		m.ChatServiceSid = types.StringPointerValue(u.ChatServiceSid)
	}
	m.Sid = types.StringPointerValue(u.Sid)
	m.Identity = types.StringPointerValue(u.Identity)
	m.AccountSid = types.StringPointerValue(u.AccountSid)
	m.RoleSid = types.StringPointerValue(u.RoleSid)
	m.FriendlyName = types.StringPointerValue(u.FriendlyName)
	m.Attributes = jsontypes.NewNormalizedPointerValue(u.Attributes)
	m.IsOnline = types.BoolPointerValue(u.IsOnline)
	m.IsNotifiable = types.BoolPointerValue(u.IsNotifiable)
	m.DateCreated = flattenDate(u.DateCreated, "date_created", &diags)
	m.DateUpdated = flattenDate(u.DateUpdated, "date_updated", &diags)
	m.URL = types.StringPointerValue(u.URL)
	m.Links = flattenLinks(u.Links, &diags)
	return diags
}
