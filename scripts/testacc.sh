#!/usr/bin/env bash
# testacc.sh CLI GO-TEST-ARGS...: runs `go test GO-TEST-ARGS...` as an
# acceptance run on CLI, a path or a name on PATH. Whether it is OpenTofu or
# Terraform, and which version, comes from the binary itself; OpenTofu needs
# terraform-plugin-testing told its registry host.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/cli.sh
. "$root/scripts/cli.sh"
cli=${1:?usage: testacc.sh CLI GO-TEST-ARGS...}
case $cli in
*/*) [ -x "$cli" ] || { echo "testacc: $cli is not an executable file" >&2; exit 1; } ;;
*) cli=$(command -v "$1") || { echo "testacc: no $1 on PATH" >&2; exit 1; } ;;
esac
shift
cli=$(absolute "$cli")
describe_cli "$cli" || { echo "testacc: $cli_error" >&2; exit 1; }
echo "==> acceptance tests on $cli_name v$cli_version ($cli)"

# A CLI configuration that exists keeps a developer's own ~/.terraformrc out.
export TF_ACC=1 TF_ACC_TERRAFORM_PATH="$cli" TF_CLI_CONFIG_FILE=/dev/null CHECKPOINT_DISABLE=1
if [ "$cli_name" = OpenTofu ]; then
  export TF_ACC_PROVIDER_HOST=registry.opentofu.org TF_ACC_PROVIDER_NAMESPACE=hashicorp
else
  unset TF_ACC_PROVIDER_HOST TF_ACC_PROVIDER_NAMESPACE
fi
cd "$root"
exec go test "$@"
