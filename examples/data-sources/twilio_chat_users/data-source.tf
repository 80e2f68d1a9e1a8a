# Every user of a service, a page of 100 per request.
data "twilio_chat_users" "all" {
  service_sid = "IS0123456789abcdef0123456789abcdef"
}

# Exactly these users (each must exist), one request each, within the
# provider's max_concurrent_requests.
data "twilio_chat_users" "team" {
  service_sid = "IS0123456789abcdef0123456789abcdef"
  identities  = ["jing", "amara"]
}

# Index the users by identity to wire their attributes.
locals {
  users = { for u in data.twilio_chat_users.all.users : u.identity => u }
}

output "role_sid_by_identity" {
  value = { for identity, u in local.users : identity => u.role_sid }
}

# Agents who may not have signed in yet: those without a user are listed
# instead of failing the plan.
data "twilio_chat_users" "agents" {
  service_sid   = "IS0123456789abcdef0123456789abcdef"
  identities    = ["jing", "amara", "new-hire"]
  allow_missing = true
}

output "agents_not_signed_in_yet" {
  value = data.twilio_chat_users.agents.missing_identities
}
