# The demo starts from the account's Flex configuration, with no SID
# written anywhere: its flex_service_instance_sid feeds the Conversations
# role and users lookups, and its chat_service_instance_sid the Chat ones.
# It looks chat users up by identity and by SID, wires their role_sid into
# another resource, finds roles by name, and reads every user of the
# service in one request. `make demo` runs it against the emulator;
# credentials and endpoints come from TWILIO_* environment variables.
terraform {
  required_providers {
    twilio = {
      source = "seed-29301ef8/twilio"
    }
  }
}

provider "twilio" {}

# The SIDs a Flex contact centre is built on, read from Twilio.
data "twilio_flex_configuration" "this" {}

locals {
  flex_service_sid = data.twilio_flex_configuration.this.flex_service_instance_sid
  service_sid      = data.twilio_flex_configuration.this.chat_service_instance_sid
}

# Flex configuration → Conversations service → role → users.
data "twilio_conversations_role" "agent" {
  chat_service_sid = local.flex_service_sid
  friendly_name    = "service admin"
  type             = "service"
}

data "twilio_conversations_users" "agents" {
  chat_service_sid = local.flex_service_sid
}

output "flex_chain" {
  value = {
    flex_service_instance_sid = local.flex_service_sid
    taskrouter_workspace_sid  = data.twilio_flex_configuration.this.taskrouter_workspace_sid
    agent_role                = "${data.twilio_conversations_role.agent.friendly_name} = ${data.twilio_conversations_role.agent.sid}"
    users_with_the_agent_role = sort([for u in data.twilio_conversations_users.agents.users : u.identity if u.role_sid == data.twilio_conversations_role.agent.sid])
    every_user                = { for u in data.twilio_conversations_users.agents.users : u.identity => u.role_sid }
  }
}

variable "identities" {
  type    = set(string)
  default = ["jing", "ops/on-call lead", "李静"]
}

data "twilio_chat_user" "member" {
  for_each    = var.identities
  service_sid = local.service_sid
  identity    = each.key
}

# The same user again, by the SID the lookup by identity found.
data "twilio_chat_user" "by_sid" {
  service_sid = local.service_sid
  sid         = data.twilio_chat_user.member["jing"].sid
}

# Stands for any resource that takes a role: terraform_data needs no
# other provider.
resource "terraform_data" "role_binding" {
  for_each = data.twilio_chat_user.member
  input = {
    identity = each.value.identity
    role_sid = each.value.role_sid
  }
}

output "users" {
  value = {
    for identity, user in data.twilio_chat_user.member : identity => {
      sid           = user.sid
      role_sid      = user.role_sid
      friendly_name = user.friendly_name
      is_online     = user.is_online
      is_notifiable = user.is_notifiable
    }
  }
}

output "user_by_sid" {
  value = "${data.twilio_chat_user.by_sid.sid} is ${data.twilio_chat_user.by_sid.identity}"
}

output "wired_role_sids" {
  value = { for identity, binding in terraform_data.role_binding : identity => binding.output.role_sid }
}

# A role by name (Twilio has no lookup by name: the provider reads the
# service's roles), compared with the role_sid a user has.
data "twilio_chat_role" "service_admin" {
  service_sid   = local.service_sid
  friendly_name = "service admin"
}

output "jing_is_service_admin" {
  value = data.twilio_chat_user.member["jing"].role_sid == data.twilio_chat_role.service_admin.sid
}

# Every user of the service in one request (100 to a page), indexed by
# identity.
data "twilio_chat_users" "all" {
  service_sid = local.service_sid
}

output "role_sid_by_identity" {
  value = { for u in data.twilio_chat_users.all.users : u.identity => u.role_sid }
}

# Conversations, Chat's successor, on the same service: start from the
# account's default Conversations service, look a user up there, and wire
# its role_sid, or the service's default conversation role.
data "twilio_conversations_configuration" "account" {}

data "twilio_conversations_service_configuration" "default" {
  chat_service_sid = data.twilio_conversations_configuration.account.default_chat_service_sid
}

data "twilio_conversations_user" "jing" {
  identity = "jing"
}

data "twilio_conversations_role" "participant" {
  friendly_name = "channel user"
  type          = "conversation"
}

resource "terraform_data" "conversation_membership" {
  input = {
    identity              = data.twilio_conversations_user.jing.identity
    service               = data.twilio_conversations_user.jing.chat_service_sid
    role_sid              = data.twilio_conversations_user.jing.role_sid
    default_participation = data.twilio_conversations_service_configuration.default.default_conversation_role_sid
  }
}

output "conversations" {
  value = {
    default_service                 = data.twilio_conversations_configuration.account.default_chat_service_sid
    jing_role_sid                   = data.twilio_conversations_user.jing.role_sid
    same_as_chat                    = data.twilio_conversations_user.jing.role_sid == data.twilio_chat_user.member["jing"].role_sid
    participant_role_by_name        = data.twilio_conversations_role.participant.sid
    default_conversation_role_sid   = terraform_data.conversation_membership.output.default_participation
    participant_role_is_the_default = data.twilio_conversations_role.participant.sid == data.twilio_conversations_service_configuration.default.default_conversation_role_sid
  }
}
