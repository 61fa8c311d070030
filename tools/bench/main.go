// Command bench measures the provider at store scale: it runs the real
// Terraform CLI against a sandbox store with BigCommerce's Standard quota
// (150 requests per 30 s) and a realistic latency, with batching on and
// off, and writes a Markdown table. Three scenarios:
//
//   - customers: N customers;
//   - store: a whole store: N customers, each with an address and a value of
//     one customer attribute, and 20 customer groups; requests are reported
//     per family (customers, addresses, attributes, attribute values, groups)
//     against each family's ideal count;
//   - workspaces: three applies of N/3 customers each at once against one
//     store (quota 60 per 10 s), while another app polls it once a second,
//     with quota_share 100, 50 and the default 80.
//
// For each N and mode the customers and store scenarios start a fresh store
// and run, with Terraform's default parallelism:
//
//	apply    terraform apply            creates the resources
//	refresh  terraform plan             reads them all; must find no changes
//	update   terraform apply -refresh=false   changes one attribute of each
//	destroy  terraform destroy -refresh=false deletes them all
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
// Every scenario also has a floor run (-floor, on by default): the same CLI,
// state backend and configuration, batching on, against a store with no
// quota and no latency. Each phase is reported as a ratio to its floor.
//
// Usage (from the repository root; `make bench`):
//
//	go run ./tools/bench [-scenario customers,store,workspaces] [-n 100,1000] [-modes on,off] [-state local,http] [-out bench/results.md]
//	go run ./tools/bench -from bench/a.json,bench/b.json -out bench/results.md
//
// BENCH_SCENARIO, BENCH_N, BENCH_MODES and BENCH_STATE override the
// defaults of -scenario, -n, -modes and -state. The measurements are saved
// next to the report (-out with .json); -from writes the report from saved
// measurements without measuring.
package main

import (
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type config struct {
	scenarios   []string // "customers", "store", "workspaces"
	note        string   // a paragraph for the report
	floor       bool     // also run each scenario against a store with no quota and no latency
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
	var scenarios, ns, modes, states string
	flag.StringVar(&scenarios, "scenario", envOr("BENCH_SCENARIO", "customers,store,workspaces"), "comma-separated scenarios: customers, store, workspaces (env BENCH_SCENARIO)")
	flag.BoolVar(&cfg.floor, "floor", true, "also run every scenario against a store with no quota and no latency (the CLI floor)")
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
	flag.StringVar(&cfg.note, "note", "", "a paragraph for the report, after its list of conditions (e.g. the sizes measured)")
	from := flag.String("from", "", "comma-separated JSON files of earlier runs (written next to -out): write the report from them without measuring")
	flag.Parse()

	for _, sc := range strings.Split(scenarios, ",") {
		sc = strings.TrimSpace(sc)
		if !slices.Contains(scenarioNames, sc) {
			return fmt.Errorf("-scenario: %q is none of %s", sc, strings.Join(scenarioNames, ", "))
		}
		cfg.scenarios = append(cfg.scenarios, sc)
	}
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
	if *from != "" {
		return reportFrom(cfg, tf, strings.Split(*from, ","))
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

	var rep report
	save := func() error {
		if err := writeReport(cfg, tf, rep); err != nil {
			return err
		}
		return saveReport(jsonPath(cfg.out), rep)
	}
	for _, sc := range cfg.scenarios {
		for _, n := range cfg.ns {
			for _, state := range cfg.states {
				backend := func(name string) string {
					if state == "http" {
						return stateSrv.URL + "/" + name
					}
					return ""
				}
				if sc == "workspaces" {
					for _, mode := range cfg.modes {
						rows := quotaShares
						if cfg.floor && mode == "on" {
							rows = append([]int{-1}, rows...)
						}
						for _, share := range rows {
							res := wsResult{n: n, state: state, mode: mode, share: max(share, 0), floor: share < 0}
							name := fmt.Sprintf("%s-n%d-%s-%s-share%d", sc, n, state, mode, res.share)
							if res.floor {
								name = fmt.Sprintf("%s-n%d-%s-floor", sc, n, state)
							}
							logf("%s", name)
							rep.workspaces = append(rep.workspaces, runWorkspaces(cfg, tf, env, filepath.Join(work, name), res, backend(name)))
							if err := save(); err != nil {
								return err
							}
						}
					}
					continue
				}
				runs := []runResult{}
				if cfg.floor {
					runs = append(runs, runResult{scenario: sc, n: n, state: state, mode: "on", floor: true})
				}
				for _, mode := range cfg.modes {
					runs = append(runs, runResult{scenario: sc, n: n, state: state, mode: mode})
				}
				for _, r := range runs {
					name := fmt.Sprintf("%s-n%d-%s-%s", sc, n, state, r.mode)
					if r.floor {
						name = fmt.Sprintf("%s-n%d-%s-floor", sc, n, state)
					}
					logf("%s", name)
					run := runCustomers
					if sc == "store" {
						run = runStore
					}
					r, err := run(cfg, tf, env, filepath.Join(work, name), r, backend(name))
					rep.runs = append(rep.runs, r)
					if err != nil {
						logf("%s: %v", name, err)
					}
					if err := save(); err != nil {
						return err
					}
				}
			}
		}
	}
	logf("wrote %s", cfg.out)
	return nil
}

var scenarioNames = []string{"customers", "store", "workspaces"}

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
