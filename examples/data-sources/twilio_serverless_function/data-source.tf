data "twilio_serverless_service" "default" {
  unique_name = "default"
}

data "twilio_serverless_environment" "dev" {
  service_sid   = data.twilio_serverless_service.default.sid
  domain_suffix = "dev"
}

# A function's friendly_name is usually its path. The service's functions
# are read once per run and matched exactly, case included.
data "twilio_serverless_function" "send_to_flex" {
  service_sid   = data.twilio_serverless_service.default.sid
  friendly_name = "/send-to-flex"
}

# What a Studio "Run Function" widget names: the service, environment and
# function SIDs, and the function's URL.
output "run_function" {
  value = {
    service_sid     = data.twilio_serverless_service.default.sid
    environment_sid = data.twilio_serverless_environment.dev.sid
    function_sid    = data.twilio_serverless_function.send_to_flex.sid
    url             = "https://${data.twilio_serverless_environment.dev.domain_name}${data.twilio_serverless_function.send_to_flex.friendly_name}"
  }
}
