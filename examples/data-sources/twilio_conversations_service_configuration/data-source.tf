data "twilio_conversations_service_configuration" "main" {
  chat_service_sid = "IS0123456789abcdef0123456789abcdef"
}

# The role Twilio gives every participant who joins a conversation.
output "default_conversation_role_sid" {
  value = data.twilio_conversations_service_configuration.main.default_conversation_role_sid
}
