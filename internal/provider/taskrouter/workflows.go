package taskrouter

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	taskrouterapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/taskrouter"
)

// twilio_taskrouter_workflows: every workflow of a workspace, sorted by name, from
// the list the lookups by name share.

// NewWorkflowsDataSource is the factory of twilio_taskrouter_workflows.
func NewWorkflowsDataSource() datasource.DataSource {
	return &framework.List[taskrouterapi.Workflow, workflowModel]{
		Base:    framework.Base{Name: "taskrouter_workflows", ReadTimeout: framework.PluralReadTimeout},
		Objects: workflows, Scope: workspace, Attr: "workflows",
		Description: "Reads every workflow of a TaskRouter workspace (TaskRouter v1 API), a page of 1000 per request. Each workflow has every attribute of `twilio_taskrouter_workflow`, nulls included.",
		Index:       "Index them by name with `{ for w in data.<this>.workflows : w.friendly_name => w.sid }`.",
		Attributes:  workflowAttributes,
		Flatten:     flattenWorkflow,
	}
}
