package acctest

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// CLI feature gates for TestCase.TerraformVersionChecks. OpenTofu reports
// its own version as the "Terraform version", and its version numbers mean
// different features, so every gate names a minimum for each CLI.
var (
	// WriteOnly: write-only attributes need Terraform 1.11 or OpenTofu 1.11.
	WriteOnly = requires("write-only attributes", "1.11.0", "1.11.0")
	// Identity: resource identity and import blocks by identity need
	// Terraform 1.12 or OpenTofu 1.12.
	Identity = requires("resource identity", "1.12.0", "1.12.0")
	// Query: list resources and `terraform query` need Terraform 1.14;
	// OpenTofu has neither.
	Query = requires("list resources and terraform query", "1.14.0", "")
	// TerraformOnly skips a test under OpenTofu.
	TerraformOnly = requires("a Terraform-only feature", "0.0.0", "")
)

// cliCheck skips a test below a minimum version of the CLI running it; an
// empty OpenTofu minimum skips it under OpenTofu altogether.
type cliCheck struct {
	feature   string
	terraform tfversion.TerraformVersionCheck
	tofu      tfversion.TerraformVersionCheck // nil: not in OpenTofu
}

func requires(feature, terraform, tofu string) tfversion.TerraformVersionCheck {
	c := cliCheck{feature: feature, terraform: tfversion.SkipBelow(version.Must(version.NewVersion(terraform)))}
	if tofu != "" {
		c.tofu = tfversion.SkipBelow(version.Must(version.NewVersion(tofu)))
	}
	return c
}

// CheckTerraformVersion implements tfversion.TerraformVersionCheck.
func (c cliCheck) CheckTerraformVersion(ctx context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	c.check(ctx, req, resp, OpenTofu())
}

func (c cliCheck) check(ctx context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse, tofu bool) {
	switch {
	case !tofu:
		c.terraform.CheckTerraformVersion(ctx, req, resp)
	case c.tofu == nil:
		resp.Skip = "OpenTofu " + req.TerraformVersion.String() + " does not support " + c.feature + ": skipping test"
	default:
		c.tofu.CheckTerraformVersion(ctx, req, resp)
		if resp.Skip != "" {
			resp.Skip = "OpenTofu " + req.TerraformVersion.String() + " is too old for " + c.feature + ": skipping test"
		}
	}
}

// OpenTofu reports whether the acceptance tests run through OpenTofu: the
// test framework is pointed at OpenTofu's registry host, or the CLI in
// TF_ACC_TERRAFORM_PATH introduces itself as OpenTofu.
func OpenTofu() bool { return openTofu() }

var openTofu = sync.OnceValue(func() bool {
	if strings.Contains(os.Getenv("TF_ACC_PROVIDER_HOST"), "opentofu") {
		return true
	}
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if path == "" {
		// The test framework then finds or installs Terraform itself.
		return false
	}
	cmd := exec.Command(path, "version")
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1", "TF_CLI_CONFIG_FILE="+os.DevNull)
	out, err := cmd.Output()
	return err == nil && strings.HasPrefix(string(out), "OpenTofu")
})
