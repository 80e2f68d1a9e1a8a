# Every user of the account's default Conversations service, 50 per request.
data "twilio_conversations_users" "all" {}

# Exactly these users of a given service.
data "twilio_conversations_users" "team" {
  chat_service_sid = "IS0123456789abcdef0123456789abcdef"
  identities       = ["jing", "amara"]
}

output "role_sid_by_identity" {
  value = { for u in data.twilio_conversations_users.team.users : u.identity => u.role_sid }
}

# Agents who may not have signed in yet: those without a user are listed
# instead of failing the plan.
data "twilio_conversations_users" "agents" {
  identities    = ["jing", "amara", "new-hire"]
  allow_missing = true
}

output "agents_not_signed_in_yet" {
  value = data.twilio_conversations_users.agents.missing_identities
}
