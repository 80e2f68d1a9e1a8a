#!/usr/bin/env bash
# Runs examples/demo with OpenTofu against the chat emulator, through a dev
# override, so that nothing leaves this machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.bin"
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
. "$root/scripts/lib.sh"
trap 'stop_emulator; rm -rf "$work"' EXIT

export TWILIO_ACCOUNT_SID=AC00000000000000000000000000000001
export TWILIO_AUTH_TOKEN=demo-auth-token-not-a-secret
unset TWILIO_API_KEY TWILIO_API_SECRET TWILIO_REGION TWILIO_EDGE

start_emulator "$bin" "$root/examples/demo/seed.json" "$work"
echo "==> emulator of Chat v2 and Conversations v1 listening on $TWILIO_CHAT_ENDPOINT (seeded from examples/demo/seed.json)"

write_dev_override "$work/cli.tfrc" "$bin"
export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
cp "$root/examples/demo/main.tf" "$work/"
cd "$work"

echo "==> tofu apply (examples/demo)"
if ! "$bin/tofu" apply -auto-approve -input=false -no-color >"$work/apply.log" 2>&1; then
  cat "$work/apply.log"
  exit 1
fi
grep -E 'Read complete|Creation complete|Apply complete' "$work/apply.log"
echo
echo "==> users and roles looked up, on Chat and on Conversations, and the role SIDs wired into terraform_data:"
"$bin/tofu" output -no-color
echo
echo "==> stopping the emulator"
