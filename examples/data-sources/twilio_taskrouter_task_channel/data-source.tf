data "twilio_flex_configuration" "this" {}

# Task channels are named by unique_name: Flex creates "default", "voice",
# "chat", "sms" and "video". Each lookup reads the workspace's channels once
# per run and matches exactly, case included.
data "twilio_taskrouter_task_channel" "voice" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  unique_name   = "voice"
}

data "twilio_taskrouter_task_channel" "chat" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  unique_name   = "chat"
}

output "task_channel_sids" {
  value = {
    voice = data.twilio_taskrouter_task_channel.voice.sid
    chat  = data.twilio_taskrouter_task_channel.chat.sid
  }
}
