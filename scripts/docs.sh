#!/usr/bin/env bash
# docs.sh generate|check: docs/ from templates/, examples/ and the provider's
# schema, with tfplugindocs, offline.
#
# tfplugindocs would otherwise build the provider and download Terraform to
# read the schema; the project's own OpenTofu exports it instead, through a
# dev override of the freshly built provider (no `init`: dev overrides need
# none), and --providers-schema hands it over.
#
# `check` regenerates into a temporary copy of the tree, fails if docs/
# differs, then runs `tfplugindocs validate` on docs/.
set -euo pipefail
mode=${1:?usage: docs.sh generate|check}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/export"
# shellcheck source=scripts/lib.sh
. "$root/scripts/lib.sh"
write_dev_override "$work/export/cli.tfrc" "$bin"
cat >"$work/export/main.tf" <<HCL
terraform {
  required_providers {
    twilio = {
      source = "$PROVIDER_SOURCE"
    }
  }
}
HCL
(cd "$work/export" && TF_CLI_CONFIG_FILE="$work/export/cli.tfrc" "$bin/tofu" providers schema -json >schema.json 2>stderr) ||
  { cat "$work/export/stderr" >&2; exit 1; }
# tfplugindocs looks the schema up as "twilio" or
# "registry.terraform.io/hashicorp/twilio", never under our own address. The
# pattern only matches the key: inside a JSON string a quote is escaped.
schema="$work/providers-schema.json"
sed "s|\"registry.opentofu.org/$PROVIDER_SOURCE\":|\"twilio\":|" "$work/export/schema.json" >"$schema"
grep -q '"twilio":' "$schema" || { echo "docs.sh: the exported schema has no registry.opentofu.org/$PROVIDER_SOURCE" >&2; exit 1; }

tfplugindocs() { "$bin/tfplugindocs" "$@" --provider-name twilio --providers-schema "$schema"; }

case "$mode" in
generate)
  tfplugindocs generate --provider-dir "$root" >"$work/generate.log" || { cat "$work/generate.log" >&2; exit 1; }
  echo "docs/ generated"
  ;;
check)
  mkdir "$work/tree"
  cp -R "$root/templates" "$root/examples" "$work/tree/"
  tfplugindocs generate --provider-dir "$work/tree" >"$work/generate.log" || { cat "$work/generate.log" >&2; exit 1; }
  if ! diff -ru "$root/docs" "$work/tree/docs"; then
    echo "docs/ is out of date with the schema, templates/ or examples/: run make docs and commit docs/" >&2
    exit 1
  fi
  tfplugindocs validate --provider-dir "$root" >"$work/validate.log" 2>&1 || { cat "$work/validate.log" >&2; exit 1; }
  echo "docs/ is up to date and valid"
  ;;
*)
  echo "usage: docs.sh generate|check" >&2
  exit 2
  ;;
esac
