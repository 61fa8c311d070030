// Package lifecycle runs each resource's whole life through the plain CLI
// commands a user types (apply, plan, import, destroy), with the provider
// binary built from this tree and a sandbox store, on whichever Terraform or
// OpenTofu release TF_ACC_TERRAFORM_PATH names. `make testacc-matrix` runs it
// on the oldest releases the README promises as well as the newest.
package lifecycle_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
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
	os.Exit(acctest.RunWithCLI(m, repoRoot, "lifecycle", func(c *acctest.CLIRun) {
		cli = c
		fmt.Printf("lifecycle tests on %s %s\n", cliName(), cli.Version)
	}))
}

func cliName() string {
	if cli.OpenTofu {
		return "OpenTofu"
	}
	return "Terraform"
}

// atLeast reports whether the CLI is the given release or newer. Terraform
// and OpenTofu number the features this suite cares about alike (write-only
// attributes 1.11, identity 1.12).
func atLeast(v string) bool {
	return !cli.Version.LessThan(version.Must(version.NewVersion(v)))
}

// providerBlock is the head of every configuration: no `terraform init`
// runs, since the development override supplies the provider and old CLIs
// and OpenTofu would otherwise ask a registry for it.
const providerBlock = `
terraform {
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

provider "bigcommerce" {}
`

// store is a sandbox store, changed and checked out of band through its
// BigCommerce API, as another app on the store would.
type store struct {
	*sandbox.Server
	env []string
}

func newStore(t *testing.T) *store {
	t.Helper()
	if cli.PluginDir == "" {
		t.Skip("set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to run the lifecycle tests")
	}
	srv, err := sandbox.Start(sandbox.Options{Quota: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	env := cli.Env(t, srv)
	return &store{Server: srv, env: env}
}

// call sends a request to the store's API (path below /stores/{hash}, such
// as /v3/customers?id:in=1) and decodes the JSON answer into out, if any. It
// returns the status, failing the test on a transport error or a status
// other than 2xx and 404.
func (s *store) call(t *testing.T, method, path string, body, out any) int {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, s.URL+"/stores/"+s.StoreHash+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Auth-Token", s.AccessToken)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode == http.StatusNotFound {
		return resp.StatusCode
	}
	if resp.StatusCode/100 != 2 {
		t.Fatalf("%s %s: %s\n%s", method, path, resp.Status, b)
	}
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %s\n%s", method, path, err, b)
		}
	}
	return resp.StatusCode
}

// workspace is one configuration directory, with its own state, against a
// store.
type workspace struct {
	t   *testing.T
	s   *store
	dir string
}

func (s *store) workspace(t *testing.T) *workspace {
	return &workspace{t: t, s: s, dir: t.TempDir()}
}

// config replaces the workspace's configuration.
func (w *workspace) config(hcl string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(providerBlock+hcl), 0o644); err != nil {
		w.t.Fatal(err)
	}
}

// run runs the CLI and returns its combined output and exit code.
func (w *workspace) run(args ...string) (string, int) {
	w.t.Helper()
	return cli.Run(w.t, w.dir, w.s.env, args...)
}

// must runs the CLI and fails the test unless it exits with want.
func (w *workspace) must(want int, args ...string) string {
	w.t.Helper()
	return cli.Must(w.t, want, w.dir, w.s.env, args...)
}

func (w *workspace) apply() {
	w.t.Helper()
	w.must(0, "apply", "-input=false", "-auto-approve")
}

// plan runs `plan -detailed-exitcode` and fails unless it exits with want
// (0: no changes, 2: changes).
func (w *workspace) plan(want int) string {
	w.t.Helper()
	return w.must(want, "plan", "-input=false", "-detailed-exitcode")
}

// id returns the state's id of the resource at addr.
func (w *workspace) id(addr string) string {
	w.t.Helper()
	id, ok := w.attrs(addr)["id"].(string)
	if !ok {
		w.t.Fatalf("the state's %s has no string id", addr)
	}
	return id
}

// attrs returns the state's attribute values of the resource at addr, as
// `show -json` gives them.
func (w *workspace) attrs(addr string) map[string]any {
	w.t.Helper()
	var doc struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address string         `json:"address"`
					Values  map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	out := w.must(0, "show", "-json")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		w.t.Fatalf("show -json: %s\n%s", err, out)
	}
	for _, r := range doc.Values.RootModule.Resources {
		if r.Address == addr {
			return r.Values
		}
	}
	w.t.Fatalf("the state has no %s:\n%s", addr, out)
	return nil
}

// outputs returns `output -json` as name to value.
func (w *workspace) outputs() map[string]any {
	w.t.Helper()
	var doc map[string]struct {
		Value any `json:"value"`
	}
	out := w.must(0, "output", "-json")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		w.t.Fatalf("output -json: %s\n%s", err, out)
	}
	vals := make(map[string]any, len(doc))
	for k, v := range doc {
		vals[k] = v.Value
	}
	return vals
}
