# A role of the account's default Conversations service, by name.
data "twilio_conversations_role" "service_admin" {
  friendly_name = "service admin"
}

# A conversation-scoped role of a given service.
data "twilio_conversations_role" "participant" {
  chat_service_sid = "IS0123456789abcdef0123456789abcdef"
  friendly_name    = "channel user"
  type             = "conversation"
}

output "role_sids" {
  value = [data.twilio_conversations_role.service_admin.sid, data.twilio_conversations_role.participant.sid]
}
