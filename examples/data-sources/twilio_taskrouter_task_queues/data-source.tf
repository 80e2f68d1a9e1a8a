data "twilio_flex_configuration" "this" {}

# Every task queue of the workspace, sorted by name.
data "twilio_taskrouter_task_queues" "all" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
}

# Index them by name to wire their SIDs.
output "task_queue_sid_by_name" {
  value = { for q in data.twilio_taskrouter_task_queues.all.task_queues : q.friendly_name => q.sid }
}
