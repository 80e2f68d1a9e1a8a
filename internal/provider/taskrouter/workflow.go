package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// twilio_taskrouter_workflow: one workflow of a workspace, by sid, or by
// name from the workspace's list of workflows (Flex's is "Assign to
// Anyone").

// NewWorkflowDataSource is the factory of twilio_taskrouter_workflow.
func NewWorkflowDataSource() datasource.DataSource {
	return &framework.Lookup[taskrouterapi.Workflow, workflowModel]{
		Base:    framework.Base{Name: "taskrouter_workflow"},
		Objects: workflows, Scope: workspace,
		Description: "Looks up one workflow of a TaskRouter workspace (TaskRouter v1 API) by SID, or by name among the workspace's workflows, " +
			"with its routing `configuration`. Attributes that Twilio returns as `null` are null here too.",
		Attributes: workflowAttributes,
		Flatten:    flattenWorkflow,
	}
}

type workflowModel struct {
	Sid                           types.String         `tfsdk:"sid"`
	FriendlyName                  types.String         `tfsdk:"friendly_name"`
	Configuration                 jsontypes.Normalized `tfsdk:"configuration"`
	DocumentContentType           types.String         `tfsdk:"document_content_type"`
	AssignmentCallbackURL         types.String         `tfsdk:"assignment_callback_url"`
	FallbackAssignmentCallbackURL types.String         `tfsdk:"fallback_assignment_callback_url"`
	TaskReservationTimeout        types.Int64          `tfsdk:"task_reservation_timeout"`
	framework.ResourceFields
}

func workflowAttributes() map[string]schema.Attribute {
	text := framework.TextAttribute
	return framework.ResourceAttributes("workflow", "`statistics`, `real_time_statistics` and `cumulative_statistics`", map[string]schema.Attribute{
		"configuration":                    framework.JSONAttribute("How the workflow routes tasks to task queues (`task_routing` with its filters and `default_filter`)."),
		"document_content_type":            text("MIME type of the configuration document; null when Twilio returns null."),
		"assignment_callback_url":          text("URL Twilio calls when a task of the workflow is assigned to a worker; null when none is set."),
		"fallback_assignment_callback_url": text("URL Twilio calls when the call to `assignment_callback_url` fails; null when none is set."),
		"task_reservation_timeout":         framework.CountAttribute("Seconds TaskRouter waits for a reservation to be accepted"),
	})
}

// flattenWorkflow copies a workflow into the model, keeping every null
// null; configuration stays the JSON text Twilio sent.
func flattenWorkflow(w *taskrouterapi.Workflow, m *workflowModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Sid = types.StringPointerValue(w.Sid)
	m.FriendlyName = types.StringPointerValue(w.FriendlyName)
	m.Configuration = framework.FlattenJSONString(w.Configuration, "configuration", &diags)
	m.DocumentContentType = types.StringPointerValue(w.DocumentContentType)
	m.AssignmentCallbackURL = types.StringPointerValue(w.AssignmentCallbackURL)
	m.FallbackAssignmentCallbackURL = types.StringPointerValue(w.FallbackAssignmentCallbackURL)
	m.TaskReservationTimeout = types.Int64PointerValue(w.TaskReservationTimeout)
	return append(diags, framework.Resource{AccountSid: w.AccountSid, DateCreated: w.DateCreated, DateUpdated: w.DateUpdated, URL: w.URL, Links: w.Links}.Flatten(&m.ResourceFields)...)
}
