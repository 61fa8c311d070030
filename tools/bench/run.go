package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// phaseResult is one Terraform command's measurements.
type phaseResult struct {
	name        string
	requests    map[string]int
	total       int
	rateLimited int           // 429s the store answered (retried by the provider)
	surfaced    int           // lines of Terraform's output mentioning a 429
	wall        time.Duration //
	peakRSS     int64         // kB: the largest VmHWM of the provider processes
	providers   int           // provider processes seen
	err         error
}

type runResult struct {
	n      int
	state  string
	mode   string
	phases []phaseResult
}

const configTemplate = `terraform {%s
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

variable "n" {
  type = number
}

variable "last_name" {
  type = string
}

provider "bigcommerce" {
  api_url      = %q
  store_hash   = %q
  access_token = %q
  batching     = %t
}

resource "bigcommerce_customer" "bench" {
  count      = var.n
  email      = "bench-${count.index}@example.com"
  first_name = "Bench"
  last_name  = var.last_name
}
`

// benchRun runs the four phases in dir, against a fresh store, with the
// HTTP state backend at backend or local state when backend is empty.
func benchRun(cfg config, tf string, env []string, dir string, n int, mode, backend string) (runResult, error) {
	res := runResult{n: n, mode: mode}
	srv, err := sandbox.Start(sandbox.Options{Quota: cfg.quota, Window: cfg.window, Latency: cfg.latency, LatencyJitter: cfg.jitter, Seed: 1})
	if err != nil {
		return res, err
	}
	defer srv.Close()

	if err := os.RemoveAll(dir); err != nil {
		return res, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, err
	}
	backendBlock := ""
	if backend != "" {
		backendBlock = fmt.Sprintf("\n  backend \"http\" {\n    address = %q\n  }\n", backend)
	}
	main := fmt.Sprintf(configTemplate, backendBlock, srv.URL, srv.StoreHash, srv.AccessToken, mode == "on")
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(main), 0o644); err != nil {
		return res, err
	}
	if backend != "" {
		// A backend needs init; the provider itself comes from dev_overrides.
		if p := runTerraform(tf, env, dir, "init", []string{"init"}); p.err != nil {
			return res, fmt.Errorf("init: %w (log in %s)", p.err, filepath.Join(dir, "init.log"))
		}
	}

	par := "-parallelism=" + strconv.Itoa(cfg.parallelism)
	vars := func(last string) []string {
		return []string{"-var", "n=" + strconv.Itoa(n), "-var", "last_name=" + last}
	}
	phases := []struct {
		name string
		args []string
		ok   func(code int) bool
	}{
		{"apply", append([]string{"apply", "-auto-approve", par}, vars("Before")...), zero},
		// -detailed-exitcode: 0 means no changes, 2 means changes.
		{"refresh", append([]string{"plan", "-detailed-exitcode", par}, vars("Before")...), zero},
		{"update", append([]string{"apply", "-auto-approve", "-refresh=false", par}, vars("After")...), zero},
		{"destroy", append([]string{"destroy", "-auto-approve", "-refresh=false", par}, vars("After")...), zero},
	}
	for i, ph := range phases {
		if i > 0 && cfg.settle > 0 {
			// Let the store's quota window run out, untimed, so the phase
			// starts with a full quota.
			time.Sleep(cfg.settle)
		}
		srv.ResetStats()
		p := runTerraform(tf, env, dir, ph.name, ph.args)
		if p.err == nil && !ph.ok(exitCode(p.err)) {
			p.err = fmt.Errorf("unexpected exit code")
		}
		st := srv.Stats()
		p.requests, p.total, p.rateLimited = st.Requests, st.Total, st.RateLimited
		logf("  %-8s %5d requests %4d 429s %8.1fs  peak RSS %5.1f MiB  %v", ph.name, p.total, p.rateLimited, p.wall.Seconds(), float64(p.peakRSS)/1024, errOrOK(p.err))
		res.phases = append(res.phases, p)
		if p.err != nil {
			return res, fmt.Errorf("%s: %w (log in %s)", ph.name, p.err, filepath.Join(dir, ph.name+".log"))
		}
	}
	return res, nil
}

func zero(code int) bool { return code == 0 }

func errOrOK(err error) string {
	if err != nil {
		return "FAILED: " + err.Error()
	}
	return "ok"
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// runTerraform runs one command, timing it and sampling the peak RSS of the
// provider processes Terraform starts.
func runTerraform(tf string, env []string, dir, name string, args []string) phaseResult {
	p := phaseResult{name: name}
	logFile, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		p.err = err
		return p
	}
	defer logFile.Close()
	var surfaced countingWriter
	cmd := exec.Command(tf, append(args, "-input=false", "-no-color")...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdout = io.MultiWriter(logFile, &surfaced)
	cmd.Stderr = cmd.Stdout

	start := time.Now()
	if err := cmd.Start(); err != nil {
		p.err = err
		return p
	}
	ctx, stop := context.WithCancel(context.Background())
	sampled := make(chan map[int]int64)
	go func() { sampled <- sampleProviders(ctx, cmd.Process.Pid) }()
	p.err = cmd.Wait()
	p.wall = time.Since(start)
	stop()
	for _, hwm := range <-sampled {
		p.peakRSS = max(p.peakRSS, hwm)
		p.providers++
	}
	p.surfaced = surfaced.count()
	return p
}

// countingWriter counts output lines that report a 429: a rate limit that
// reached the user instead of being absorbed by the provider.
type countingWriter struct {
	mu      sync.Mutex
	partial []byte
	n       int
}

func (w *countingWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.partial = append(w.partial, b...)
	for {
		i := bytes.IndexByte(w.partial, '\n')
		if i < 0 {
			break
		}
		w.scan(w.partial[:i])
		w.partial = w.partial[i+1:]
	}
	return len(b), nil
}

func (w *countingWriter) scan(line []byte) {
	// The client reports "BigCommerce answered 429 Too Many Requests"; a
	// bare "429" would also match resource addresses such as bench[429].
	if bytes.Contains(line, []byte("Too Many Requests")) {
		w.n++
	}
}

func (w *countingWriter) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.scan(w.partial)
	return w.n
}
