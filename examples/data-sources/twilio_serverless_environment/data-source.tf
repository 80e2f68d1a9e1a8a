data "twilio_serverless_service" "default" {
  unique_name = "default"
}

# By domain_suffix, the part of the domain that names the environment. The
# service's environments are read once per run, whatever the number of
# lookups, and matched exactly, case included.
data "twilio_serverless_environment" "dev" {
  service_sid   = data.twilio_serverless_service.default.sid
  domain_suffix = "dev"
}

# Or by unique_name: a production environment often has no suffix at all
# (domain_suffix null), so its unique name is what finds it.
data "twilio_serverless_environment" "prod" {
  service_sid = data.twilio_serverless_service.default.sid
  unique_name = "prod"
}

output "function_base_urls" {
  value = {
    dev  = "https://${data.twilio_serverless_environment.dev.domain_name}"
    prod = "https://${data.twilio_serverless_environment.prod.domain_name}"
  }
}
