# Give a new chat user the role an existing user has: role_sid read by this
# provider's data source configures a resource of Twilio's official provider.
#
# Both providers are called "twilio", so the official one (twilio/twilio) gets
# the local name "twilioapi". A resource type keeps its provider's own prefix,
# so twilio_chat_services_users_v2 (the official provider's Chat v2 User
# resource) needs `provider = twilioapi`: without it, Terraform would pick the
# provider whose local name is the prefix, this one.
terraform {
  required_providers {
    twilio = {
      source = "seed-29301ef8/twilio"
    }
    twilioapi = {
      source = "twilio/twilio"
    }
  }
}

# Both read TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the environment.
provider "twilio" {}
provider "twilioapi" {}

variable "service_sid" {
  type    = string
  default = "IS0123456789abcdef0123456789abcdef"
}

data "twilio_chat_user" "jing" {
  service_sid = var.service_sid
  identity    = "jing"
}

resource "twilio_chat_services_users_v2" "support_bot" {
  provider      = twilioapi
  service_sid   = var.service_sid
  identity      = "support-bot"
  friendly_name = "Support bot"
  role_sid      = data.twilio_chat_user.jing.role_sid
}

# Or give it a role by name: Twilio has no lookup by name, so the provider
# reads the service's roles and matches the name exactly.
data "twilio_chat_role" "channel_user" {
  service_sid   = var.service_sid
  friendly_name = "channel user"
  type          = "channel"
}

resource "twilio_chat_services_users_v2" "auditor" {
  provider    = twilioapi
  service_sid = var.service_sid
  identity    = "auditor"
  role_sid    = data.twilio_chat_role.channel_user.sid
}

# Conversations, Chat's successor: a user of the account's default
# Conversations service, created with the role the service gives new users
# unless an existing user's role is wanted.
data "twilio_conversations_configuration" "account" {}

data "twilio_conversations_service_configuration" "default" {
  chat_service_sid = data.twilio_conversations_configuration.account.default_chat_service_sid
}

data "twilio_conversations_user" "jing" {
  identity = "jing"
}

resource "twilio_conversations_services_users_v1" "support_bot" {
  provider         = twilioapi
  chat_service_sid = data.twilio_conversations_configuration.account.default_chat_service_sid
  identity         = "support-bot"
  role_sid         = data.twilio_conversations_user.jing.role_sid
}

output "jing_is_a_channel_user" {
  value = data.twilio_chat_user.jing.role_sid == data.twilio_chat_role.channel_user.sid
}

output "new_users_get" {
  value = data.twilio_conversations_service_configuration.default.default_chat_service_role_sid
}
