package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// twilio_taskrouter_activities: every activity of a workspace, sorted by name, from
// the list the lookups by name share.

// NewActivitiesDataSource is the factory of twilio_taskrouter_activities.
func NewActivitiesDataSource() datasource.DataSource {
	return &framework.List[taskrouterapi.Activity, activityModel]{
		Base:    framework.Base{Name: "taskrouter_activities", ReadTimeout: framework.PluralReadTimeout},
		Objects: activities, Scope: workspace, Attr: "activities",
		Description: "Reads every activity of a TaskRouter workspace (TaskRouter v1 API), or only those that are `available` (or not), a page of 1000 per request. Each activity has every attribute of `twilio_taskrouter_activity`, nulls included.",
		Index:       "Index them by name with `{ for a in data.<this>.activities : a.friendly_name => a.sid }`.",
		Attributes:  activityAttributes,
		Flatten:     flattenActivity,
		Filter: &framework.BoolFilter[taskrouterapi.Activity]{
			Attr:        "available",
			Description: "When set, only the activities whose `available` is this value: `true` for those in which workers can be assigned tasks. When not set, every activity.",
			Of:          func(a *taskrouterapi.Activity) *bool { return a.Available },
		},
	}
}
