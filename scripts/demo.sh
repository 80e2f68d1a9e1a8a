#!/usr/bin/env bash
# Runs examples/demo against the Twilio emulator, through a dev override, so
# that nothing leaves this machine, on the CLI that is there: TF if given
# (tofu, terraform or a path), else tofu on PATH, else terraform on PATH
# (each 1.0 or later), else the pinned OpenTofu, built into BIN if missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$root/.bin}
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
. "$root/scripts/lib.sh"
# shellcheck source=scripts/cli.sh
. "$root/scripts/cli.sh"
trap 'stop_emulator; rm -rf "$work"' EXIT

# build_pinned NAME: the pinned tofu or terraform in BIN, built if missing.
build_pinned() {
  "${MAKE:-make}" -s --no-print-directory -C "$root" BIN="$bin" "$bin/$1" >&2
  printf '%s\n' "$bin/$1"
}

cli=""
if [ -n "${TF:-}" ]; then
  case $TF in
  */*) cli=$TF ;;
  tofu | terraform) cli=$(command -v "$TF") || cli=$(build_pinned "$TF") ;;
  *) cli=$(command -v "$TF") || { echo "demo: TF=$TF is not on PATH" >&2; exit 1; } ;;
  esac
  describe_cli "$cli" && cli_at_least_1_0 || { echo "demo: TF=$TF: $cli_error" >&2; exit 1; }
else
  for name in tofu terraform; do
    found=$(command -v "$name") || { echo "==> no $name on PATH"; continue; }
    if describe_cli "$found" && cli_at_least_1_0; then
      cli=$found
      break
    fi
    echo "==> skipping $found: $cli_error"
  done
  if [ -z "$cli" ]; then
    echo "==> no tofu or terraform 1.0 or later on PATH: the pinned OpenTofu in .bin/"
    cli=$(build_pinned tofu)
    describe_cli "$cli" || { echo "demo: $cli_error" >&2; exit 1; }
  fi
fi
cli=$(absolute "$cli")
echo "==> using $cli_name v$cli_version ($cli)"

export TWILIO_ACCOUNT_SID=AC00000000000000000000000000000001
export TWILIO_AUTH_TOKEN=demo-auth-token-not-a-secret
export CHECKPOINT_DISABLE=1
unset TWILIO_API_KEY TWILIO_API_SECRET TWILIO_REGION TWILIO_EDGE

start_emulator "$bin" "$root/examples/demo/seed.json" "$work"
echo "==> emulator of Chat v2, Conversations v1, Flex v1, TaskRouter v1, Serverless v1 and Studio v2 listening on $TWILIO_CHAT_ENDPOINT, Flex on $TWILIO_FLEX_ENDPOINT, TaskRouter on $TWILIO_TASKROUTER_ENDPOINT, Serverless on $TWILIO_SERVERLESS_ENDPOINT, Studio on $TWILIO_STUDIO_ENDPOINT (seeded from examples/demo/seed.json)"

write_dev_override "$work/cli.tfrc" "$bin"
export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
cp "$root/examples/demo/main.tf" "$work/"
cd "$work"

echo "==> apply (examples/demo)"
if ! "$cli" apply -auto-approve -input=false -no-color >"$work/apply.log" 2>&1; then
  cat "$work/apply.log"
  exit 1
fi
# The CLIs word these lines alike; sorted, without the time taken and the
# random ids of terraform_data, they read the same on every CLI and run.
grep -E 'Read complete|Creation complete' "$work/apply.log" | sed -E 's/ after [0-9]+(\.[0-9]+)?m?s//; s/ \[id=[^]]*\]//' | sort
grep -E 'Apply complete' "$work/apply.log"
echo
echo "==> from the Flex configuration (flex_chain: Flex configuration → service → role → users; taskrouter_chain: → workspace → activities, voice channel, queue, workflow; serverless_and_studio: the dev domain and the Studio flows by name) to users and roles on Chat and Conversations, and the role SIDs wired into terraform_data:"
"$cli" output -no-color
echo
echo "==> stopping the emulator"
