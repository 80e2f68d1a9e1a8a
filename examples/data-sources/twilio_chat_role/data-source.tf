# Look a role up by name: Twilio has no lookup by name, so the provider reads
# the service's roles (100 to a page) and matches the name exactly.
data "twilio_chat_role" "service_admin" {
  service_sid   = "IS0123456789abcdef0123456789abcdef"
  friendly_name = "service admin"
}

# When roles of different types share a name, say which type.
data "twilio_chat_role" "channel_user" {
  service_sid   = "IS0123456789abcdef0123456789abcdef"
  friendly_name = "channel user"
  type          = "channel"
}

# Or by SID.
data "twilio_chat_role" "by_sid" {
  service_sid = "IS0123456789abcdef0123456789abcdef"
  sid         = "RL11111111111111111111111111111111"
}

output "service_admin_role_sid" {
  value = data.twilio_chat_role.service_admin.sid
}
