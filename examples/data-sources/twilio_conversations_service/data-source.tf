# Find a Conversations service by name (the account's services, 100 to a
# page, matched exactly), then read its users and roles.
data "twilio_conversations_service" "flex" {
  friendly_name = "Flex Chat Service"
}

data "twilio_conversations_role" "participant" {
  chat_service_sid = data.twilio_conversations_service.flex.sid
  friendly_name    = "channel user"
}

# Or by SID.
data "twilio_conversations_service" "by_sid" {
  sid = data.twilio_conversations_service.flex.sid
}

output "participant_role_sid" {
  value = data.twilio_conversations_role.participant.sid
}
