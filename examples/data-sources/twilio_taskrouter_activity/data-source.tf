data "twilio_flex_configuration" "this" {}

# Flex creates "Available", "Unavailable", "Break" and "Offline". Each lookup
# by name reads the workspace's activities once per run, whatever the number
# of lookups, and matches the name exactly, case included.
data "twilio_taskrouter_activity" "available" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  friendly_name = "Available"
}

data "twilio_taskrouter_activity" "break" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  friendly_name = "Break"
}

# Or by SID: the Flex configuration names the offline activity.
data "twilio_taskrouter_activity" "offline" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  sid           = data.twilio_flex_configuration.this.taskrouter_offline_activity_sid
}

output "activity_sids" {
  value = {
    available = data.twilio_taskrouter_activity.available.sid
    break     = data.twilio_taskrouter_activity.break.sid
    offline   = data.twilio_taskrouter_activity.offline.sid
  }
}
