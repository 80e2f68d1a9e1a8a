package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
)

// resourceFields are what every TaskRouter object has besides its own
// fields: its account, dates, URL and links.
type resourceFields struct {
	AccountSid  types.String      `tfsdk:"account_sid"`
	DateCreated timetypes.RFC3339 `tfsdk:"date_created"`
	DateUpdated timetypes.RFC3339 `tfsdk:"date_updated"`
	URL         types.String      `tfsdk:"url"`
	Links       types.Map         `tfsdk:"links"`
}

// resource is an object's resourceFields as Twilio sent them.
type resource struct {
	accountSid, dateCreated, dateUpdated, url *string
	links                                     map[string]*string
}

func (r resource) flatten(m *resourceFields) diag.Diagnostics {
	var diags diag.Diagnostics
	m.AccountSid = types.StringPointerValue(r.accountSid)
	m.DateCreated = framework.FlattenDate(r.dateCreated, "date_created", &diags)
	m.DateUpdated = framework.FlattenDate(r.dateUpdated, "date_updated", &diags)
	m.URL = types.StringPointerValue(r.url)
	m.Links = framework.FlattenLinks(r.links, &diags)
	return diags
}

// resourceAttributes are the schema of resourceFields for an object that
// is a noun, whose links are links, with its own attributes added.
func resourceAttributes(noun, links string, own map[string]schema.Attribute) map[string]schema.Attribute {
	own["account_sid"] = framework.TextAttribute("SID of the Account that created the " + noun + ".")
	own["date_created"] = framework.DateAttribute("When the " + noun + " was created")
	own["date_updated"] = framework.DateAttribute("When the " + noun + " was last updated")
	own["url"] = framework.TextAttribute("Absolute URL of the " + noun + " resource.")
	own["links"] = framework.LinksAttribute(links)
	return own
}
