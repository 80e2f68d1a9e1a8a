data "twilio_flex_configuration" "this" {}

# Every workflow of the workspace, sorted by name.
data "twilio_taskrouter_workflows" "all" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
}

# Index them by name to wire their SIDs.
output "workflow_sid_by_name" {
  value = { for w in data.twilio_taskrouter_workflows.all.workflows : w.friendly_name => w.sid }
}
