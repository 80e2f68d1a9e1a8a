package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// twilio_taskrouter_activity: one activity of a workspace, by sid, or by
// name from the workspace's list of activities (Flex's are "Available",
// "Unavailable", "Break" and "Offline").

// NewActivityDataSource is the factory of twilio_taskrouter_activity.
func NewActivityDataSource() datasource.DataSource {
	return &framework.Lookup[taskrouterapi.Activity, activityModel]{
		Base:    framework.Base{Name: "taskrouter_activity"},
		Objects: activities, Scope: workspace,
		Description: "Looks up one activity of a TaskRouter workspace (TaskRouter v1 API) by SID, or by name among the workspace's activities, " +
			"so that its SID can be wired where an `activity_sid` is expected. Attributes that Twilio returns as `null` are null here too.",
		Attributes: activityAttributes,
		Flatten:    flattenActivity,
	}
}

type activityModel struct {
	Sid          types.String `tfsdk:"sid"`
	FriendlyName types.String `tfsdk:"friendly_name"`
	Available    types.Bool   `tfsdk:"available"`
	framework.ResourceFields
}

func activityAttributes() map[string]schema.Attribute {
	return framework.ResourceAttributes("activity", "`workspace`", map[string]schema.Attribute{
		"available": framework.FlagAttribute("Whether a worker in this activity can be assigned tasks"),
	})
}

// flattenActivity copies an activity into the model, keeping every null null.
func flattenActivity(a *taskrouterapi.Activity, m *activityModel) diag.Diagnostics {
	m.Sid = types.StringPointerValue(a.Sid)
	m.FriendlyName = types.StringPointerValue(a.FriendlyName)
	m.Available = types.BoolPointerValue(a.Available)
	return framework.Resource{AccountSid: a.AccountSid, DateCreated: a.DateCreated, DateUpdated: a.DateUpdated, URL: a.URL, Links: a.Links}.Flatten(&m.ResourceFields)
}
