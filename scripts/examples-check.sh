#!/usr/bin/env bash
# examples-check.sh: every example stays formatted and, where it needs only
# this provider and built-ins, plans with OpenTofu against the chat emulator.
#
# An example that names any other provider source (examples/wiring needs
# twilio/twilio) is only format-checked: that provider cannot be downloaded
# here, and without its schema neither validate nor plan can run.
#
# Each example is planned in a temporary copy, against an emulator seeded from
# its own seed.json, else from scripts/examples-seed.json, which holds the
# users the documentation examples name. Examples without required_providers
# (the provider and data source pages show only the blocks they are about)
# get one for this provider.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.bin"
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
. "$root/scripts/lib.sh"
trap 'stop_emulator; rm -rf "$work"' EXIT

export TWILIO_ACCOUNT_SID=AC0123456789abcdef0123456789abcdef
export TWILIO_AUTH_TOKEN=examples-check-auth-token-not-a-secret
unset TWILIO_API_KEY TWILIO_API_SECRET TWILIO_REGION TWILIO_EDGE TWILIO_MAX_RETRIES
# Variables that examples declare without a default.
export TF_VAR_twilio_auth_token=$TWILIO_AUTH_TOKEN
export TF_VAR_twilio_api_secret=examples-check-api-secret-not-a-secret

write_dev_override "$work/cli.tfrc" "$bin"
export TF_CLI_CONFIG_FILE="$work/cli.tfrc"

echo "==> tofu fmt -check -recursive examples"
"$bin/tofu" fmt -check -recursive -diff "$root/examples"

planned=0
while IFS= read -r dir; do
  name=${dir#"$root"/}
  others=$(grep -hoE 'source[[:space:]]*=[[:space:]]*"[^"]+"' "$dir"/*.tf | grep -vF "\"$PROVIDER_SOURCE\"" || true)
  if [ -n "$others" ]; then
    echo "==> $name: format-checked only, it needs another provider: ${others//$'\n'/, }"
    continue
  fi
  copy="$work/plan/$name"
  mkdir -p "$copy"
  cp "$dir"/*.tf "$copy/"
  if ! grep -q required_providers "$copy"/*.tf; then
    printf 'terraform {\n  required_providers {\n    twilio = {\n      source = "%s"\n    }\n  }\n}\n' "$PROVIDER_SOURCE" >"$copy/examples_check_providers.tf"
  fi
  seed="$root/scripts/examples-seed.json"
  [ -f "$dir/seed.json" ] && seed="$dir/seed.json"
  start_emulator "$bin" "$seed" "$work"
  echo "==> $name: tofu plan against the emulator seeded from ${seed#"$root"/}"
  if ! (cd "$copy" && "$bin/tofu" plan -input=false -no-color -lock=false >"$work/plan.log" 2>&1); then
    cat "$work/plan.log" >&2
    echo "examples-check: $name does not plan" >&2
    exit 1
  fi
  grep -E '^(Plan:|No changes|Changes to Outputs)' "$work/plan.log" || true
  stop_emulator
  planned=$((planned + 1))
done < <(find "$root/examples" -name '*.tf' -exec dirname {} \; | sort -u)

[ "$planned" -gt 0 ] || { echo "examples-check: no example was planned" >&2; exit 1; }
echo "==> $planned examples planned"
