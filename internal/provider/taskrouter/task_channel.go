package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// twilio_taskrouter_task_channel: one task channel of a workspace, by sid,
// or by unique_name (`voice`, `chat`, `sms`, `video`, `default`) from the
// workspace's list of task channels.

// NewTaskChannelDataSource is the factory of twilio_taskrouter_task_channel.
func NewTaskChannelDataSource() datasource.DataSource {
	return &framework.Lookup[taskrouterapi.TaskChannel, taskChannelModel]{
		Base:    framework.Base{Name: "taskrouter_task_channel"},
		Objects: taskChannels, Scope: workspace,
		Description: "Looks up one task channel of a TaskRouter workspace (TaskRouter v1 API) by SID, or by `unique_name` (such as `voice` or `chat`) " +
			"among the workspace's task channels. Attributes that Twilio returns as `null` are null here too.",
		Attributes: taskChannelAttributes,
		Flatten:    flattenTaskChannel,
	}
}

type taskChannelModel struct {
	Sid                     types.String `tfsdk:"sid"`
	UniqueName              types.String `tfsdk:"unique_name"`
	FriendlyName            types.String `tfsdk:"friendly_name"`
	ChannelOptimizedRouting types.Bool   `tfsdk:"channel_optimized_routing"`
	framework.ResourceFields
}

func taskChannelAttributes() map[string]schema.Attribute {
	return framework.ResourceAttributes("task channel", "`workspace`", map[string]schema.Attribute{
		"friendly_name":             framework.TextAttribute("Display name of the task channel."),
		"channel_optimized_routing": framework.FlagAttribute("Whether the channel prioritizes the workers idle longest"),
	})
}

// flattenTaskChannel copies a task channel into the model, keeping every
// null null.
func flattenTaskChannel(t *taskrouterapi.TaskChannel, m *taskChannelModel) diag.Diagnostics {
	m.Sid = types.StringPointerValue(t.Sid)
	m.UniqueName = types.StringPointerValue(t.UniqueName)
	m.FriendlyName = types.StringPointerValue(t.FriendlyName)
	m.ChannelOptimizedRouting = types.BoolPointerValue(t.ChannelOptimizedRouting)
	return framework.Resource{AccountSid: t.AccountSid, DateCreated: t.DateCreated, DateUpdated: t.DateUpdated, URL: t.URL, Links: t.Links}.Flatten(&m.ResourceFields)
}
