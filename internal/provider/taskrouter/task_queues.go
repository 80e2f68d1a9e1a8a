package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// twilio_taskrouter_task_queues: every task queue of a workspace, sorted by name, from
// the list the lookups by name share.

// NewTaskQueuesDataSource is the factory of twilio_taskrouter_task_queues.
func NewTaskQueuesDataSource() datasource.DataSource {
	return &framework.List[taskrouterapi.TaskQueue, taskQueueModel]{
		Base:    framework.Base{Name: "taskrouter_task_queues", ReadTimeout: framework.PluralReadTimeout},
		Objects: taskQueues, Scope: workspace, Attr: "task_queues",
		Description: "Reads every task queue of a TaskRouter workspace (TaskRouter v1 API), a page of 1000 per request. Each task queue has every attribute of `twilio_taskrouter_task_queue`, nulls included.",
		Index:       "Index them by name with `{ for q in data.<this>.task_queues : q.friendly_name => q.sid }`.",
		Attributes:  taskQueueAttributes,
		Flatten:     flattenTaskQueue,
	}
}
