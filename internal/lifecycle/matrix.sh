#!/usr/bin/env bash
# The CLI version matrix: build each Terraform and OpenTofu release below
# (cached after the first time), run the lifecycle suite against each, print
# how long each took and write the results to testdata/matrix.txt.
#
# Usage: internal/lifecycle/matrix.sh   (from anywhere; `make testacc-matrix`)
#
# MATRIX_JOBS (default 2) CLIs are built at a time; the suites run one after
# the other, so their times compare. Exits non-zero if a build or a suite
# failed, after writing the results.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The oldest releases the README promises, the newest patch release of the
# minor versions in between that the Go module proxy serves, and the
# versions the full suites run on (make test, make testacc-tofu).
MATRIX=(
	"terraform 1.5.7"
	"terraform 1.11.4"
	"terraform 1.14.9"
	"terraform 1.16.4"
	"tofu 1.6.3"
	"tofu 1.12.6"
)
jobs=${MATRIX_JOBS:-2}
out=internal/lifecycle/testdata/matrix.txt
GO=${GO:-go}

logs=$(mktemp -d "${TMPDIR:-/tmp}/cli-matrix.XXXXXX")
trap 'rm -rf "$logs"' EXIT

# build NAME VERSION: writes the CLI's path, or nothing, and how long the
# build took ("cached" when there was nothing to build).
build() {
	local name=$1 version=$2 log="$logs/$1-$2" start=$SECONDS
	if scripts/terraform-cli.sh "$name" "$version" >"$log.path" 2>"$log.build"; then
		if grep -q '^terraform-cli: built in' "$log.build"; then
			echo "$((SECONDS - start))s" >"$log.time"
		else
			echo cached >"$log.time"
		fi
	else
		: >"$log.path"
		echo "failed after $((SECONDS - start))s" >"$log.time"
		echo "build of $name $version failed; its log:" >&2
		tail -n 30 "$log.build" >&2
	fi
}

echo "== building ${#MATRIX[@]} CLIs, $jobs at a time"
running=0
for entry in "${MATRIX[@]}"; do
	read -r name version <<<"$entry"
	build "$name" "$version" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait -n || true
		running=$((running - 1))
	fi
done
wait

rows=()
failed=0
for entry in "${MATRIX[@]}"; do
	read -r name version <<<"$entry"
	log="$logs/$name-$version"
	built=$(cat "$log.time")
	path=$(cat "$log.path")
	if [ -z "$path" ]; then
		rows+=("$name	$version	$built	-	build-failed")
		failed=1
		continue
	fi
	host=registry.terraform.io
	[ "$name" = tofu ] && host=registry.opentofu.org
	echo "== lifecycle suite on $name $version"
	start=$SECONDS
	result=pass
	CLI_MATRIX_RUN=1 TF_ACC=1 TF_CLI_CONFIG_FILE=/dev/null TF_ACC_TERRAFORM_PATH="$path" TF_ACC_PROVIDER_HOST=$host \
		"$GO" test -count=1 -timeout 20m ./internal/lifecycle/ || { result=fail; failed=1; }
	rows+=("$name	$version	$built	$((SECONDS - start))s	$result")
done

mkdir -p "$(dirname "$out")"
{
	echo "# make testacc-matrix: the lifecycle suite (internal/lifecycle) per CLI release."
	echo "# cli	version	build	test	result"
	printf '%s\n' "${rows[@]}"
} >"$out"

echo "== CLI version matrix ($out)"
{
	echo "CLI	version	build	test	result"
	printf '%s\n' "${rows[@]}"
} | awk -F'\t' '{ printf "%-10s %-8s %-16s %-6s %s\n", $1, $2, $3, $4, $5 }'
exit "$failed"
