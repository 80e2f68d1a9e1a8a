#!/usr/bin/env bash
# Usage: with-prism.sh PRISM SPEC... -- COMMAND...
# Runs COMMAND with one Prism per OpenAPI description SPEC (Prism mocks one
# description per process), each on a free loopback port exported to
# COMMAND under a name given by the description's file name:
#   twilio_chat_v2.json           TWILIO_CONTRACT_ENDPOINT
#   twilio_conversations_v1.json  TWILIO_CONTRACT_CONVERSATIONS_ENDPOINT
#   twilio_flex_v1.json           TWILIO_CONTRACT_FLEX_ENDPOINT
#   twilio_taskrouter_v1.json     TWILIO_CONTRACT_TASKROUTER_ENDPOINT
#   twilio_serverless_v1.json     TWILIO_CONTRACT_SERVERLESS_ENDPOINT
#   twilio_studio_v2.json         TWILIO_CONTRACT_STUDIO_ENDPOINT
# Every Prism is stopped however COMMAND ends, and their logs are shown when
# COMMAND fails.
set -euo pipefail
usage() {
  echo "usage: with-prism.sh PRISM SPEC... -- COMMAND..." >&2
  exit 2
}
[[ $# -ge 1 ]] || usage
prism=$1
shift
specs=()
while [[ $# -gt 0 && $1 != -- ]]; do
  specs+=("$1")
  shift
done
[[ $# -gt 1 && ${#specs[@]} -gt 0 ]] || usage
shift # --

# endpoint_of SPEC sets var, the variable exported for SPEC, and probe, a
# request for the spec's own "fetch" example that Prism must answer with 200
# before the tests start.
endpoint_of() {
  case $(basename "$1") in
  twilio_chat_v2.json)
    var=TWILIO_CONTRACT_ENDPOINT probe=/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users/jing ;;
  twilio_conversations_v1.json)
    var=TWILIO_CONTRACT_CONVERSATIONS_ENDPOINT probe=/v1/Configuration ;;
  twilio_flex_v1.json)
    var=TWILIO_CONTRACT_FLEX_ENDPOINT probe=/v1/Configuration ;;
  twilio_taskrouter_v1.json)
    var=TWILIO_CONTRACT_TASKROUTER_ENDPOINT probe=/v1/Workspaces/WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ;;
  twilio_serverless_v1.json)
    var=TWILIO_CONTRACT_SERVERLESS_ENDPOINT probe=/v1/Services/ZSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ;;
  twilio_studio_v2.json)
    var=TWILIO_CONTRACT_STUDIO_ENDPOINT probe=/v2/Flows/FWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ;;
  *)
    echo "with-prism: no endpoint variable is known for $1" >&2
    exit 2 ;;
  esac
}

pids=()
logs=()
stop() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "${logs[@]}"
}
trap stop EXIT

# Every Prism starts before any is waited for: they load their
# descriptions side by side.
for spec in "${specs[@]}"; do
  endpoint_of "$spec"
  log=$(mktemp)
  logs+=("$log")
  # Prism's telemetry dependency would phone home; there is no network for it.
  SCARF_ANALYTICS=false "$prism" mock -h 127.0.0.1 -p 0 "$spec" >"$log" 2>&1 &
  pids+=($!)
done

for i in "${!specs[@]}"; do
  spec=${specs[i]} log=${logs[i]} pid=${pids[i]}
  endpoint_of "$spec"
  # Port 0 lets the system pick a free port, which Prism then logs.
  endpoint=
  for _ in $(seq 600); do
    endpoint=$(grep -o 'Prism is listening on http://127\.0\.0\.1:[0-9]*' "$log" | grep -o 'http://.*' || true)
    [[ -n $endpoint ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$log" >&2
      echo "with-prism: Prism exited before listening on $spec" >&2
      exit 1
    fi
    sleep 0.1
  done
  if [[ -z $endpoint ]]; then
    tail -n 20 "$log" >&2
    echo "with-prism: Prism did not listen within 60 s on $spec" >&2
    exit 1
  fi

  # Listening is not answering: wait for the spec's own example to come back.
  status=
  for _ in $(seq 100); do
    status=$(curl -s -o /dev/null -w '%{http_code}' -u ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:probe "$endpoint$probe" || true)
    [[ $status == 200 ]] && break
    sleep 0.1
  done
  if [[ $status != 200 ]]; then
    tail -n 20 "$log" >&2
    echo "with-prism: GET $endpoint$probe answered $status, want 200" >&2
    exit 1
  fi
  echo "with-prism: Prism serves $spec at $endpoint ($var)"
  export "$var=$endpoint"
done

if ! "$@"; then
  echo "with-prism: the command failed; the end of Prism's logs:" >&2
  for i in "${!specs[@]}"; do
    echo "--- ${specs[i]}" >&2
    tail -n 40 "${logs[i]}" >&2
  done
  exit 1
fi
