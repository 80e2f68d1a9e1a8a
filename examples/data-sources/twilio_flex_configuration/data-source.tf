# The account's Flex configuration: the SIDs a Flex contact centre is built
# on, read from Twilio rather than written by hand.
data "twilio_flex_configuration" "this" {}

# Flex's Conversations service feeds the lookups of its roles and users.
data "twilio_conversations_role" "agent" {
  chat_service_sid = data.twilio_flex_configuration.this.flex_service_instance_sid
  friendly_name    = "service user"
}

output "flex" {
  value = {
    conversations_service = data.twilio_flex_configuration.this.flex_service_instance_sid
    taskrouter_workspace  = data.twilio_flex_configuration.this.taskrouter_workspace_sid
    agent_role_sid        = data.twilio_conversations_role.agent.sid
    # Values the spec leaves untyped are JSON strings.
    skills = [for s in jsondecode(data.twilio_flex_configuration.this.taskrouter_skills) : s.name]
  }
}
