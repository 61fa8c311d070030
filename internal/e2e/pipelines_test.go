package e2e_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// stateServer is a remote state backend speaking Terraform's "http"
// backend protocol (GET, POST, DELETE, LOCK, UNLOCK), as GitLab's managed
// state does.
type stateServer struct {
	mu     sync.Mutex
	state  []byte
	locked bool
	writes int
}

func (s *stateServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	switch r.Method {
	case http.MethodGet:
		if s.state == nil {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		_, _ = w.Write(s.state)
	case http.MethodPost:
		s.state = body
		s.writes++
	case http.MethodDelete:
		s.state = nil
	case "LOCK":
		if s.locked {
			w.WriteHeader(http.StatusLocked)
			return
		}
		s.locked = true
	case "UNLOCK":
		s.locked = false
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

// runCI runs the pipelines' ci.sh step in w's directory and returns its
// output and exit code.
func (w *workspace) runCI(step string, env ...string) (string, int) {
	w.t.Helper()
	cmd := exec.Command("sh", "./ci.sh", step)
	cmd.Dir = w.dir
	cmd.Env = append(append(append([]string{}, w.env...), "TF="+cli.CLIPath), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if exit, ok := err.(*exec.ExitError); ok {
			return string(out), exit.ExitCode()
		}
		w.t.Fatal(err)
	}
	return string(out), 0
}

// The guide's pipeline steps, as its GitHub Actions and GitLab CI jobs run
// them: a plan with a read-only token saved for review, the apply of that
// plan with the modify token, an empty plan after it, and the scheduled
// drift check that fails once the store changes outside Terraform. State
// lives only in the remote backend.
func TestGuide_pipelineSteps(t *testing.T) {
	w := newWorkspace(t, "examples/guides/pipelines")
	state := &stateServer{}
	backend := httptest.NewServer(state)
	t.Cleanup(backend.Close)
	w.env = append(w.env,
		"TF_HTTP_ADDRESS="+backend.URL+"/state",
		"TF_HTTP_LOCK_ADDRESS="+backend.URL+"/state/lock",
		"TF_HTTP_UNLOCK_ADDRESS="+backend.URL+"/state/lock",
	)
	modify := w.store.AccessToken
	output := filepath.Join(t.TempDir(), "github_output")

	// Plan job: read-only token, saved plan, "changes=true" for the apply job.
	w.useToken(w.store.ReadOnlyToken)
	if out, code := w.runCI("plan", "GITHUB_OUTPUT="+output); code != 0 {
		t.Fatalf("ci.sh plan exited %d:\n%s", code, tail(out))
	}
	if got, _ := os.ReadFile(output); strings.TrimSpace(string(got)) != "changes=true" {
		t.Fatalf("the plan job wrote %q to GITHUB_OUTPUT, want changes=true", got)
	}
	review, err := os.ReadFile(filepath.Join(w.dir, "tfplan.txt"))
	if err != nil || !strings.Contains(string(review), "3 to add, 0 to change, 0 to destroy") {
		t.Fatalf("tfplan.txt for review: %v\n%s", err, review)
	}
	if n := w.store.CustomerCount(); n != 0 {
		t.Fatalf("planning wrote to the store: %d customers", n)
	}

	// Apply job: the modify token applies exactly the reviewed plan.
	w.useToken(modify)
	if out, code := w.runCI("apply"); code != 0 {
		t.Fatalf("ci.sh apply exited %d:\n%s", code, tail(out))
	}
	if n := w.store.CustomerCount(); n != 2 {
		t.Fatalf("the store holds %d customers after the apply, want 2", n)
	}
	if _, err := os.Stat(filepath.Join(w.dir, "terraform.tfstate")); err == nil {
		t.Fatal("a local terraform.tfstate was written: the state belongs in the remote backend")
	}
	if state.writes == 0 || state.locked {
		t.Fatalf("remote state: %d writes, locked %t; want written and unlocked", state.writes, state.locked)
	}

	// The next plan job finds nothing to do.
	w.useToken(w.store.ReadOnlyToken)
	_ = os.Remove(output)
	if out, code := w.runCI("plan", "GITHUB_OUTPUT="+output); code != 0 {
		t.Fatalf("second ci.sh plan exited %d:\n%s", code, tail(out))
	}
	if got, _ := os.ReadFile(output); strings.TrimSpace(string(got)) != "changes=false" {
		t.Fatalf("the second plan job wrote %q, want changes=false", got)
	}

	// Scheduled drift check: clean, then exit 2 after an out-of-band change.
	if out, code := w.runCI("drift"); code != 0 {
		t.Fatalf("drift check on an unchanged store exited %d:\n%s", code, tail(out))
	}
	jane := w.storeCustomers()[0]
	w.api(http.MethodPut, "/v3/customers", []map[string]any{{"id": jane.ID, "company": "Changed by hand"}}, nil)
	out, code := w.runCI("drift")
	if code != 2 || !strings.Contains(out, "Changed by hand") {
		t.Fatalf("drift check after an out-of-band change exited %d, want 2 with the change shown:\n%s", code, tail(out))
	}
}

// The workflow files run the steps the test above runs, with the tokens it
// uses.
func TestGuide_pipelineFilesRunCISteps(t *testing.T) {
	for _, name := range []string{"github-actions.yml", "gitlab-ci.yml"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "examples/guides/pipelines", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"./ci.sh plan", "./ci.sh apply", "./ci.sh drift", "BIGCOMMERCE_READ_ONLY_TOKEN", "tfplan.txt"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s does not contain %q", name, want)
			}
		}
	}
}
