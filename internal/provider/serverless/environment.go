package serverless

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	serverlessapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/serverless"
)

// twilio_serverless_environment: one environment of a Serverless service,
// by sid, or by unique_name or domain_suffix from the service's list of
// environments; above all its domain_name, what Studio flows and Flex
// plugins call.

// NewEnvironmentDataSource is the factory of twilio_serverless_environment.
func NewEnvironmentDataSource() datasource.DataSource {
	return &framework.Lookup[serverlessapi.Environment, environmentModel]{
		Base:    framework.Base{Name: "serverless_environment"},
		Objects: environments, Scope: service,
		Description: "Looks up one environment of a Serverless service (Serverless v1 API) by SID, or by `unique_name` or `domain_suffix` among the service's environments, " +
			"above all for its `domain_name`, the host its functions answer on. Attributes that Twilio returns as `null` are null here too.",
		Attributes: environmentAttributes,
		Flatten:    flattenEnvironment,
	}
}

type environmentModel struct {
	Sid          types.String `tfsdk:"sid"`
	UniqueName   types.String `tfsdk:"unique_name"`
	DomainSuffix types.String `tfsdk:"domain_suffix"`
	DomainName   types.String `tfsdk:"domain_name"`
	BuildSid     types.String `tfsdk:"build_sid"`
	framework.ResourceFields
}

func environmentAttributes() map[string]schema.Attribute {
	return framework.ResourceAttributes("environment", "`variables`, `deployments` and `logs`", map[string]schema.Attribute{
		"domain_name": framework.TextAttribute("Domain of the environment's functions and assets, such as `default-1234-dev.twil.io`: prefix it with `https://` to call them."),
		"build_sid":   framework.TextAttribute("SID of the build (`ZB...`) deployed in the environment; null when nothing is deployed."),
	})
}

// flattenEnvironment copies an environment into the model, keeping every
// null null.
func flattenEnvironment(e *serverlessapi.Environment, m *environmentModel) diag.Diagnostics {
	m.Sid = types.StringPointerValue(e.Sid)
	m.UniqueName = types.StringPointerValue(e.UniqueName)
	m.DomainSuffix = types.StringPointerValue(e.DomainSuffix)
	m.DomainName = types.StringPointerValue(e.DomainName)
	m.BuildSid = types.StringPointerValue(e.BuildSid)
	return framework.Resource{AccountSid: e.AccountSid, DateCreated: e.DateCreated, DateUpdated: e.DateUpdated, URL: e.URL, Links: e.Links}.Flatten(&m.ResourceFields)
}
