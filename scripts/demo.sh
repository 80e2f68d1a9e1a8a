#!/usr/bin/env bash
# Runs examples/demo with OpenTofu against the chat emulator, through a dev
# override, so that nothing leaves this machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.bin"
work=$(mktemp -d)
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export TWILIO_ACCOUNT_SID=AC00000000000000000000000000000001
export TWILIO_AUTH_TOKEN=demo-auth-token-not-a-secret
unset TWILIO_API_KEY TWILIO_API_SECRET TWILIO_REGION TWILIO_EDGE

"$bin/chat-emulator" -seed "$root/examples/demo/seed.json" -url-file "$work/url" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/url" ] && break
  sleep 0.1
done
[ -s "$work/url" ] || { cat "$work/emulator.log"; echo "the emulator did not start" >&2; exit 1; }
export TWILIO_CHAT_ENDPOINT=$(cat "$work/url")
echo "==> chat emulator listening on $TWILIO_CHAT_ENDPOINT (seeded from examples/demo/seed.json)"

cat >"$work/cli.tfrc" <<TFRC
provider_installation {
  dev_overrides {
    "registry.opentofu.org/seed-29301ef8/twilio"   = "$bin"
    "registry.terraform.io/seed-29301ef8/twilio" = "$bin"
  }
  direct {}
}
TFRC
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
echo "==> users looked up, and the role_sid wired into terraform_data.role_binding:"
"$bin/tofu" output -no-color
echo
echo "==> stopping the chat emulator"
