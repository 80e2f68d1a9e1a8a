package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// twilio_taskrouter_task_queue: one task queue of a workspace, by sid, or by
// name from the workspace's list of task queues (Flex's is "Everyone").

// NewTaskQueueDataSource is the factory of twilio_taskrouter_task_queue.
func NewTaskQueueDataSource() datasource.DataSource {
	return &framework.Lookup[taskrouterapi.TaskQueue, taskQueueModel]{
		Base:    framework.Base{Name: "taskrouter_task_queue"},
		Objects: taskQueues, Scope: workspace,
		Description: "Looks up one task queue of a TaskRouter workspace (TaskRouter v1 API) by SID, or by name among the workspace's task queues. " +
			"Attributes that Twilio returns as `null` are null here too.",
		Attributes: taskQueueAttributes,
		Flatten:    flattenTaskQueue,
	}
}

type taskQueueModel struct {
	Sid                     types.String `tfsdk:"sid"`
	FriendlyName            types.String `tfsdk:"friendly_name"`
	TargetWorkers           types.String `tfsdk:"target_workers"`
	TaskOrder               types.String `tfsdk:"task_order"`
	MaxReservedWorkers      types.Int64  `tfsdk:"max_reserved_workers"`
	AssignmentActivitySid   types.String `tfsdk:"assignment_activity_sid"`
	AssignmentActivityName  types.String `tfsdk:"assignment_activity_name"`
	ReservationActivitySid  types.String `tfsdk:"reservation_activity_sid"`
	ReservationActivityName types.String `tfsdk:"reservation_activity_name"`
	framework.ResourceFields
}

func taskQueueAttributes() map[string]schema.Attribute {
	text := framework.TextAttribute
	return framework.ResourceAttributes("task queue", "`assignment_activity`, `reservation_activity`, `workspace`, `statistics`, `real_time_statistics` and `cumulative_statistics`", map[string]schema.Attribute{
		"target_workers":            text("Expression selecting the workers of the queue's tasks, such as `1==1`; null when none is set."),
		"task_order":                text("Order in which tasks are assigned: `FIFO` or `LIFO`."),
		"max_reserved_workers":      framework.CountAttribute("Most workers reserved at once for a task of the queue"),
		"assignment_activity_sid":   text("SID of the activity (`WA...`) workers move to when a task is assigned; null when none is set."),
		"assignment_activity_name":  text("Name of the activity workers move to when a task is assigned; null when none is set."),
		"reservation_activity_sid":  text("SID of the activity (`WA...`) workers move to when a task is reserved for them; null when none is set."),
		"reservation_activity_name": text("Name of the activity workers move to when a task is reserved for them; null when none is set."),
	})
}

// flattenTaskQueue copies a task queue into the model, keeping every null
// null.
func flattenTaskQueue(q *taskrouterapi.TaskQueue, m *taskQueueModel) diag.Diagnostics {
	m.Sid = types.StringPointerValue(q.Sid)
	m.FriendlyName = types.StringPointerValue(q.FriendlyName)
	m.TargetWorkers = types.StringPointerValue(q.TargetWorkers)
	m.TaskOrder = types.StringPointerValue(q.TaskOrder)
	m.MaxReservedWorkers = types.Int64PointerValue(q.MaxReservedWorkers)
	m.AssignmentActivitySid = types.StringPointerValue(q.AssignmentActivitySid)
	m.AssignmentActivityName = types.StringPointerValue(q.AssignmentActivityName)
	m.ReservationActivitySid = types.StringPointerValue(q.ReservationActivitySid)
	m.ReservationActivityName = types.StringPointerValue(q.ReservationActivityName)
	return framework.Resource{AccountSid: q.AccountSid, DateCreated: q.DateCreated, DateUpdated: q.DateUpdated, URL: q.URL, Links: q.Links}.Flatten(&m.ResourceFields)
}
