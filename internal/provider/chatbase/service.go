package chatbase

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// A service (IS…) is one object that Chat v2 and Conversations v1 both
// serve, Chat with many more attributes.

// ServiceFields are a service's attributes on every API (chatapi.ServiceBase).
type ServiceFields struct {
	Sid          types.String      `tfsdk:"sid"`
	FriendlyName types.String      `tfsdk:"friendly_name"`
	AccountSid   types.String      `tfsdk:"account_sid"`
	DateCreated  timetypes.RFC3339 `tfsdk:"date_created"`
	DateUpdated  timetypes.RFC3339 `tfsdk:"date_updated"`
	URL          types.String      `tfsdk:"url"`
	Links        types.Map         `tfsdk:"links"`
}

// ServiceAttributes are the attributes of ServiceFields that are never
// arguments; links names the API's own link names.
func ServiceAttributes(links string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"account_sid":  schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Account that created the service."},
		"date_created": schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the service was created, RFC 3339, as returned."},
		"date_updated": schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the service was last updated, RFC 3339, as returned."},
		"url":          schema.StringAttribute{Computed: true, MarkdownDescription: "Absolute URL of the service resource."},
		"links": schema.MapAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "URLs of related resources keyed by Twilio's link names, such as " + links + "; null when Twilio returns null."},
	}
}

// FlattenService copies what every API's service has, keeping every null
// null.
func FlattenService(s *chatapi.ServiceBase, m *ServiceFields) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Sid = types.StringPointerValue(s.Sid)
	m.FriendlyName = types.StringPointerValue(s.FriendlyName)
	m.AccountSid = types.StringPointerValue(s.AccountSid)
	m.DateCreated = framework.FlattenDate(s.DateCreated, "date_created", &diags)
	m.DateUpdated = framework.FlattenDate(s.DateUpdated, "date_updated", &diags)
	m.URL = types.StringPointerValue(s.URL)
	m.Links = framework.FlattenLinks(s.Links, &diags)
	return diags
}
