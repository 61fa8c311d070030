#!/usr/bin/env bash
# Print the absolute path of a Terraform or OpenTofu CLI of the version the
# acceptance tests need, building it from Go module source when necessary
# (there is no release download site available, only the Go module proxy).
#
# Usage: scripts/terraform-cli.sh terraform|tofu [version]
#
# Without a version it is the one the full test suites use (below). A pinned
# version, such as `terraform 1.5.7` for the CLI version matrix, is exactly
# that release, never a newer terraform found on PATH.
#
# The path is the only line written to stdout; all progress goes to stderr.
# Built binaries are cached under
#   ${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-bigcommerce/cli/<name>-<version>/<name>
set -euo pipefail

TERRAFORM_VERSION=1.16.4
TOFU_VERSION=1.12.6

log() { printf 'terraform-cli: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
# Extract "key": "value" from a JSON document (pretty or compact) on stdin.
json_field() { sed -n "s/.*\"$1\":[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -n 1; }

usage() { echo "usage: $0 terraform|tofu [version]" >&2; exit 2; }
[ $# -eq 1 ] || [ $# -eq 2 ] || usage
pinned=${2:-}
if [ -n "$pinned" ] && ! [[ "$pinned" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
	die "version must be a release such as 1.5.7, not '$pinned'"
fi

case "$1" in
terraform)
	name=terraform
	version=${pinned:-$TERRAFORM_VERSION}
	module=github.com/hashicorp/terraform
	pkg=github.com/hashicorp/terraform
	banner="Terraform v$version"
	;;
tofu)
	name=tofu
	version=${pinned:-$TOFU_VERSION}
	module=github.com/opentofu/opentofu
	pkg=github.com/opentofu/opentofu/cmd/tofu
	banner="OpenTofu v$version"
	;;
*) usage ;;
esac

cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-bigcommerce/cli/$name-$version"
bin="$cache_dir/$name"

# Run the CLI isolated from user configuration: a TF_CLI_CONFIG_FILE pointing
# nowhere or TF_CLI_ARGS would otherwise leak into the probe, and checkpoint
# would make a network call on every `version`.
cli() {
	env -u TF_CLI_CONFIG_FILE -u TF_CLI_ARGS -u TF_CLI_ARGS_version \
		CHECKPOINT_DISABLE=1 "$@" </dev/null 2>/dev/null
}

# True if $1 is executable and its `version` banner is exactly the wanted one
# (so a -dev build is rejected).
is_wanted() {
	[ -x "$1" ] || return 1
	local out
	out=$(cli "$1" version) || return 1
	[ "${out%%$'\n'*}" = "$banner" ]
}

if is_wanted "$bin"; then
	echo "$bin"
	exit 0
fi

# A terraform already on PATH is fine if it is a release at least as new,
# but only when no version was pinned.
if [ "$name" = terraform ] && [ -z "$pinned" ] && path_tf=$(command -v terraform 2>/dev/null); then
	v=$(cli "$path_tf" version -json | json_field terraform_version) || v=
	if [[ "$v" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] &&
		[ "$(printf '%s\n%s\n' "$TERRAFORM_VERSION" "$v" | sort -V | head -n 1)" = "$TERRAFORM_VERSION" ]; then
		log "using $path_tf (terraform $v on PATH)"
		case "$path_tf" in /*) ;; *) path_tf="$PWD/$path_tf" ;; esac
		echo "$path_tf"
		exit 0
	fi
	if [ -n "$v" ]; then
		log "terraform on PATH is $v, need >= $TERRAFORM_VERSION"
	fi
fi

command -v go >/dev/null 2>&1 || die "go is required to build $name $version"

mkdir -p "$cache_dir"
# Serialise builds: a second caller waits, then finds the cached binary.
if command -v flock >/dev/null 2>&1; then
	exec 9>"$cache_dir/.lock"
	if ! flock -n 9; then
		log "waiting for another build of $name $version"
		flock 9
	fi
	if is_wanted "$bin"; then
		echo "$bin"
		exit 0
	fi
	# Leftovers of a build that was killed outright.
	rm -f "$cache_dir/.$name.tmp."*
else
	log "flock not found; building without a lock"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/$name-cli-build.XXXXXX")
tmp_bin="$cache_dir/.$name.tmp.$$"
cleanup() { rm -rf "$work" "$tmp_bin"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# Build for this host only, independent of the caller's module settings.
unset GOOS GOARCH GOFLAGS GOWORK
export GOWORK=off GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0

log "fetching $module@v$version"
dl=$(cd "$work" && go mod download -json "$module@v$version") ||
	die "go mod download $module@v$version failed"
src=$(json_field Dir <<<"$dl")
info=$(json_field Info <<<"$dl")
if [ -z "$src" ] || [ ! -f "$src/go.mod" ]; then
	die "no go.mod for $module@v$version"
fi

# Replace directives of upstream go.mod as "lhs<TAB>rhs", from both the
# single-line and the block form, comments stripped.
replaces() {
	awk '
		{ sub(/\/\/.*/, "") }
		/^replace[ \t]*\($/ { inblock = 1; next }
		inblock && /^[ \t]*\)/ { inblock = 0; next }
		/^replace[ \t]/ { sub(/^replace[ \t]+/, ""); emit($0); next }
		inblock && /=>/ { emit($0) }
		function emit(s,   i, l, r) {
			i = index(s, "=>")
			l = substr(s, 1, i - 1); r = substr(s, i + 2)
			gsub(/^[ \t]+|[ \t]+$/, "", l); gsub(/^[ \t]+|[ \t]+$/, "", r)
			print l "\t" r
		}
	' "$src/go.mod"
}

# The commit of a release whose .info from the proxy has no Origin (the
# proxy cached it before Go recorded one), read from the release tag.
release_commit() {
	case "$name $version" in
	"terraform 1.11.4") echo 35645b8fca68ff7e0b8785a3b563724a529a0caf ;;
	esac
}

# The release's nested modules are replaced upstream by local directories,
# which module zips leave out; the proxy serves them at the pseudo-version of
# the release commit instead.
pseudo_version() {
	local meta t h
	meta=$(cat "$info")
	t=$(json_field Time <<<"$meta")
	h=$(json_field Hash <<<"$meta")
	[ -n "$h" ] || h=$(release_commit)
	if [ -z "$t" ] || [ -z "$h" ]; then
		die "cannot find the commit of $module@v$version in $info (add it to release_commit)"
	fi
	t=${t:0:19}
	printf 'v0.0.0-%s-%s\n' "${t//[^0-9]/}" "${h:0:12}"
}

{
	echo "module local/$name-cli-build"
	echo
	# go and godebug lines, godebug possibly as a block. Terraform 1.11 sets
	# tlskyber=0, a setting Go 1.24 renamed tlsmlkem; newer Go refuses the
	# old name.
	awk '
		{ sub(/tlskyber=/, "tlsmlkem=") }
		/^go[ \t]/ { print; next }
		/^godebug[ \t]*\($/ { inblock = 1 }
		inblock { print; if ($0 ~ /^\)/) inblock = 0; next }
		/^godebug[ \t]/ { print }
	' "$src/go.mod"
	echo
	echo "require $module v$version"
	pv=
	while IFS=$'\t' read -r lhs rhs; do
		target=${rhs%% *}
		case "$target" in
		./* | ../* | /*)
			mod=${lhs%% *}
			case "$mod" in
			"$module"/*)
				[ -n "$pv" ] || pv=$(pseudo_version)
				echo "require $mod $pv"
				;;
			*) log "warning: ignoring local replace of $mod (not part of $module)" ;;
			esac
			;;
		*) echo "replace $lhs => $rhs" ;;
		esac
	done < <(replaces)
} >"$work/go.mod"
log "wrapper go.mod:"$'\n'"$(sed 's/^/    /' "$work/go.mod")"

ldflags="-s -w -X $module/version.dev=no"
log "building $name $version (takes a few minutes)"
start=$SECONDS
(cd "$work" && go build -trimpath -ldflags "$ldflags" -o "$tmp_bin" "$pkg") ||
	die "build of $name $version failed"
log "built in $((SECONDS - start))s"

is_wanted "$tmp_bin" ||
	die "built binary does not report '$banner'"
mv -f "$tmp_bin" "$bin"
echo "$bin"
