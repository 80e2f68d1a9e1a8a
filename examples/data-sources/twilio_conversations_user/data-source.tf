# A user of the account's default Conversations service, by identity:
# chat_service_sid is read from Twilio.
data "twilio_conversations_user" "jing" {
  identity = "jing"
}

# A user of a given service, by SID.
data "twilio_conversations_user" "by_sid" {
  chat_service_sid = "IS0123456789abcdef0123456789abcdef"
  sid              = "US0123456789abcdef0123456789abcdef"
}

output "jing" {
  value = {
    service  = data.twilio_conversations_user.jing.chat_service_sid
    role_sid = data.twilio_conversations_user.jing.role_sid
  }
}
