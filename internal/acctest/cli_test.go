package acctest

import (
	"context"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

func TestCLIChecks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		check   tfversion.TerraformVersionCheck
		version string
		tofu    bool
		runs    bool
	}{
		{"write-only on Terraform 1.11", WriteOnly, "1.11.0", false, true},
		{"write-only on Terraform 1.10", WriteOnly, "1.10.5", false, false},
		{"write-only on OpenTofu 1.11", WriteOnly, "1.11.0", true, true},
		{"identity on Terraform 1.12 prerelease", Identity, "1.12.0-rc1", false, true},
		{"identity on Terraform 1.11", Identity, "1.11.4", false, false},
		{"identity on OpenTofu 1.12", Identity, "1.12.6", true, true},
		{"identity on OpenTofu 1.11", Identity, "1.11.2", true, false},
		{"query on Terraform 1.14", Query, "1.14.0", false, true},
		{"query on Terraform 1.13", Query, "1.13.3", false, false},
		{"query on any OpenTofu", Query, "1.99.0", true, false},
		{"Terraform-only on Terraform", TerraformOnly, "1.0.0", false, true},
		{"Terraform-only on OpenTofu", TerraformOnly, "1.12.6", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tfversion.CheckTerraformVersionRequest{TerraformVersion: version.Must(version.NewVersion(tc.version))}
			var resp tfversion.CheckTerraformVersionResponse
			tc.check.(cliCheck).check(context.Background(), req, &resp, tc.tofu) //nolint:forcetypeassert // every gate is a cliCheck
			if runs := resp.Skip == ""; runs != tc.runs {
				t.Errorf("runs = %v (skip %q), want %v", runs, resp.Skip, tc.runs)
			}
			if resp.Error != nil {
				t.Errorf("error %v, want a skip at most", resp.Error)
			}
		})
	}
}
