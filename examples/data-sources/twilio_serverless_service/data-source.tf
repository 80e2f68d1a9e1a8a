# Flex's Functions are usually in the service "default". Twilio's fetch takes
# the unique name in place of the SID, so this is one request, and the
# provider checks that the answer is the service asked for.
data "twilio_serverless_service" "default" {
  unique_name = "default"
}

output "serverless_service" {
  value = {
    sid = data.twilio_serverless_service.default.sid
    # Every environment's domain starts with it: default-1234-dev.twil.io.
    domain_base = data.twilio_serverless_service.default.domain_base
  }
}
