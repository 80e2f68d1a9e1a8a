package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// twilio_taskrouter_task_channels: every task channel of a workspace, sorted by unique_name, from
// the list the lookups by name share.

// NewTaskChannelsDataSource is the factory of twilio_taskrouter_task_channels.
func NewTaskChannelsDataSource() datasource.DataSource {
	return &framework.List[taskrouterapi.TaskChannel, taskChannelModel]{
		Base:    framework.Base{Name: "taskrouter_task_channels", ReadTimeout: framework.PluralReadTimeout},
		Objects: taskChannels, Scope: workspace, Attr: "task_channels",
		Description: "Reads every task channel of a TaskRouter workspace (TaskRouter v1 API), a page of 1000 per request. Each task channel has every attribute of `twilio_taskrouter_task_channel`, nulls included.",
		Index:       "Index them by unique name with `{ for c in data.<this>.task_channels : c.unique_name => c.sid }`.",
		Attributes:  taskChannelAttributes,
		Flatten:     flattenTaskChannel,
	}
}
