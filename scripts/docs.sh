#!/usr/bin/env bash
# Generate docs/ with tfplugindocs from templates/, examples/ and the
# provider's schema, offline: the schema comes from `terraform providers
# schema -json` run by the local CLI against the provider built from this
# checkout, so tfplugindocs neither builds the provider nor downloads a CLI.
#
# Usage: scripts/docs.sh generate   rewrite docs/
#        scripts/docs.sh check      fail if docs/ differs from what generate
#                                   writes, or breaks the registry's rules
#
# TFPLUGINDOCS is the path of the tfplugindocs binary (the GNUmakefile
# installs the pinned version and sets it).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-}
case "$mode" in generate | check) ;; *) echo "usage: $0 generate|check" >&2; exit 2 ;; esac
tfplugindocs=${TFPLUGINDOCS:-tfplugindocs}

work=$(mktemp -d "${TMPDIR:-/tmp}/bigcommerce-docs.XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$root/scripts/dev-provider.sh"
dev_provider "$work"

mkdir "$work/schema"
cat >"$work/schema/main.tf" <<'TF'
terraform {
  required_providers {
    bigcommerce = {
      source = "hashicorp/bigcommerce"
    }
  }
}
TF
(cd "$work/schema" && "$TF" providers schema -json >"$work/schema.json" 2>"$work/schema.err" </dev/null) ||
	{ cat "$work/schema.err" >&2; echo "docs: terraform providers schema failed" >&2; exit 1; }

# generate renders in place; check renders a copy of the inputs and compares.
case "$mode" in
generate) dir=$root ;;
check)
	dir=$work/site
	mkdir -p "$dir"
	for d in templates examples docs; do
		if [ -d "$root/$d" ]; then cp -R "$root/$d" "$dir/$d"; fi
	done
	;;
esac

# tfplugindocs reports progress on stdout and problems on stderr; a warning
# (such as a template for a resource the provider lacks) fails the run too.
"$tfplugindocs" generate \
	--provider-dir "$dir" \
	--provider-name bigcommerce \
	--providers-schema "$work/schema.json" \
	--website-temp-dir "$work/tmp" >"$work/generate.log" 2>"$work/generate.err" ||
	{ cat "$work/generate.log" "$work/generate.err" >&2; echo "docs: tfplugindocs generate failed" >&2; exit 1; }
if [ -s "$work/generate.err" ]; then
	cat "$work/generate.err" >&2
	echo "docs: tfplugindocs generate reported problems (above)" >&2
	exit 1
fi

if [ "$mode" = check ]; then
	if ! diff -ru "$root/docs" "$dir/docs" >"$work/docs.diff"; then
		cat "$work/docs.diff"
		echo >&2
		echo "docs/ is out of date: run 'make generate' and commit the result." >&2
		exit 1
	fi
	# The registry's expectations: layout, front matter, one page per resource.
	(cd "$root" && "$tfplugindocs" validate \
		--provider-name bigcommerce \
		--providers-schema "$work/schema.json" >"$work/validate.log" 2>&1) ||
		{ grep -v '\[DEBUG\]' "$work/validate.log" >&2; echo "docs: tfplugindocs validate failed" >&2; exit 1; }
	echo "docs/ is up to date and valid."
fi
