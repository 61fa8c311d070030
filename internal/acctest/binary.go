package acctest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// CLIRun is what the tests that run the plain CLI commands need: the CLI
// under test and the provider binary built from this tree.
type CLIRun struct {
	CLIPath   string // the Terraform or OpenTofu CLI, from TF_ACC_TERRAFORM_PATH
	Version   *version.Version
	OpenTofu  bool
	PluginDir string // holds the provider binary, for dev_overrides
}

// BuildForCLI builds the provider from the repository at repoRoot into a
// temporary directory and reads the CLI's version. It returns nil, and no
// error, when TF_ACC or TF_ACC_TERRAFORM_PATH is unset: the caller then
// skips. cleanup removes the build.
func BuildForCLI(repoRoot string) (run *CLIRun, cleanup func(), err error) {
	cleanup = func() {}
	cliPath := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || cliPath == "" {
		return nil, cleanup, nil
	}
	tmp, err := os.MkdirTemp("", "bigcommerce-cli-")
	if err != nil {
		return nil, cleanup, err
	}
	cleanup = func() { _ = os.RemoveAll(tmp) }
	run = &CLIRun{CLIPath: cliPath, PluginDir: filepath.Join(tmp, "plugins")}
	build := exec.Command("go", "build", "-o", filepath.Join(run.PluginDir, "terraform-provider-bigcommerce"), ".")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		return nil, cleanup, fmt.Errorf("building the provider: %w\n%s", err, out)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	out, err := exec.Command(cliPath, "version", "-json").Output()
	if err == nil {
		err = json.Unmarshal(out, &v)
	}
	if err == nil {
		run.Version, err = version.NewVersion(v.Version)
	}
	if err != nil {
		return nil, cleanup, fmt.Errorf("reading the CLI's version: %w", err)
	}
	run.OpenTofu = strings.Contains(filepath.Base(cliPath), "tofu") || os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org"
	return run, cleanup, nil
}

// RunWithCLI is the TestMain of a suite that runs the plain CLI: it builds
// the provider, hands the result to use, runs the tests and cleans up. Without
// TF_ACC and TF_ACC_TERRAFORM_PATH the tests run (and skip themselves).
func RunWithCLI(m *testing.M, repoRoot, suite string, use func(*CLIRun)) int {
	run, cleanup, err := BuildForCLI(repoRoot)
	defer cleanup()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if run == nil {
		fmt.Printf("skipping the %s tests: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH (make test does)\n", suite)
		return m.Run()
	}
	use(run)
	return m.Run()
}

// Env is the environment for running the CLI against store as a user would:
// a CLI configuration whose development override installs the provider
// built for this run (no registry), and the provider's credentials in
// BIGCOMMERCE_* variables. A filesystem mirror holds the same build, so
// that `init`, which OpenTofu runs against the registry even for an
// overridden provider, works offline too.
func (c *CLIRun) Env(t testing.TB, store *sandbox.Server) []string {
	t.Helper()
	mirror := filepath.Join(t.TempDir(), "mirror")
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		dir := filepath.Join(mirror, host, "commerceops", "bigcommerce", "0.0.1", runtime.GOOS+"_"+runtime.GOARCH)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(c.PluginDir, "terraform-provider-bigcommerce"), filepath.Join(dir, "terraform-provider-bigcommerce_v0.0.1")); err != nil {
			t.Fatal(err)
		}
	}
	rc := filepath.Join(t.TempDir(), "cli.tfrc")
	overrides := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/commerceops/bigcommerce" = %[1]q
    "registry.opentofu.org/commerceops/bigcommerce" = %[1]q
  }
  filesystem_mirror {
    path    = %[2]q
    include = ["registry.terraform.io/commerceops/bigcommerce", "registry.opentofu.org/commerceops/bigcommerce"]
  }
  direct {
    exclude = ["registry.terraform.io/commerceops/bigcommerce", "registry.opentofu.org/commerceops/bigcommerce"]
  }
}
`, c.PluginDir, mirror)
	if err := os.WriteFile(rc, []byte(overrides), 0o644); err != nil {
		t.Fatal(err)
	}
	return append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+rc,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"BIGCOMMERCE_API_URL="+store.URL,
		"BIGCOMMERCE_STORE_HASH="+store.StoreHash,
		"BIGCOMMERCE_ACCESS_TOKEN="+store.AccessToken,
	)
}

// Run runs the CLI with args (and -no-color) in dir with env, and returns
// its combined output and exit code.
func (c *CLIRun) Run(t testing.TB, dir string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(c.CLIPath, append(args, "-no-color")...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s: %s", args[0], err)
	}
	return out.String(), code
}

// Must runs the CLI as Run does and fails t unless it exits with want.
func (c *CLIRun) Must(t testing.TB, want int, dir string, env []string, args ...string) string {
	t.Helper()
	out, code := c.Run(t, dir, env, args...)
	if code != want {
		t.Fatalf("%s %s exited %d, want %d:\n%s", filepath.Base(c.CLIPath), strings.Join(args, " "), code, want, out)
	}
	return out
}
