// Command bench measures the provider at store scale: it runs the real
// Terraform CLI against a sandbox store with BigCommerce's Standard quota
// (150 requests per 30 s) and a realistic latency, for N customers, with
// batching on and off, and writes a Markdown table.
//
// For each N and mode it starts a fresh store and runs, with Terraform's
// default parallelism:
//
//	apply    terraform apply            creates N customers
//	refresh  terraform plan             reads all N; must find no changes
//	update   terraform apply -refresh=false   changes last_name of all N
//	destroy  terraform destroy -refresh=false deletes all N
//
// update and destroy skip their own refresh so that each row measures one
// operation; the refresh row is what a refresh costs. Phases run back to
// back on one store, so they share the quota as they would in real use.
//
// Each run uses local state (Terraform's default, which rewrites and syncs
// the whole state file after every resource, so it paces the writes) or an
// HTTP state backend served in-process (which Terraform persists every 20 s:
// the provider and the API set the pace).
//
// Usage (from the repository root; `make bench`):
//
//	go run ./tools/bench [-n 100,1000] [-modes on,off] [-state local,http] [-out bench/results.md]
//
// BENCH_N, BENCH_MODES and BENCH_STATE override the defaults of -n, -modes
// and -state.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type config struct {
	ns          []int
	modes       []string // "on", "off"
	states      []string // "local", "http"
	out         string
	workDir     string
	quota       int
	window      time.Duration
	latency     time.Duration
	jitter      time.Duration
	parallelism int
	settle      time.Duration
}

func run() error {
	var cfg config
	var ns, modes, states string
	flag.StringVar(&ns, "n", envOr("BENCH_N", "100,1000"), "comma-separated numbers of customers (env BENCH_N)")
	flag.StringVar(&modes, "modes", envOr("BENCH_MODES", "on,off"), "batching modes to run: on, off or both (env BENCH_MODES)")
	flag.StringVar(&states, "state", envOr("BENCH_STATE", "local,http"), "state storage: local, http or both (env BENCH_STATE)")
	flag.StringVar(&cfg.out, "out", "bench/results.md", "Markdown file to write")
	flag.StringVar(&cfg.workDir, "work", "bench/out", "directory for Terraform working directories and logs")
	flag.IntVar(&cfg.quota, "quota", 150, "sandbox requests per rate-limit window (Standard and Plus plans: 150)")
	flag.DurationVar(&cfg.window, "window", 30*time.Second, "sandbox rate-limit window")
	flag.DurationVar(&cfg.latency, "latency", 50*time.Millisecond, "sandbox latency per request")
	flag.DurationVar(&cfg.jitter, "jitter", 50*time.Millisecond, "extra sandbox latency, uniform 0 to this")
	flag.IntVar(&cfg.parallelism, "parallelism", 10, "terraform -parallelism (10 is Terraform's default)")
	flag.DurationVar(&cfg.settle, "settle", 0, "untimed pause between phases; longer than -window gives every phase a full quota (default 0: back to back, sharing the quota)")
	flag.Parse()

	for _, s := range strings.Split(ns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-n: %q is not a positive number", s)
		}
		cfg.ns = append(cfg.ns, n)
	}
	for _, m := range strings.Split(modes, ",") {
		m = strings.TrimSpace(m)
		if m != "on" && m != "off" {
			return fmt.Errorf("-modes: %q is neither on nor off", m)
		}
		cfg.modes = append(cfg.modes, m)
	}
	for _, st := range strings.Split(states, ",") {
		st = strings.TrimSpace(st)
		if st != "local" && st != "http" {
			return fmt.Errorf("-state: %q is neither local nor http", st)
		}
		cfg.states = append(cfg.states, st)
	}

	tf, err := terraformPath()
	if err != nil {
		return err
	}
	work, err := filepath.Abs(cfg.workDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	env, err := prepareProvider(work)
	if err != nil {
		return err
	}

	stateSrv := httptest.NewServer(&stateServer{states: map[string][]byte{}})
	defer stateSrv.Close()

	var runs []runResult
	for _, n := range cfg.ns {
		for _, state := range cfg.states {
			for _, mode := range cfg.modes {
				logf("N=%d %s state, batching %s", n, state, mode)
				name := fmt.Sprintf("n%d-%s-%s", n, state, mode)
				backend := ""
				if state == "http" {
					backend = stateSrv.URL + "/" + name
				}
				r, err := benchRun(cfg, tf, env, filepath.Join(work, name), n, mode, backend)
				r.state = state
				runs = append(runs, r)
				if err != nil {
					logf("N=%d %s state, batching %s: %v", n, state, mode, err)
				}
				if err := writeReport(cfg, tf, runs); err != nil {
					return err
				}
			}
		}
	}
	logf("wrote %s", cfg.out)
	return nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s bench: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func terraformPath() (string, error) {
	out, err := exec.Command("scripts/terraform-cli.sh", "terraform").Output()
	if err != nil {
		return "", fmt.Errorf("finding the Terraform CLI (run from the repository root): %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// prepareProvider builds the provider once and points Terraform at it with
// dev_overrides, so no `terraform init` is needed. It returns the
// environment for Terraform.
func prepareProvider(work string) ([]string, error) {
	plugins := filepath.Join(work, "plugins")
	logf("building the provider")
	build := exec.Command("go", "build", "-trimpath", "-o", filepath.Join(plugins, "terraform-provider-bigcommerce"), ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return nil, fmt.Errorf("building the provider: %w", err)
	}
	rc := filepath.Join(work, "terraformrc")
	content := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "commerceops/bigcommerce" = %q
  }
  direct {}
}
`, plugins)
	if err := os.WriteFile(rc, []byte(content), 0o644); err != nil {
		return nil, err
	}
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "TF_") || strings.HasPrefix(kv, "BIGCOMMERCE_")
	})
	return append(env, "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1"), nil
}

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

// stateServer is a minimal HTTP state backend: GET, POST and DELETE of a
// state by path, in memory, without locking.
type stateServer struct {
	mu     sync.Mutex
	states map[string][]byte
}

func (s *stateServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		body, ok := s.states[r.URL.Path]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		_, _ = w.Write(body)
	case http.MethodPost:
		body, err := io.ReadAll(r.Body)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		s.states[r.URL.Path] = body
	case http.MethodDelete:
		delete(s.states, r.URL.Path)
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
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

// sampleProviders polls the children of Terraform's process (the provider
// plugins) every 20 ms until ctx ends, and returns each one's VmHWM, the
// kernel's record of its peak resident set, in kB. The last sample of a
// process may miss growth in its final 20 ms.
func sampleProviders(ctx context.Context, tfPid int) map[int]int64 {
	peaks := map[int]int64{}
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		for _, pid := range childrenOf(tfPid) {
			if hwm, name := procStatus(pid); strings.HasPrefix(name, "terraform-provi") {
				peaks[pid] = max(peaks[pid], hwm)
			}
		}
		select {
		case <-ctx.Done():
			return peaks
		case <-tick.C:
		}
	}
}

func childrenOf(ppid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var out []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces and parentheses.
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(string(stat[i+1:]))
		if len(fields) > 1 && fields[1] == strconv.Itoa(ppid) {
			out = append(out, pid)
		}
	}
	return out
}

// procStatus returns VmHWM (kB) and Name from /proc/<pid>/status.
func procStatus(pid int) (hwm int64, name string) {
	f, err := os.Open(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		v = strings.TrimSpace(v)
		switch k {
		case "Name":
			name = v
		case "VmHWM":
			hwm, _ = strconv.ParseInt(strings.TrimSuffix(v, " kB"), 10, 64)
		}
	}
	return hwm, name
}

// target is the request budget per phase: 1.1 x ceil(N/10) + 5.
func target(n int) int {
	return int(math.Floor(1.1*math.Ceil(float64(n)/10))) + 5
}

func writeReport(cfg config, tf string, runs []runResult) error {
	var b strings.Builder
	version, _ := exec.Command(tf, "version").Output()
	fmt.Fprintf(&b, "# Provider benchmark\n\n")
	fmt.Fprintf(&b, "Written by `make bench` (`go run ./tools/bench`) on %s.\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "- %s, -parallelism=%d, provider built once and loaded with `dev_overrides`\n", firstLine(string(version)), cfg.parallelism)
	fmt.Fprintf(&b, "- sandbox store: quota %d requests per %s, latency %s + 0..%s per request\n", cfg.quota, cfg.window, cfg.latency, cfg.jitter)
	fmt.Fprintf(&b, "- %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	if cfg.settle > 0 {
		note := ""
		if cfg.settle > cfg.window {
			note = ", so each starts with a full quota"
		}
		fmt.Fprintf(&b, "- phases run on one fresh store per N, state and mode, %s apart (not timed)%s: ", cfg.settle, note)
	} else {
		fmt.Fprintf(&b, "- phases run back to back on one fresh store per N, state and mode, sharing its quota: ")
	}
	fmt.Fprintf(&b, "`apply` (create N), `refresh` (`terraform plan`, expects no changes), `update` (`apply -refresh=false`, one attribute of every customer), `destroy` (`-refresh=false`)\n")
	fmt.Fprintf(&b, "- state: `local` is Terraform's default, which rewrites and syncs the whole state file after every resource before that resource's slot takes the next one; `http` is a remote backend, persisted every 20 s\n")
	fmt.Fprintf(&b, "- requests: what the store received, by endpoint; 429s: answered by the store and retried by the provider; surfaced: lines of Terraform's output that report a 429; RSS: the largest peak resident set (VmHWM) among the command's provider processes\n\n")

	for _, n := range cfg.ns {
		for _, state := range cfg.states {
			var mine []runResult
			for _, r := range runs {
				if r.n == n && r.state == state {
					mine = append(mine, r)
				}
			}
			if len(mine) == 0 {
				continue
			}
			fmt.Fprintf(&b, "## N = %d, %s state\n\n", n, state)
			fmt.Fprintf(&b, "Request target with batching: at most 1.1 × ceil(N/10) + 5 = %d per phase.\n\n", target(n))
			b.WriteString("| phase | batching | requests | by endpoint | 429s | surfaced | wall time | provider peak RSS | processes | target |\n")
			b.WriteString("|---|---|---:|---|---:|---:|---:|---:|---:|---|\n")
			for _, phase := range phaseNames {
				for _, r := range mine {
					p, ok := findPhase(r, phase)
					if !ok {
						continue
					}
					check := ""
					if r.mode == "on" {
						check = "✅"
						if p.total > target(n) {
							check = fmt.Sprintf("❌ (%d over)", p.total-target(n))
						}
					}
					if p.err != nil {
						check = "failed: " + p.err.Error()
					}
					fmt.Fprintf(&b, "| %s | %s | %d | %s | %d | %d | %.1f s | %.0f MiB | %d | %s |\n",
						phase, r.mode, p.total, endpoints(p.requests), p.rateLimited, p.surfaced, p.wall.Seconds(), float64(p.peakRSS)/1024, p.providers, check)
				}
			}
			b.WriteString("\n")
			writeTotals(&b, cfg, mine)
		}
	}
	if err := os.MkdirAll(filepath.Dir(cfg.out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(cfg.out, []byte(b.String()), 0o644)
}

var phaseNames = []string{"apply", "refresh", "update", "destroy"}

// writeTotals sums the wall time per mode and compares the modes.
func writeTotals(b *strings.Builder, cfg config, runs []runResult) {
	totals := map[string]time.Duration{}
	complete := map[string]bool{}
	for _, r := range runs {
		complete[r.mode] = len(r.phases) == len(phaseNames) && r.phases[len(r.phases)-1].err == nil
		for _, p := range r.phases {
			totals[r.mode] += p.wall
		}
	}
	for _, mode := range cfg.modes {
		if _, ok := totals[mode]; ok {
			note := ""
			if !complete[mode] {
				note = " (incomplete)"
			}
			fmt.Fprintf(b, "- total wall time, batching %s: %.1f s%s\n", mode, totals[mode].Seconds(), note)
		}
	}
	if complete["on"] && complete["off"] {
		fmt.Fprintf(b, "- batching off takes %.1f× as long as batching on (", float64(totals["off"])/float64(totals["on"]))
		for i, phase := range phaseNames {
			on := findPhaseByMode(runs, "on", phase)
			off := findPhaseByMode(runs, "off", phase)
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%s %.1f×", phase, float64(off.wall)/float64(on.wall))
		}
		b.WriteString(")\n")
	}
	b.WriteString("\n")
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func findPhase(r runResult, name string) (phaseResult, bool) {
	for _, p := range r.phases {
		if p.name == name {
			return p, true
		}
	}
	return phaseResult{}, false
}

func findPhaseByMode(runs []runResult, mode, name string) phaseResult {
	for _, r := range runs {
		if r.mode == mode {
			p, _ := findPhase(r, name)
			return p
		}
	}
	return phaseResult{}
}

// endpoints renders {"POST /v3/customers": 100} as "POST /v3/customers 100".
func endpoints(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
