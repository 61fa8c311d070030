// Package e2e runs the guides' configurations exactly as a user would: the
// real CLI, the provider binary built from this tree, a sandbox store.
package e2e_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

var (
	cli         *acctest.CLIRun // the CLI under test and the provider built for it
	repoRoot, _ = filepath.Abs("../..")
)

func TestMain(m *testing.M) {
	os.Exit(acctest.RunWithCLI(m, repoRoot, "end-to-end", func(c *acctest.CLIRun) {
		cli = c
	}))
}

// workspace is a configuration directory wired to the built provider and a
// fresh sandbox store.
type workspace struct {
	t     *testing.T
	dir   string
	env   []string
	store *sandbox.Server
}

func newWorkspace(t *testing.T, exampleDir string) *workspace {
	t.Helper()
	return newWorkspaceWith(t, exampleDir, sandbox.Options{Quota: -1})
}

// newWorkspaceWith starts the sandbox with opts; an empty exampleDir leaves
// the configuration to the test.
func newWorkspaceWith(t *testing.T, exampleDir string, opts sandbox.Options) *workspace {
	t.Helper()
	if cli.PluginDir == "" {
		t.Skip("set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to run the end-to-end tests")
	}
	store, err := sandbox.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })

	dir := t.TempDir()
	if exampleDir != "" {
		if err := os.CopyFS(dir, os.DirFS(filepath.Join(repoRoot, exampleDir))); err != nil {
			t.Fatal(err)
		}
	}
	env := cli.Env(t, store)
	return &workspace{t: t, dir: dir, env: env, store: store}
}

// useStoreVia points the provider at h, a server in front of the store that
// can delay, refuse or pass each request.
func (w *workspace) useStoreVia(h http.Handler) {
	w.t.Helper()
	srv := httptest.NewServer(h)
	w.t.Cleanup(srv.Close)
	for i, kv := range w.env {
		if strings.HasPrefix(kv, "BIGCOMMERCE_API_URL=") {
			w.env[i] = "BIGCOMMERCE_API_URL=" + srv.URL
		}
	}
}

// run runs the CLI and returns its output and exit code.
func (w *workspace) run(args ...string) (string, int) {
	w.t.Helper()
	return cli.Run(w.t, w.dir, w.env, args...)
}

// mustRun runs the CLI and fails the test unless it exits with want.
func (w *workspace) mustRun(want int, args ...string) string {
	w.t.Helper()
	return cli.Must(w.t, want, w.dir, w.env, args...)
}

func TestGuide_importEveryCustomerOfAGroup(t *testing.T) {
	w := newWorkspace(t, "examples/guides/import-customer-group")
	group := w.store.SeedGroup("Wholesale")
	w.store.SeedCustomers(5, 0) // customers of no group stay untouched
	w.store.SeedCustomers(50, group)
	before := w.store.CustomerCount()
	groupVar := fmt.Sprintf("-var=customer_group_id=%d", group)

	out := w.mustRun(2, "plan", "-input=false", "-detailed-exitcode", groupVar)
	if !strings.Contains(out, "50 to import, 0 to add, 0 to change, 0 to destroy") {
		t.Fatalf("the plan does not import exactly the group's 50 customers:\n%s", tail(out))
	}
	w.mustRun(0, "apply", "-input=false", "-auto-approve", groupVar)
	w.mustRun(0, "plan", "-input=false", "-detailed-exitcode", groupVar)

	state := w.mustRun(0, "state", "list")
	if n := strings.Count(state, "bigcommerce_customer.adopted["); n != 50 {
		t.Fatalf("the state holds %d adopted customers, want 50:\n%s", n, state)
	}
	if after := w.store.CustomerCount(); after != before {
		t.Fatalf("the store holds %d customers after the import, want %d", after, before)
	}
}

func TestGuide_queryGeneratesImportableConfiguration(t *testing.T) {
	w := newWorkspace(t, "examples/guides/query-customers")
	if cli.OpenTofu || cli.Version.LessThan(version.Must(version.NewVersion("1.14.0"))) {
		t.Skipf("terraform query needs Terraform 1.14 or later; the CLI is %s", cli.Version)
	}
	group := w.store.SeedGroup("Wholesale")
	w.store.SeedCustomers(20, group)
	w.store.SeedCustomers(3, 0)
	before := w.store.CustomerCount()
	groupVar := fmt.Sprintf("-var=customer_group_id=%d", group)

	w.mustRun(0, "query", "-generate-config-out=generated.tf", groupVar)
	generated, err := os.ReadFile(filepath.Join(w.dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(regexp.MustCompile(`(?m)^import \{`).FindAll(generated, -1)); n != 20 {
		t.Fatalf("generated %d import blocks, want 20:\n%s", n, generated)
	}
	if n := len(regexp.MustCompile(`(?m)^resource "bigcommerce_customer"`).FindAll(generated, -1)); n != 20 {
		t.Fatalf("generated %d resource blocks, want 20", n)
	}

	out := w.mustRun(2, "plan", "-input=false", "-detailed-exitcode", groupVar)
	if !strings.Contains(out, "20 to import, 0 to add, 0 to change, 0 to destroy") {
		t.Fatalf("the generated configuration does not import cleanly:\n%s\n--- generated.tf:\n%s", tail(out), generated)
	}
	w.mustRun(0, "apply", "-input=false", "-auto-approve", groupVar)
	w.mustRun(0, "plan", "-input=false", "-detailed-exitcode", groupVar)
	if after := w.store.CustomerCount(); after != before {
		t.Fatalf("the store holds %d customers after the import, want %d", after, before)
	}
}

func tail(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) > 60 {
		lines = lines[len(lines)-60:]
	}
	return strings.Join(lines, "\n")
}
