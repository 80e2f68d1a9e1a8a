# The provider's address; `terraform init` (or `tofu init`) installs it.
terraform {
  required_providers {
    twilio = {
      source = "seed-29301ef8/twilio"
    }
  }
}

# Account SID and auth token. Prefer the environment variables
# TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN over literals in configuration.
provider "twilio" {
  account_sid = "AC0123456789abcdef0123456789abcdef"
  auth_token  = var.twilio_auth_token
}

# An API key and secret (preferred for automation: revocable on its own).
provider "twilio" {
  alias      = "api_key"
  api_key    = "SK0123456789abcdef0123456789abcdef"
  api_secret = var.twilio_api_secret
}

# A region reached through an edge location: chat.dublin.ie1.twilio.com.
provider "twilio" {
  alias  = "ireland"
  edge   = "dublin"
  region = "ie1"
}

# Everything from the environment: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN (or
# TWILIO_API_KEY, TWILIO_API_SECRET), TWILIO_REGION, TWILIO_EDGE,
# TWILIO_CHAT_ENDPOINT, TWILIO_CONVERSATIONS_ENDPOINT, TWILIO_MAX_RETRIES.
provider "twilio" {
  alias = "from_environment"
}

# Retries and time limits for CI pipelines against a rate-limited API.
provider "twilio" {
  alias           = "patient"
  max_retries     = 8
  request_timeout = "10s"
}

variable "twilio_auth_token" {
  type      = string
  sensitive = true
}

variable "twilio_api_secret" {
  type      = string
  sensitive = true
}
