package chatbase

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// UserFields are a user's attributes on Chat v2 and Conversations v1 alike
// (chatapi.UserBase), but its service: the model of a singular user data
// source, and of each element of a plural one.
type UserFields struct {
	Sid          types.String         `tfsdk:"sid"`
	Identity     types.String         `tfsdk:"identity"`
	Attributes   jsontypes.Normalized `tfsdk:"attributes"`
	FriendlyName types.String         `tfsdk:"friendly_name"`
	RoleSid      types.String         `tfsdk:"role_sid"`
	IsOnline     types.Bool           `tfsdk:"is_online"`
	IsNotifiable types.Bool           `tfsdk:"is_notifiable"`
	framework.ResourceFields
}

// FlattenUser copies a user into the model, keeping every null null.
func FlattenUser(u *chatapi.UserBase, m *UserFields) diag.Diagnostics {
	m.Sid = types.StringPointerValue(u.Sid)
	m.Identity = types.StringPointerValue(u.Identity)
	m.Attributes = jsontypes.NewNormalizedPointerValue(u.Attributes)
	m.FriendlyName = types.StringPointerValue(u.FriendlyName)
	m.RoleSid = types.StringPointerValue(u.RoleSid)
	m.IsOnline = types.BoolPointerValue(u.IsOnline)
	m.IsNotifiable = types.BoolPointerValue(u.IsNotifiable)
	return framework.Resource{AccountSid: u.AccountSid, DateCreated: u.DateCreated, DateUpdated: u.DateUpdated, URL: u.URL, Links: u.Links}.Flatten(&m.ResourceFields)
}

// UserAttributes are the computed attributes a user has on both Chat v2 and
// Conversations v1; links names the API's own link names for the docs.
func UserAttributes(links string) map[string]schema.Attribute {
	return framework.ResourceAttributes("user", links, map[string]schema.Attribute{
		"attributes":    schema.StringAttribute{Computed: true, CustomType: jsontypes.NormalizedType{}, MarkdownDescription: "Application-specific data, the JSON string exactly as Twilio returns it; null when Twilio returns null. Decode it with `jsondecode()`."},
		"friendly_name": framework.TextAttribute("Display name of the user; null when none was set."),
		"role_sid":      framework.TextAttribute("SID of the Role assigned to the user (`RL...`)."),
		"is_online": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user is connected to the service. " +
			"Null (not `false`) when the service's reachability indicator is off or the user has never been online."},
		"is_notifiable": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user has a potentially valid push notification registration. " +
			"Null (not `false`) when the service's reachability indicator is off or the user never had a registration."},
	})
}

// IdentityArgument is the optional identity of a user lookup.
func IdentityArgument() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Identity of the user, case-sensitive, as your application assigned it (often a user name or an e-mail address). Any characters are accepted, including `/ ? # %% +`, spaces and Unicode; `.` and `..` are refused because they would change the meaning of the URL. At most %d bytes. Exactly one of `sid` and `identity` must be set; the other is read from Twilio.", framework.MaxPathSegmentBytes),
		Optional:            true,
		Computed:            true,
		Validators:          framework.PathSegmentValidators(),
	}
}
