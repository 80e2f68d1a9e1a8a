# By name: the account's flows are read once per run (shared by every
# lookup by name) and matched exactly, case included; the flow found is then
# fetched by its SID, since Twilio's list leaves definitions out.
data "twilio_studio_flow" "voice_ivr" {
  friendly_name = "Voice IVR"
}

locals {
  # definition is a JSON string: decode it to read the flow's widgets.
  ivr_states = { for s in jsondecode(data.twilio_studio_flow.voice_ivr.definition).states : s.name => s }
}

output "voice_ivr" {
  value = {
    sid         = data.twilio_studio_flow.voice_ivr.sid
    status      = data.twilio_studio_flow.voice_ivr.status
    revision    = data.twilio_studio_flow.voice_ivr.revision
    webhook_url = data.twilio_studio_flow.voice_ivr.webhook_url
    # The TaskRouter workflow each Send to Flex widget creates its tasks on.
    send_to_flex_workflows = { for name, s in local.ivr_states : name => s.properties.workflow if s.type == "send-to-flex" }
  }
}
