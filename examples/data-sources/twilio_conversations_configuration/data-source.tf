# The account's Conversations settings: above all its default service, which
# Flex and the Conversations API use when no service is named.
data "twilio_conversations_configuration" "account" {}

output "default_chat_service_sid" {
  value = data.twilio_conversations_configuration.account.default_chat_service_sid
}
