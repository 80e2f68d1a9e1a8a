# Look a user up by identity (case-sensitive; any characters, including
# "/", "?", "#", spaces and Unicode).
data "twilio_chat_user" "jing" {
  service_sid = "IS0123456789abcdef0123456789abcdef"
  identity    = "jing"
}

# Or by SID.
data "twilio_chat_user" "by_sid" {
  service_sid = "IS0123456789abcdef0123456789abcdef"
  sid         = "US0123456789abcdef0123456789abcdef"

  timeouts = {
    read = "1m"
  }
}

# Wire the role into another resource; it is known at plan time.
output "jing_role_sid" {
  value = data.twilio_chat_user.jing.role_sid
}
