# Shared by the scripts that run the project's OpenTofu against the provider
# built in .bin/ and the Twilio emulator. Source it; it defines functions only.
#
# PROVIDER_SOURCE is the provider's namespace/type (seed-29301ef8/twilio),
# which the Makefile reads from RegistryAddress in internal/provider.
: "${PROVIDER_SOURCE:?is not set: run this script through make}"

# write_dev_override FILE DIR: a CLI configuration that takes this provider
# from DIR, under both registry hosts, so that no init or download is needed.
write_dev_override() {
  cat >"$1" <<TFRC
provider_installation {
  dev_overrides {
    "registry.opentofu.org/$PROVIDER_SOURCE" = "$2"
    "registry.terraform.io/$PROVIDER_SOURCE" = "$2"
  }
  direct {}
}
TFRC
}

# start_emulator BIN SEED WORKDIR: starts the emulator on loopback with the
# credentials in TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN, waits for its URL, and
# exports it as TWILIO_CHAT_ENDPOINT and TWILIO_CONVERSATIONS_ENDPOINT, its
# /flex as TWILIO_FLEX_ENDPOINT, its /taskrouter as
# TWILIO_TASKROUTER_ENDPOINT, its /serverless as TWILIO_SERVERLESS_ENDPOINT
# and its /studio as TWILIO_STUDIO_ENDPOINT: it serves the six APIs. Sets
# emulator_pid for stop_emulator.
start_emulator() {
  rm -f "$3/url"
  "$1/twilio-emulator" -seed "$2" -url-file "$3/url" >"$3/emulator.log" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 1 100); do
    [ -s "$3/url" ] && break
    sleep 0.1
  done
  [ -s "$3/url" ] || { cat "$3/emulator.log" >&2; echo "the Twilio emulator did not start" >&2; exit 1; }
  TWILIO_CHAT_ENDPOINT=$(cat "$3/url")
  TWILIO_CONVERSATIONS_ENDPOINT=$TWILIO_CHAT_ENDPOINT
  TWILIO_FLEX_ENDPOINT=$TWILIO_CHAT_ENDPOINT/flex
  TWILIO_TASKROUTER_ENDPOINT=$TWILIO_CHAT_ENDPOINT/taskrouter
  TWILIO_SERVERLESS_ENDPOINT=$TWILIO_CHAT_ENDPOINT/serverless
  TWILIO_STUDIO_ENDPOINT=$TWILIO_CHAT_ENDPOINT/studio
  export TWILIO_CHAT_ENDPOINT TWILIO_CONVERSATIONS_ENDPOINT TWILIO_FLEX_ENDPOINT TWILIO_TASKROUTER_ENDPOINT \
    TWILIO_SERVERLESS_ENDPOINT TWILIO_STUDIO_ENDPOINT
}

stop_emulator() {
  if [ -n "${emulator_pid:-}" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
    emulator_pid=""
  fi
}
