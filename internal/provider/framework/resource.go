package framework

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ResourceFields are what most of Twilio's objects have besides their own
// fields: their account, dates, URL and links.
type ResourceFields struct {
	AccountSid  types.String      `tfsdk:"account_sid"`
	DateCreated timetypes.RFC3339 `tfsdk:"date_created"`
	DateUpdated timetypes.RFC3339 `tfsdk:"date_updated"`
	URL         types.String      `tfsdk:"url"`
	Links       types.Map         `tfsdk:"links"`
}

// Resource is an object's ResourceFields as Twilio sent them.
type Resource struct {
	AccountSid, DateCreated, DateUpdated, URL *string
	Links                                     map[string]*string
}

// Flatten copies r into m, keeping every null null.
func (r Resource) Flatten(m *ResourceFields) diag.Diagnostics {
	var diags diag.Diagnostics
	m.AccountSid = types.StringPointerValue(r.AccountSid)
	m.DateCreated = FlattenDate(r.DateCreated, "date_created", &diags)
	m.DateUpdated = FlattenDate(r.DateUpdated, "date_updated", &diags)
	m.URL = types.StringPointerValue(r.URL)
	m.Links = FlattenLinks(r.Links, &diags)
	return diags
}

// ResourceAttributes are own, the attributes of an object that is a noun,
// with those of its ResourceFields added; links names its link names.
func ResourceAttributes(noun, links string, own map[string]schema.Attribute) map[string]schema.Attribute {
	own["account_sid"] = TextAttribute("SID of the Account that created the " + noun + ".")
	own["date_created"] = DateAttribute("When the " + noun + " was created")
	own["date_updated"] = DateAttribute("When the " + noun + " was last updated")
	own["url"] = TextAttribute("Absolute URL of the " + noun + " resource.")
	own["links"] = LinksAttribute(links)
	return own
}
