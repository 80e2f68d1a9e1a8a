package chatbase

import (
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
	Sid          types.String `tfsdk:"sid"`
	FriendlyName types.String `tfsdk:"friendly_name"`
	framework.ResourceFields
}

// ServiceAttributes are the attributes of ServiceFields that are never
// arguments; links names the API's own link names.
func ServiceAttributes(links string) map[string]schema.Attribute {
	return framework.ResourceAttributes("service", links, map[string]schema.Attribute{})
}

// FlattenService copies what every API's service has, keeping every null
// null.
func FlattenService(s *chatapi.ServiceBase, m *ServiceFields) diag.Diagnostics {
	m.Sid = types.StringPointerValue(s.Sid)
	m.FriendlyName = types.StringPointerValue(s.FriendlyName)
	return framework.Resource{AccountSid: s.AccountSid, DateCreated: s.DateCreated, DateUpdated: s.DateUpdated, URL: s.URL, Links: s.Links}.Flatten(&m.ResourceFields)
}
