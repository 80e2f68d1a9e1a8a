# The demo starts from the account's Flex configuration and finds the Chat
# service by name, with no SID written anywhere: the Flex configuration's
# flex_service_instance_sid feeds the Conversations role and users
# lookups, and the service found by name the Chat ones (the same service
# as the configuration's chat_service_instance_sid). It looks chat users up
# by identity and by SID, wires their role_sid into another resource, finds
# roles by name (and every role of the service), reads every user of
# the service in one request, and finds what Flex created in TaskRouter,
# Serverless and Studio by name. `make demo` runs it against the emulator;
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
  service_sid      = data.twilio_chat_service.flex.sid
}

# The Chat service by its name, as a Flex team knows it.
data "twilio_chat_service" "flex" {
  friendly_name = "Flex Chat Service"
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
    flex_service_instance_sid     = local.flex_service_sid
    chat_service_by_name_is_flexs = data.twilio_chat_service.flex.sid == data.twilio_flex_configuration.this.chat_service_instance_sid
    taskrouter_workspace_sid      = data.twilio_flex_configuration.this.taskrouter_workspace_sid
    agent_role                    = "${data.twilio_conversations_role.agent.friendly_name} = ${data.twilio_conversations_role.agent.sid}"
    users_with_the_agent_role     = sort([for u in data.twilio_conversations_users.agents.users : u.identity if u.role_sid == data.twilio_conversations_role.agent.sid])
    every_user                    = { for u in data.twilio_conversations_users.agents.users : u.identity => u.role_sid }
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

# Every role of the service, indexed by name: the lookups by name above
# and this list share one read of the service's roles.
data "twilio_chat_roles" "all" {
  service_sid = local.service_sid
}

output "role_sid_by_name" {
  value = { for r in data.twilio_chat_roles.all.roles : "${r.friendly_name} (${r.type})" => r.sid }
}

output "service" {
  value = {
    sid                      = data.twilio_chat_service.flex.sid
    default_service_role_sid = data.twilio_chat_service.flex.default_service_role_sid
  }
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

# TaskRouter: what Flex created in its workspace, found by name from the
# Flex configuration's workspace, with no WS, WA, TC, WQ or WW SID written.
# Each list is read once, whatever the number of lookups on it.
locals {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
}

data "twilio_taskrouter_workspace" "flex" {
  friendly_name = "Flex Task Assignment"
}

data "twilio_taskrouter_activity" "flex" {
  for_each      = toset(["Available", "Unavailable", "Break", "Offline"])
  workspace_sid = local.workspace_sid
  friendly_name = each.key
}

data "twilio_taskrouter_task_channel" "voice" {
  workspace_sid = local.workspace_sid
  unique_name   = "voice"
}

data "twilio_taskrouter_task_queue" "everyone" {
  workspace_sid = local.workspace_sid
  friendly_name = "Everyone"
}

data "twilio_taskrouter_workflow" "assign_to_anyone" {
  workspace_sid = local.workspace_sid
  friendly_name = "Assign to Anyone"
}

output "taskrouter_chain" {
  value = {
    workspace                  = "${data.twilio_taskrouter_workspace.flex.friendly_name} = ${data.twilio_taskrouter_workspace.flex.sid}"
    workspace_is_flexs         = data.twilio_taskrouter_workspace.flex.sid == local.workspace_sid
    activity_sid_by_name       = { for name, a in data.twilio_taskrouter_activity.flex : name => a.sid }
    offline_is_flexs           = data.twilio_taskrouter_activity.flex["Offline"].sid == data.twilio_flex_configuration.this.taskrouter_offline_activity_sid
    voice_task_channel         = data.twilio_taskrouter_task_channel.voice.sid
    everyone_queue             = data.twilio_taskrouter_task_queue.everyone.sid
    assign_to_anyone_workflow  = data.twilio_taskrouter_workflow.assign_to_anyone.sid
    workflow_is_flexs_target   = data.twilio_taskrouter_workflow.assign_to_anyone.sid == data.twilio_flex_configuration.this.taskrouter_target_workflow_sid
    workflow_routes_everything = jsondecode(data.twilio_taskrouter_workflow.assign_to_anyone.configuration).task_routing.default_filter.queue == data.twilio_taskrouter_task_queue.everyone.sid
  }
}

# Serverless and Studio: the domain of the environment Flex's Studio flows
# call, and the flows and Flex Flows, found by name. The Voice IVR's
# definition names that domain and Flex's workflow: the whole chain, with
# no ZS, ZE, FW or FO SID written.
data "twilio_serverless_service" "default" {
  unique_name = "default"
}

data "twilio_serverless_environment" "dev" {
  service_sid   = data.twilio_serverless_service.default.sid
  domain_suffix = "dev"
}

data "twilio_studio_flow" "voice_ivr" {
  friendly_name = "Voice IVR"
}

data "twilio_flex_flow" "web" {
  friendly_name = "Flex Web Channel Flow"
}

locals {
  ivr_states = { for s in jsondecode(data.twilio_studio_flow.voice_ivr.definition).states : s.name => s }
}

output "serverless_and_studio" {
  value = {
    service_sid           = data.twilio_serverless_service.default.sid
    dev_domain            = data.twilio_serverless_environment.dev.domain_name
    voice_ivr_flow        = data.twilio_studio_flow.voice_ivr.sid
    ivr_calls_dev_domain  = local.ivr_states.function_hello.properties.url == "https://${data.twilio_serverless_environment.dev.domain_name}/hello"
    ivr_hands_to_workflow = local.ivr_states.SendCallToAgent.properties.workflow == data.twilio_taskrouter_workflow.assign_to_anyone.sid
    web_chat_flex_flow    = data.twilio_flex_flow.web.sid
    web_chat_studio_flow  = jsondecode(data.twilio_flex_flow.web.integration).flow_sid
  }
}
