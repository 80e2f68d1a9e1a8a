# Every role of the account's default Conversations service, a page of 50
# per request, sorted by name and type.
data "twilio_conversations_roles" "all" {}

# Only the conversation roles of a given service.
data "twilio_conversations_roles" "conversation" {
  chat_service_sid = "IS0123456789abcdef0123456789abcdef"
  type             = "conversation"
}

output "conversation_role_sid_by_name" {
  value = { for r in data.twilio_conversations_roles.conversation.roles : r.friendly_name => r.sid }
}
