# Find the service by name, not by an IS... SID copied from the console:
# Twilio has no lookup by name, so the provider reads the account's services
# (100 to a page) and matches the name exactly.
data "twilio_chat_service" "flex" {
  friendly_name = "Flex Chat Service"
}

# Wire its SID and its default roles.
data "twilio_chat_role" "agent" {
  service_sid   = data.twilio_chat_service.flex.sid
  friendly_name = "service user"
}

output "flex_chat_service" {
  value = {
    sid                      = data.twilio_chat_service.flex.sid
    default_service_role_sid = data.twilio_chat_service.flex.default_service_role_sid
    agent_role_sid           = data.twilio_chat_role.agent.sid
    # limits, notifications and media are Twilio's JSON, as returned.
    user_channels_limit = jsondecode(data.twilio_chat_service.flex.limits).user_channels
  }
}
