#!/usr/bin/env bash
# Check every example under examples/: `terraform fmt`, then `terraform
# validate` against the provider built from this checkout (dev_overrides, no
# registry, no init).
#
# Each directory is validated in a temporary copy. Snippets without a
# required_providers block (the resource and data source examples the docs
# show) get one added. Import examples (import-*.tf) are validated one at a
# time together with the directory's other files, since each names the same
# resource; import.sh is checked for shell syntax; .tfquery.hcl files are
# validated with -query.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/bigcommerce-examples.XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$root/scripts/dev-provider.sh"
dev_provider "$work"

cd "$root"
echo "terraform fmt -check -recursive examples/"
if ! "$TF" fmt -check -recursive -diff examples/; then
	echo "examples: not formatted; run 'make fmt'" >&2
	exit 1
fi

failed=0
n=0
# validate <label> <file>...: validate the files as one configuration.
validate() {
	local label=$1 dir
	shift
	n=$((n + 1))
	dir=$work/config/$n
	mkdir -p "$dir"
	cp "$@" "$dir/"
	if ! grep -qs required_providers "$dir"/*.tf /dev/null; then
		cat >"$dir/zz_required_providers.tf" <<'TF'
terraform {
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}
TF
	fi
	local args=(-no-color)
	if compgen -G "$dir/*.tfquery.hcl" >/dev/null; then args+=(-query); fi
	if out=$(cd "$dir" && "$TF" validate "${args[@]}" 2>&1 </dev/null); then
		echo "ok      $label"
	else
		echo "FAILED  $label" >&2
		sed 's/^/    /' <<<"$out" >&2
		failed=1
	fi
}

while IFS= read -r d <&3; do
	shopt -s nullglob
	main=() imports=()
	for f in "$d"/*.tf "$d"/*.tfquery.hcl; do
		case "$(basename "$f")" in
		import-*.tf) imports+=("$f") ;;
		*) main+=("$f") ;;
		esac
	done
	if [ ${#main[@]} -gt 0 ]; then validate "$d" "${main[@]}"; fi
	for f in "${imports[@]}"; do
		# validate does not check that an import block's target exists; plan would.
		to=$(sed -n 's/^[[:space:]]*to[[:space:]]*=[[:space:]]*\([A-Za-z0-9_]*\)\.\([A-Za-z0-9_-]*\).*/\1 \2/p' "$f" | head -n 1)
		if [ -z "$to" ] || ! grep -qs "^resource \"${to% *}\" \"${to#* }\"" "${main[@]}" /dev/null; then
			echo "FAILED  $f: its import block's target (to = ${to/ /.}) is not declared in $d" >&2
			failed=1
			continue
		fi
		validate "$f" "${main[@]}" "$f"
	done
	for f in "$d"/*.sh; do
		if bash -n "$f"; then echo "ok      $f"; else echo "FAILED  $f" >&2; failed=1; fi
	done
	shopt -u nullglob
done 3< <(find examples -type f \( -name '*.tf' -o -name '*.tfquery.hcl' -o -name '*.sh' \) -not -path '*/.terraform/*' -exec dirname {} \; | sort -u)

if [ "$failed" -ne 0 ]; then
	echo "examples: some examples do not validate (above)" >&2
	exit 1
fi
echo "examples: $n configurations valid"
