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
