# The demo: look chat users up by identity and by SID, and wire their
# role_sid into another resource. `make demo` runs it against the emulator;
# credentials and the endpoint come from TWILIO_* environment variables.
terraform {
  required_providers {
    twilio = {
      source = "seed-29301ef8/twilio"
    }
  }
}

provider "twilio" {}

variable "service_sid" {
  type    = string
  default = "IS0123456789abcdef0123456789abcdef"
}

variable "identities" {
  type    = set(string)
  default = ["jing", "ops/on-call lead", "李静"]
}

data "twilio_chat_user" "member" {
  for_each    = var.identities
  service_sid = var.service_sid
  identity    = each.key
}

data "twilio_chat_user" "by_sid" {
  service_sid = var.service_sid
  sid         = "US11111111111111111111111111111111"
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
