package studio

import (
	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	studioapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/studio"
)

// twilio_studio_flow: one Studio flow, by sid, or by name from the
// account's list of flows and then fetched by its sid, so that every
// attribute, its definition included, is what a fetch returns.

// NewFlowDataSource is the factory of twilio_studio_flow.
func NewFlowDataSource() datasource.DataSource {
	return &framework.Lookup[studioapi.Flow, flowModel]{
		Base:    framework.Base{Name: "studio_flow"},
		Objects: flows, FetchFound: true,
		Description: "Looks up one Studio flow (Studio v2 API) by SID, or by name among the account's flows, with its `definition`: " +
			"by name it costs the list of flows (shared with every lookup of the run) and one fetch. Attributes that Twilio returns as `null` are null here too.",
		Attributes: flowAttributes,
		Flatten:    flattenFlow,
	}
}

type flowModel struct {
	Sid           types.String         `tfsdk:"sid"`
	FriendlyName  types.String         `tfsdk:"friendly_name"`
	Definition    jsontypes.Normalized `tfsdk:"definition"`
	Status        types.String         `tfsdk:"status"`
	Revision      types.Int64          `tfsdk:"revision"`
	CommitMessage types.String         `tfsdk:"commit_message"`
	Valid         types.Bool           `tfsdk:"valid"`
	Errors        jsontypes.Normalized `tfsdk:"errors"`
	Warnings      jsontypes.Normalized `tfsdk:"warnings"`
	WebhookURL    types.String         `tfsdk:"webhook_url"`
	framework.ResourceFields
}

func flowAttributes() map[string]schema.Attribute {
	text := framework.TextAttribute
	return framework.ResourceAttributes("flow", "`test_users`, `revisions` and `executions`", map[string]schema.Attribute{
		"definition":     framework.JSONAttribute("The flow's definition (its `states` and `initial_state`)."),
		"status":         text("Status of the flow: `draft` or `published`."),
		"revision":       framework.CountAttribute("Latest revision number of the flow's definition"),
		"commit_message": text("Description of the latest revision's change; null when none was given."),
		"valid":          framework.FlagAttribute("Whether the definition is valid"),
		"errors":         framework.JSONAttribute("Errors in the definition, an array."),
		"warnings":       framework.JSONAttribute("Warnings about the definition, an array."),
		"webhook_url":    text("URL that starts an execution of the flow from a webhook."),
	})
}

// flattenFlow copies a flow into the model, keeping every null null; the
// definition, errors and warnings stay the JSON Twilio sent.
func flattenFlow(f *studioapi.Flow, m *flowModel) diag.Diagnostics {
	m.Sid = types.StringPointerValue(f.Sid)
	m.FriendlyName = types.StringPointerValue(f.FriendlyName)
	m.Definition = framework.FlattenJSON(f.Definition)
	m.Status = types.StringPointerValue(f.Status)
	m.Revision = types.Int64PointerValue(f.Revision)
	m.CommitMessage = types.StringPointerValue(f.CommitMessage)
	m.Valid = types.BoolPointerValue(f.Valid)
	m.Errors = framework.FlattenJSON(f.Errors)
	m.Warnings = framework.FlattenJSON(f.Warnings)
	m.WebhookURL = types.StringPointerValue(f.WebhookURL)
	return framework.Resource{AccountSid: f.AccountSid, DateCreated: f.DateCreated, DateUpdated: f.DateUpdated, URL: f.URL, Links: f.Links}.Flatten(&m.ResourceFields)
}
