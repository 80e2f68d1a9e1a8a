#!/usr/bin/env bash
# Usage: with-prism.sh PRISM SPEC COMMAND...
# Runs COMMAND with Prism mocking the OpenAPI description SPEC on a free
# loopback port, exported as TWILIO_CONTRACT_ENDPOINT. Prism is stopped
# however COMMAND ends, and its log is shown when COMMAND fails.
set -euo pipefail
prism=$1 spec=$2
shift 2

log=$(mktemp)
# Prism's telemetry dependency would phone home; there is no network for it.
SCARF_ANALYTICS=false "$prism" mock -h 127.0.0.1 -p 0 "$spec" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT

# Port 0 lets the system pick a free port, which Prism then logs.
endpoint=
for _ in $(seq 600); do
  endpoint=$(grep -o 'Prism is listening on http://127\.0\.0\.1:[0-9]*' "$log" | grep -o 'http://.*' || true)
  [[ -n $endpoint ]] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    cat "$log" >&2
    echo "with-prism: Prism exited before listening" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z $endpoint ]]; then
  tail -n 20 "$log" >&2
  echo "with-prism: Prism did not listen within 60 s" >&2
  exit 1
fi

# Listening is not answering: wait for the spec's own example to come back.
probe="$endpoint/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users/jing"
for _ in $(seq 100); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -u ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:probe "$probe" || true)
  [[ $status == 200 ]] && break
  sleep 0.1
done
if [[ $status != 200 ]]; then
  tail -n 20 "$log" >&2
  echo "with-prism: GET $probe answered $status, want 200" >&2
  exit 1
fi
echo "with-prism: Prism serves $spec at $endpoint"

export TWILIO_CONTRACT_ENDPOINT=$endpoint
if ! "$@"; then
  echo "with-prism: the command failed; the end of Prism's log:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
