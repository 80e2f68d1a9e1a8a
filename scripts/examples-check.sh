#!/usr/bin/env bash
# examples-check.sh CLI...: every example stays formatted and, where it needs
# only this provider and built-ins, plans on each CLI (make passes the pinned
# OpenTofu and Terraforms) against the Twilio emulator; so does every HCL
# example of README.md, docs/index.md and docs/guides/, the pages a user
# copies from.
#
# An example or a page's block that names any other provider source
# (examples/wiring and the Flex guide's import blocks need twilio/twilio) is
# only format-checked: that provider cannot be downloaded here, and without
# its schema neither validate nor plan can run.
#
# Each example is planned in an empty directory, against an emulator seeded
# from its own seed.json, else from scripts/examples-seed.json, which holds
# the users the documentation examples name, with the dev override `make
# install` prints and credentials in the environment. Examples under
# examples/ without required_providers (the data source pages show only the
# blocks they are about) get one for this provider; the pages' examples
# must declare it themselves, since users copy them whole.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.bin"
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
. "$root/scripts/lib.sh"
# shellcheck source=scripts/cli.sh
. "$root/scripts/cli.sh"
trap 'stop_emulator; rm -rf "$work"' EXIT

export TWILIO_ACCOUNT_SID=AC0123456789abcdef0123456789abcdef
export TWILIO_AUTH_TOKEN=examples-check-auth-token-not-a-secret
export CHECKPOINT_DISABLE=1
unset TWILIO_API_KEY TWILIO_API_SECRET TWILIO_REGION TWILIO_EDGE TWILIO_MAX_RETRIES
# Variables that examples declare without a default.
export TF_VAR_twilio_auth_token=$TWILIO_AUTH_TOKEN
export TF_VAR_twilio_api_secret=examples-check-api-secret-not-a-secret

write_dev_override "$work/cli.tfrc" "$bin"
export TF_CLI_CONFIG_FILE="$work/cli.tfrc"

[ $# -gt 0 ] || { echo "usage: examples-check.sh CLI..." >&2; exit 2; }
clis=("$@")
for cli in "${clis[@]}"; do
  describe_cli "$cli" || { echo "examples-check: $cli_error" >&2; exit 1; }
  echo "==> planning on $cli_name v$cli_version ($cli)"
done

echo "==> tofu fmt -check -recursive examples"
"$bin/tofu" fmt -check -recursive -diff "$root/examples"

# Each fenced hcl or terraform block of those pages, as
# $work/docs/<file>:<line>/main.tf. A block holding provider_installation
# is a CLI configuration (the dev override), not a Terraform configuration:
# it is left out.
mkdir "$work/docs"
pages=(README.md docs/index.md)
for guide in "$root"/docs/guides/*.md; do
  if [ -e "$guide" ]; then pages+=("${guide#"$root"/}"); fi
done
for page in "${pages[@]}"; do
  awk -v out="$work/docs" -v page="${page//\//_}" '
    /^```(hcl|terraform)[[:space:]]*$/ { block = 1; start = NR + 1; text = ""; next }
    block && /^```[[:space:]]*$/ {
      block = 0
      if (index(text, "provider_installation") == 0) {
        dir = out "/" page ":" start
        system("mkdir -p \"" dir "\"")
        printf "%s", text > (dir "/main.tf")
        close(dir "/main.tf")
      }
      next
    }
    block { text = text $0 "\n" }
  ' "$root/$page"
  case $page in
  README.md | docs/index.md)
    ls "$work/docs" | grep -q "^${page//\//_}:" || { echo "examples-check: $page has no HCL example" >&2; exit 1; }
    ;;
  esac
done

# plan NAME DIR SEED: DIR's configuration planned on every CLI, in an empty
# copy, against an emulator seeded from SEED.
plan() {
  local copy="$work/plan/$1" cli
  mkdir -p "$copy"
  cp "$2"/*.tf "$copy/"
  if ! grep -q required_providers "$copy"/*.tf; then
    printf 'terraform {\n  required_providers {\n    twilio = {\n      source = "%s"\n    }\n  }\n}\n' "$PROVIDER_SOURCE" >"$copy/examples_check_providers.tf"
  fi
  start_emulator "$bin" "$3" "$work"
  for cli in "${clis[@]}"; do
    echo "==> $1: $(basename "$cli") plan against the emulator seeded from ${3#"$root"/}"
    if ! (cd "$copy" && "$cli" plan -input=false -no-color -lock=false >"$work/plan.log" 2>&1); then
      cat "$work/plan.log" >&2
      echo "examples-check: $1 does not plan on $cli" >&2
      exit 1
    fi
    grep -E '^(Plan:|No changes|Changes to Outputs)' "$work/plan.log" || true
    rm -rf "$copy/.terraform" "$copy/.terraform.lock.hcl"
  done
  stop_emulator
  planned=$((planned + 1))
}

planned=0
while IFS= read -r dir; do
  name=${dir#"$root"/}
  others=$(grep -hoE 'source[[:space:]]*=[[:space:]]*"[^"]+"' "$dir"/*.tf | grep -vF "\"$PROVIDER_SOURCE\"" || true)
  if [ -n "$others" ]; then
    echo "==> $name: format-checked only, it needs another provider: ${others//$'\n'/, }"
    continue
  fi
  seed="$root/scripts/examples-seed.json"
  [ -f "$dir/seed.json" ] && seed="$dir/seed.json"
  plan "$name" "$dir" "$seed"
done < <(find "$root/examples" -name '*.tf' -exec dirname {} \; | sort -u)

for dir in "$work"/docs/*/; do
  name=$(basename "$dir")
  name=${name/#docs_guides_/docs/guides/}
  name=${name/#docs_index.md/docs/index.md}
  grep -q required_providers "$dir/main.tf" ||
    { echo "examples-check: the example at $name declares no required_providers: users copy it whole" >&2; exit 1; }
  "$bin/tofu" fmt -check -diff "$dir/main.tf" ||
    { echo "examples-check: the example at $name is not formatted" >&2; exit 1; }
  others=$(grep -hoE 'source[[:space:]]*=[[:space:]]*"[^"]+"' "$dir/main.tf" | grep -vF "\"$PROVIDER_SOURCE\"" || true)
  if [ -n "$others" ]; then
    echo "==> $name: format-checked only, it needs another provider: ${others//$'\n'/, }"
    continue
  fi
  plan "$name" "$dir" "$root/scripts/examples-seed.json"
done

[ "$planned" -gt 0 ] || { echo "examples-check: no example was planned" >&2; exit 1; }
echo "==> $planned examples planned on each of ${#clis[@]} CLIs"
