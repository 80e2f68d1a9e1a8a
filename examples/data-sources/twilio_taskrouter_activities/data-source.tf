data "twilio_flex_configuration" "this" {}

# Every activity of the workspace, sorted by name.
data "twilio_taskrouter_activities" "all" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
}

# Only those in which an agent can be assigned tasks.
data "twilio_taskrouter_activities" "available" {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
  available     = true
}

# Index them by name to wire their SIDs.
output "activity_sid_by_name" {
  value = { for a in data.twilio_taskrouter_activities.all.activities : a.friendly_name => a.sid }
}

output "available_activities" {
  value = [for a in data.twilio_taskrouter_activities.available.activities : a.friendly_name]
}
