data "twilio_flex_configuration" "this" {}

# Every task channel of the workspace, sorted by unique_name.
data "twilio_taskrouter_task_channels" "all" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
}

# Index them by unique_name to wire their SIDs, e.g. into a worker's
# channel capacities.
output "task_channel_sid_by_unique_name" {
  value = { for c in data.twilio_taskrouter_task_channels.all.task_channels : c.unique_name => c.sid }
}
