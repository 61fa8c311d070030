package main

import (
	"bytes"
	"context"
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
	scenario string
	n        int
	state    string
	mode     string
	floor    bool // no quota, no latency, batching on: what the CLI and state backend cost
	phases   []phaseResult
}

// phaseSpec is one Terraform command of a scenario.
type phaseSpec struct {
	name string
	args []string
}

// sandboxOptions is the store a run measures against: the configured quota
// and latency, or none of either for a floor run.
func sandboxOptions(cfg config, floor bool) sandbox.Options {
	if floor {
		return sandbox.Options{Quota: -1, Seed: 1}
	}
	return sandbox.Options{Quota: cfg.quota, Window: cfg.window, Latency: cfg.latency, LatencyJitter: cfg.jitter, Seed: 1}
}

// prepareDir empties dir, writes main.tf and, with an HTTP backend, runs
// terraform init (the provider itself comes from dev_overrides).
func prepareDir(tf string, env []string, dir, mainTF string, backend bool) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(mainTF), 0o644); err != nil {
		return err
	}
	if backend {
		if p := runTerraform(tf, env, dir, "init", []string{"init"}); p.err != nil {
			return fmt.Errorf("init: %w (log in %s)", p.err, filepath.Join(dir, "init.log"))
		}
	}
	return nil
}

// backendBlock is the terraform block's backend for an HTTP state at
// address, or nothing for local state.
func backendBlock(address string) string {
	if address == "" {
		return ""
	}
	return fmt.Sprintf("\n  backend \"http\" {\n    address = %q\n  }\n", address)
}

// standardPhases are apply, refresh (plan, expecting no changes), update
// (apply -refresh=false with the "after" variables) and destroy
// (-refresh=false), each with -parallelism.
func standardPhases(cfg config, before, after []string) []phaseSpec {
	par := "-parallelism=" + strconv.Itoa(cfg.parallelism)
	return []phaseSpec{
		{"apply", append([]string{"apply", "-auto-approve", par}, before...)},
		// -detailed-exitcode: 0 means no changes, 2 means changes.
		{"refresh", append([]string{"plan", "-detailed-exitcode", par}, before...)},
		{"update", append([]string{"apply", "-auto-approve", "-refresh=false", par}, after...)},
		{"destroy", append([]string{"destroy", "-auto-approve", "-refresh=false", par}, after...)},
	}
}

// runPhases runs phases in dir one after the other against srv, counting
// each one's requests from the store's stats, and stops at the first that
// fails.
func runPhases(cfg config, tf string, env []string, dir string, srv *sandbox.Server, phases []phaseSpec, res *runResult) error {
	for i, ph := range phases {
		if i > 0 && cfg.settle > 0 && !res.floor {
			// Let the store's quota window run out, untimed, so the phase
			// starts with a full quota.
			time.Sleep(cfg.settle)
		}
		srv.ResetStats()
		p := runTerraform(tf, env, dir, ph.name, ph.args)
		st := srv.Stats()
		p.requests, p.total, p.rateLimited = st.Requests, st.Total, st.RateLimited
		logf("  %-8s %5d requests %4d 429s %8.1fs  peak RSS %5.1f MiB  %v", ph.name, p.total, p.rateLimited, p.wall.Seconds(), float64(p.peakRSS)/1024, errOrOK(p.err))
		res.phases = append(res.phases, p)
		if p.err != nil {
			return fmt.Errorf("%s: %w (log in %s)", ph.name, p.err, filepath.Join(dir, ph.name+".log"))
		}
	}
	return nil
}

func errOrOK(err error) string {
	if err != nil {
		return "FAILED: " + err.Error()
	}
	return "ok"
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
