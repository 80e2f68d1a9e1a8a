# A Flex account's workspace: its SID is in the Flex configuration.
data "twilio_flex_configuration" "this" {}

data "twilio_taskrouter_workspace" "flex" {
  sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
}

# Or by name: the provider reads the account's workspaces (1000 to a page)
# and matches the name exactly, case included.
data "twilio_taskrouter_workspace" "by_name" {
  friendly_name = "Flex Task Assignment"
}

output "flex_workspace" {
  value = {
    sid = data.twilio_taskrouter_workspace.flex.sid
    # The activity new agents start in, and the one a missed reservation
    # moves them to.
    default_activity_sid = data.twilio_taskrouter_workspace.flex.default_activity_sid
    timeout_activity_sid = data.twilio_taskrouter_workspace.flex.timeout_activity_sid
  }
}
