package e2e_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// The guide's module runs its `terraform test` against a sandbox store
// seeded from its seed file, with the commands the guide gives.
func TestGuide_moduleTestAgainstTheSandbox(t *testing.T) {
	w := newWorkspaceWith(t, "examples/guides/testing-modules", sandbox.Options{Quota: -1})
	if cli.Version.LessThan(version.Must(version.NewVersion("1.6.0"))) {
		t.Skipf("terraform test needs Terraform or OpenTofu 1.6; the CLI is %s", cli.Version)
	}
	seed, err := os.Open(filepath.Join(w.dir, "tests", "seed.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer seed.Close()
	if err := w.store.Seed(seed); err != nil {
		t.Fatal(err)
	}

	w.mustRun(0, "init", "-input=false")
	out := w.mustRun(0, "test")
	for _, want := range []string{`run "creates_the_group_and_its_buyers"... pass`, `run "changes_the_discount_in_place"... pass`, `run "refuses_a_discount_above_50"... pass`, "3 passed, 0 failed"} {
		if !strings.Contains(out, want) {
			t.Fatalf("terraform test output lacks %q:\n%s", want, tail(out))
		}
	}
	// terraform test destroys what it made: the seed is all that is left.
	if n := w.store.CustomerCount(); n != 1 {
		t.Fatalf("the store holds %d customers after the test, want the 1 seeded", n)
	}
}
