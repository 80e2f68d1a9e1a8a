data "twilio_flex_configuration" "this" {}

# Flex's workflow "Assign to Anyone", by name: the workspace's workflows are
# read once per run and matched exactly, case included.
data "twilio_taskrouter_workflow" "assign_to_anyone" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  friendly_name = "Assign to Anyone"
}

# Or by SID: the Flex configuration names the workflow Flex targets.
data "twilio_taskrouter_workflow" "target" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  sid           = data.twilio_flex_configuration.this.taskrouter_target_workflow_sid
}

output "assign_to_anyone" {
  value = {
    sid = data.twilio_taskrouter_workflow.assign_to_anyone.sid
    # configuration is a JSON string: decode it to read the routing.
    default_queue_sid = jsondecode(data.twilio_taskrouter_workflow.assign_to_anyone.configuration).task_routing.default_filter.queue
  }
}
