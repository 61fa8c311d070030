package lifecycle_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const password = "Lifecycle-secret-42"

const passwordConfig = `
resource "bigcommerce_customer" "test" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"

  password_wo         = "` + password + `"
  password_wo_version = 1
}
`

// The password never ends up in state, whatever the CLI: one with
// write-only attributes sends it to the store only; an older one refuses the
// configuration before anything is planned or sent.
func TestPasswordNeverInState(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	w := s.workspace(t)
	w.config(passwordConfig)

	if !atLeast("1.11.0") {
		out, code := w.run("apply", "-input=false", "-auto-approve")
		if code != 1 {
			t.Fatalf("%s %s applied a configuration with password_wo (exit %d):\n%s", cliName(), cli.Version, code, out)
		}
		for _, want := range []string{"WriteOnly Attribute Not Allowed", "password_wo", "Terraform 1.11 and later"} {
			if !strings.Contains(out, want) {
				t.Errorf("the refusal does not say %q:\n%s", want, out)
			}
		}
		if n := s.CustomerCount(); n != 0 {
			t.Errorf("the store holds %d customers after the refused apply, want 0", n)
		}
		noPasswordIn(t, w.dir)
		return
	}

	w.apply()
	if !s.validCredentials(t, "jane.doe@example.com", password) {
		t.Fatal("the store does not accept the configured password")
	}
	if attrs := w.attrs("bigcommerce_customer.test"); attrs["password_wo"] != nil {
		t.Fatalf("the state shows password_wo = %v, want null", attrs["password_wo"])
	}
	w.plan(0)
	noPasswordIn(t, w.dir)
}

// noPasswordIn fails if any file the CLI wrote in dir holds the password.
func noPasswordIn(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "main.tf" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), password) {
			t.Errorf("%s holds the password", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (s *store) validCredentials(t *testing.T, email, pw string) bool {
	t.Helper()
	var answer struct {
		IsValid bool `json:"is_valid"`
	}
	s.call(t, http.MethodPost, "/v3/customers/validate-credentials", map[string]any{"email": email, "password": pw}, &answer)
	return answer.IsValid
}
