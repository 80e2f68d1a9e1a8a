# Every role of a service, a page of 100 per request, sorted by name and type.
data "twilio_chat_roles" "all" {
  service_sid = "IS0123456789abcdef0123456789abcdef"
}

# Only the roles of one type.
data "twilio_chat_roles" "deployment" {
  service_sid = "IS0123456789abcdef0123456789abcdef"
  type        = "deployment"
}

# Index them by name to wire their SIDs.
output "role_sid_by_name" {
  value = { for r in data.twilio_chat_roles.deployment.roles : r.friendly_name => r.sid }
}
