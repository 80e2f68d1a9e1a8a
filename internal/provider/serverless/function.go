package serverless

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	serverlessapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/serverless"
)

// twilio_serverless_function: one function of a Serverless service, by sid,
// or by name from the service's list of functions.

// NewFunctionDataSource is the factory of twilio_serverless_function.
func NewFunctionDataSource() datasource.DataSource {
	return &framework.Lookup[serverlessapi.Function, functionModel]{
		Base:    framework.Base{Name: "serverless_function"},
		Objects: functions, Scope: service,
		Description: "Looks up one function of a Serverless service (Serverless v1 API) by SID, or by name among the service's functions. " +
			"Attributes that Twilio returns as `null` are null here too.",
		Attributes: functionAttributes,
		Flatten:    flattenFunction,
	}
}

type functionModel struct {
	Sid          types.String `tfsdk:"sid"`
	FriendlyName types.String `tfsdk:"friendly_name"`
	framework.ResourceFields
}

func functionAttributes() map[string]schema.Attribute {
	return framework.ResourceAttributes("function", "`function_versions`", map[string]schema.Attribute{})
}

// flattenFunction copies a function into the model, keeping every null
// null.
func flattenFunction(f *serverlessapi.Function, m *functionModel) diag.Diagnostics {
	m.Sid = types.StringPointerValue(f.Sid)
	m.FriendlyName = types.StringPointerValue(f.FriendlyName)
	return framework.Resource{AccountSid: f.AccountSid, DateCreated: f.DateCreated, DateUpdated: f.DateUpdated, URL: f.URL, Links: f.Links}.Flatten(&m.ResourceFields)
}
