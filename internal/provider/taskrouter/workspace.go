package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// twilio_taskrouter_workspace: one workspace of the account, by sid, or by
// name from the account's list of workspaces (Flex's is "Flex Task
// Assignment").

// NewWorkspaceDataSource is the factory of twilio_taskrouter_workspace.
func NewWorkspaceDataSource() datasource.DataSource {
	return &framework.Lookup[taskrouterapi.Workspace, workspaceModel]{
		Base:    framework.Base{Name: "taskrouter_workspace"},
		Objects: workspaces,
		Description: "Looks up one TaskRouter workspace (TaskRouter v1 API) by SID, or by name among the account's workspaces, " +
			"with its default and timeout activities. Attributes that Twilio returns as `null` are null here too.",
		Attributes: workspaceAttributes,
		Flatten:    flattenWorkspace,
	}
}

type workspaceModel struct {
	Sid                  types.String `tfsdk:"sid"`
	FriendlyName         types.String `tfsdk:"friendly_name"`
	DefaultActivityName  types.String `tfsdk:"default_activity_name"`
	DefaultActivitySid   types.String `tfsdk:"default_activity_sid"`
	TimeoutActivityName  types.String `tfsdk:"timeout_activity_name"`
	TimeoutActivitySid   types.String `tfsdk:"timeout_activity_sid"`
	EventCallbackURL     types.String `tfsdk:"event_callback_url"`
	EventsFilter         types.String `tfsdk:"events_filter"`
	MultiTaskEnabled     types.Bool   `tfsdk:"multi_task_enabled"`
	PrioritizeQueueOrder types.String `tfsdk:"prioritize_queue_order"`
	framework.ResourceFields
}

func workspaceAttributes() map[string]schema.Attribute {
	text := framework.TextAttribute
	return framework.ResourceAttributes("workspace", "`activities`, `task_queues`, `workflows`, `task_channels` and `workers`", map[string]schema.Attribute{
		"default_activity_name":  text("Name of the activity new workers start in."),
		"default_activity_sid":   text("SID of the activity (`WA...`) new workers start in."),
		"timeout_activity_name":  text("Name of the activity a worker moves to when a task reservation times out."),
		"timeout_activity_sid":   text("SID of the activity (`WA...`) a worker moves to when a task reservation times out."),
		"event_callback_url":     text("URL Twilio calls when an event occurs in the workspace; null when none is set."),
		"events_filter":          text("Comma-separated events for which Twilio calls `event_callback_url`; null when every event is sent."),
		"multi_task_enabled":     framework.FlagAttribute("Whether workers can hold several tasks at once"),
		"prioritize_queue_order": text("Which task queues workers get tasks from first when they are in both kinds: `FIFO` or `LIFO`."),
	})
}

// flattenWorkspace copies a workspace into the model, keeping every null null.
func flattenWorkspace(w *taskrouterapi.Workspace, m *workspaceModel) diag.Diagnostics {
	m.Sid = types.StringPointerValue(w.Sid)
	m.FriendlyName = types.StringPointerValue(w.FriendlyName)
	m.DefaultActivityName = types.StringPointerValue(w.DefaultActivityName)
	m.DefaultActivitySid = types.StringPointerValue(w.DefaultActivitySid)
	m.TimeoutActivityName = types.StringPointerValue(w.TimeoutActivityName)
	m.TimeoutActivitySid = types.StringPointerValue(w.TimeoutActivitySid)
	m.EventCallbackURL = types.StringPointerValue(w.EventCallbackURL)
	m.EventsFilter = types.StringPointerValue(w.EventsFilter)
	m.MultiTaskEnabled = types.BoolPointerValue(w.MultiTaskEnabled)
	m.PrioritizeQueueOrder = types.StringPointerValue(w.PrioritizeQueueOrder)
	return framework.Resource{AccountSid: w.AccountSid, DateCreated: w.DateCreated, DateUpdated: w.DateUpdated, URL: w.URL, Links: w.Links}.Flatten(&m.ResourceFields)
}
