# Sourced by scripts that run the Terraform CLI against the provider built
# from this checkout, without a registry: dev_provider <dir> builds the
# provider into <dir>/plugins, writes a CLI configuration whose dev_overrides
# point at it, and exports TF (the CLI's path) and TF_CLI_CONFIG_FILE.
#
# Two provider addresses are overridden: the real one, for the examples, and
# hashicorp/bigcommerce, the address under which tfplugindocs looks up a
# provider schema read from a file.

dev_provider() {
	local dir=$1 root
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	TF=$("$root/scripts/terraform-cli.sh" terraform)
	mkdir -p "$dir/plugins"
	(cd "$root" && go build -trimpath -o "$dir/plugins/terraform-provider-bigcommerce" .)
	cat >"$dir/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/commerceops/bigcommerce" = "$dir/plugins"
    "registry.terraform.io/hashicorp/bigcommerce"   = "$dir/plugins"
  }
  direct {}
}
RC
	export TF TF_CLI_CONFIG_FILE="$dir/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
	unset TF_CLI_ARGS TF_CLI_ARGS_validate TF_CLI_ARGS_fmt
}
