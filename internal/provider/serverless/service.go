package serverless

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	serverlessapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/serverless"
)

// twilio_serverless_service: one Serverless service, by sid or by
// unique_name. Twilio's fetch takes either in its path, so both cost one
// request, and the answer must be the service asked for.

// NewServiceDataSource is the factory of twilio_serverless_service.
func NewServiceDataSource() datasource.DataSource {
	uniqueName := serviceUniqueNameArgument()
	return &framework.Lookup[serverlessapi.Service, serviceModel]{
		Base:    framework.Base{Name: "serverless_service"},
		Objects: services, ByFetch: true, NameArgument: &uniqueName,
		Description: "Looks up one Serverless service (Serverless v1 API) by SID or by `unique_name`, with one request either way, " +
			"so that its SID can be wired into its environments and functions. Attributes that Twilio returns as `null` are null here too.",
		Attributes: serviceAttributes,
		Flatten:    flattenService,
	}
}

func serviceUniqueNameArgument() schema.StringAttribute {
	a := framework.TextAttribute("Unique name of the service, as Twilio matches it in the path of its fetch (Flex's Functions are usually in `default`). " +
		"Exactly one of `sid` and `unique_name` must be set.")
	a.Optional = true
	a.Validators = framework.PathSegmentValidators()
	return a
}

type serviceModel struct {
	Sid                types.String `tfsdk:"sid"`
	UniqueName         types.String `tfsdk:"unique_name"`
	FriendlyName       types.String `tfsdk:"friendly_name"`
	IncludeCredentials types.Bool   `tfsdk:"include_credentials"`
	UIEditable         types.Bool   `tfsdk:"ui_editable"`
	DomainBase         types.String `tfsdk:"domain_base"`
	framework.ResourceFields
}

func serviceAttributes() map[string]schema.Attribute {
	return framework.ResourceAttributes("service", "`environments`, `functions`, `assets` and `builds`", map[string]schema.Attribute{
		"friendly_name":       framework.TextAttribute("Display name of the service."),
		"include_credentials": framework.FlagAttribute("Whether the account's credentials are injected into the context of its functions"),
		"ui_editable":         framework.FlagAttribute("Whether the service can be edited in the Twilio Console"),
		"domain_base":         framework.TextAttribute("Base of the domains of the service's environments (its unique name and a random number), such as `default-1234`."),
	})
}

// flattenService copies a service into the model, keeping every null null.
func flattenService(s *serverlessapi.Service, m *serviceModel) diag.Diagnostics {
	m.Sid = types.StringPointerValue(s.Sid)
	m.UniqueName = types.StringPointerValue(s.UniqueName)
	m.FriendlyName = types.StringPointerValue(s.FriendlyName)
	m.IncludeCredentials = types.BoolPointerValue(s.IncludeCredentials)
	m.UIEditable = types.BoolPointerValue(s.UIEditable)
	m.DomainBase = types.StringPointerValue(s.DomainBase)
	return framework.Resource{AccountSid: s.AccountSid, DateCreated: s.DateCreated, DateUpdated: s.DateUpdated, URL: s.URL, Links: s.Links}.Flatten(&m.ResourceFields)
}
