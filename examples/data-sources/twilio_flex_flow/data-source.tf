# Flex creates a Flex Flow per channel, such as "Flex Web Channel Flow" for
# web chat. The account's Flex Flows are read once per run and matched
# exactly, case included.
data "twilio_flex_flow" "web" {
  friendly_name = "Flex Web Channel Flow"
}

output "web_chat" {
  value = {
    sid              = data.twilio_flex_flow.web.sid
    channel_type     = data.twilio_flex_flow.web.channel_type
    chat_service_sid = data.twilio_flex_flow.web.chat_service_sid
    # integration is a JSON string; with integration_type "studio", its
    # flow_sid is the Studio flow the channel's messages start.
    studio_flow_sid = lookup(jsondecode(data.twilio_flex_flow.web.integration), "flow_sid", null)
  }
}
