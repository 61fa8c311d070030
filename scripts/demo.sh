#!/usr/bin/env bash
# Runs the provider's main job against a local sandbox store: apply the demo
# configuration, show its outputs, prove a second plan is empty, destroy.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
sandbox_pid=
cleanup() {
  [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

tf=$("$root/scripts/terraform-cli.sh" terraform)
step "Building the provider and the sandbox store"
(cd "$root" && go build -o "$work/plugins/terraform-provider-bigcommerce" . && go build -o "$work/bigcommerce-sandbox" ./cmd/bigcommerce-sandbox)

step "Starting the sandbox store"
"$work/bigcommerce-sandbox" -addr 127.0.0.1:0 >"$work/sandbox.env" 2>"$work/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 1 100); do
  grep -q '^BIGCOMMERCE_ACCESS_TOKEN=' "$work/sandbox.env" 2>/dev/null && break
  sleep 0.1
done
grep -q '^BIGCOMMERCE_ACCESS_TOKEN=' "$work/sandbox.env" || { cat "$work/sandbox.log" >&2; echo "the sandbox store did not start" >&2; exit 1; }
set -a; . "$work/sandbox.env"; set +a
echo "sandbox store at $BIGCOMMERCE_API_URL (store hash $BIGCOMMERCE_STORE_HASH)"

# Use the provider just built, without a registry.
cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/commerceops/bigcommerce" = "$work/plugins"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1
TF_VAR_initial_password="demo-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
export TF_VAR_initial_password

mkdir "$work/config"
cp "$root"/examples/demo/*.tf "$work/config/"
cd "$work/config"

step "terraform apply"
"$tf" apply -auto-approve -input=false -no-color

step "terraform output"
"$tf" output -no-color

step "terraform plan (a second plan must show no changes)"
set +e
"$tf" plan -detailed-exitcode -input=false -no-color
code=$?
set -e
if [ "$code" -ne 0 ]; then
  echo "the second plan was not empty (exit code $code)" >&2
  exit 1
fi

if grep -q "$TF_VAR_initial_password" terraform.tfstate; then
  echo "the password reached the state file" >&2
  exit 1
fi
echo "the state file holds no password"

step "terraform destroy"
"$tf" destroy -auto-approve -input=false -no-color

step "Demo finished"
