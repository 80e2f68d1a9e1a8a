package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// chatUserFields are a Chat user's attributes: the whole of an element of
// twilio_chat_users, and twilio_chat_user less its timeouts.
type chatUserFields struct {
	ServiceSid          types.String         `tfsdk:"service_sid"`
	Sid                 types.String         `tfsdk:"sid"`
	Identity            types.String         `tfsdk:"identity"`
	AccountSid          types.String         `tfsdk:"account_sid"`
	Attributes          jsontypes.Normalized `tfsdk:"attributes"`
	FriendlyName        types.String         `tfsdk:"friendly_name"`
	RoleSid             types.String         `tfsdk:"role_sid"`
	IsOnline            types.Bool           `tfsdk:"is_online"`
	IsNotifiable        types.Bool           `tfsdk:"is_notifiable"`
	DateCreated         timetypes.RFC3339    `tfsdk:"date_created"`
	DateUpdated         timetypes.RFC3339    `tfsdk:"date_updated"`
	JoinedChannelsCount types.Int64          `tfsdk:"joined_channels_count"`
	Links               types.Map            `tfsdk:"links"`
	URL                 types.String         `tfsdk:"url"`
}

type chatUserModel struct {
	chatUserFields
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// flattenChatUser copies an API user into the model, keeping every null
// null. service_sid is left as configured: the user was asked of it.
func flattenChatUser(u *chat.User, m *chatUserFields) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Sid = types.StringPointerValue(u.Sid)
	m.Identity = types.StringPointerValue(u.Identity)
	m.AccountSid = types.StringPointerValue(u.AccountSid)
	m.Attributes = jsontypes.NewNormalizedPointerValue(u.Attributes)
	m.FriendlyName = types.StringPointerValue(u.FriendlyName)
	m.RoleSid = types.StringPointerValue(u.RoleSid)
	m.IsOnline = types.BoolPointerValue(u.IsOnline)
	m.IsNotifiable = types.BoolPointerValue(u.IsNotifiable)
	m.JoinedChannelsCount = types.Int64PointerValue(u.JoinedChannelsCount)
	m.URL = types.StringPointerValue(u.URL)
	m.DateCreated = flattenDate(u.DateCreated, "date_created", &diags)
	m.DateUpdated = flattenDate(u.DateUpdated, "date_updated", &diags)

	m.Links = flattenLinks(u.Links, &diags)
	return diags
}
