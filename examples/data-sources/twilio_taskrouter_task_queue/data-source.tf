data "twilio_flex_configuration" "this" {}

# Flex's queue "Everyone", by name: the workspace's queues are read once per
# run and matched exactly, case included.
data "twilio_taskrouter_task_queue" "everyone" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  friendly_name = "Everyone"
}

# Or by SID: the Flex configuration names the queue Flex targets.
data "twilio_taskrouter_task_queue" "target" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  sid           = data.twilio_flex_configuration.this.taskrouter_target_taskqueue_sid
}

output "everyone" {
  value = {
    sid            = data.twilio_taskrouter_task_queue.everyone.sid
    target_workers = data.twilio_taskrouter_task_queue.everyone.target_workers
    is_flex_target = data.twilio_taskrouter_task_queue.everyone.sid == data.twilio_taskrouter_task_queue.target.sid
  }
}
