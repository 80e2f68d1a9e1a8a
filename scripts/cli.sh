# Shared by the scripts that pick or describe a Terraform or OpenTofu CLI.
# Source it; it defines functions only, and needs nothing from make.

# describe_cli BIN: sets cli_name (OpenTofu or Terraform) and cli_version
# (e.g. 1.11.4) for the CLI at BIN. On failure it returns 1 with cli_error
# saying why. The version comes from `version -json` (every CLI from
# Terraform 0.13 on has it); the name from the plain `version`, because
# OpenTofu's JSON has the same keys as Terraform's.
describe_cli() {
  local json first
  cli_name="" cli_version="" cli_error=""
  if ! json=$(TF_CLI_CONFIG_FILE=/dev/null CHECKPOINT_DISABLE=1 "$1" version -json 2>/dev/null); then
    cli_error="\`$1 version -json\` failed (CLIs older than Terraform 0.13 lack it)"
    return 1
  fi
  cli_version=$(printf '%s\n' "$json" | sed -n 's/.*"terraform_version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
  if [ -z "$cli_version" ]; then
    cli_error="\`$1 version -json\` names no terraform_version"
    return 1
  fi
  first=$(TF_CLI_CONFIG_FILE=/dev/null CHECKPOINT_DISABLE=1 "$1" version 2>/dev/null | head -n 1)
  case $first in
  OpenTofu*) cli_name=OpenTofu ;;
  Terraform*) cli_name=Terraform ;;
  *)
    cli_error="$1 is neither OpenTofu nor Terraform (\`version\` says: $first)"
    return 1
    ;;
  esac
}

# cli_at_least_1_0: whether the CLI that describe_cli last described is 1.0
# or later (sets cli_error when not).
cli_at_least_1_0() {
  local major=${cli_version%%.*}
  case $major in
  '' | *[!0-9]*) cli_error="version $cli_version is not a number" && return 1 ;;
  esac
  [ "$major" -ge 1 ] || { cli_error="$cli_name v$cli_version is older than 1.0" && return 1; }
}

# absolute PATH: PATH made absolute (go test runs CLIs from another directory).
absolute() {
  case $1 in
  /*) printf '%s\n' "$1" ;;
  *) printf '%s/%s\n' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")" ;;
  esac
}
