package main

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// target is the request budget per phase: 1.1 x ceil(N/10) + 5.
func target(n int) int {
	return int(math.Floor(1.1*math.Ceil(float64(n)/10))) + 5
}

// report is everything measured so far.
type report struct {
	runs       []runResult // customers and store scenarios, floors included
	workspaces []wsResult
}

func writeReport(cfg config, tf string, rep report) error {
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
	fmt.Fprintf(&b, "`apply` (create), `refresh` (`terraform plan`, expects no changes), `update` (`apply -refresh=false`, one attribute of every resource the scenario changes), `destroy` (`-refresh=false`)\n")
	fmt.Fprintf(&b, "- state: `local` is Terraform's default, which rewrites and syncs the whole state file after every resource before that resource's slot takes the next one; `http` is a remote backend, persisted every 20 s\n")
	fmt.Fprintf(&b, "- requests: what the store received, by endpoint; 429s: answered by the store and retried by the provider; surfaced: lines of Terraform's output that report a 429; RSS: the largest peak resident set (VmHWM) among the command's provider processes\n")
	fmt.Fprintf(&b, "- %s\n\n", floorNote)
	if cfg.note != "" {
		fmt.Fprintf(&b, "%s\n\n", cfg.note)
	}

	for _, sc := range cfg.scenarios {
		switch sc {
		case "customers":
			writeCustomers(&b, cfg, rep.runs)
		case "store":
			writeStore(&b, cfg, rep.runs)
		case "workspaces":
			writeWorkspaces(&b, cfg, rep.workspaces)
		}
	}
	if err := os.MkdirAll(filepath.Dir(cfg.out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(cfg.out, []byte(b.String()), 0o644)
}

// selectRuns returns the runs of a scenario, N and state, the floor first.
func selectRuns(runs []runResult, scenario string, n int, state string) (floor *runResult, mine []runResult) {
	for _, r := range runs {
		if r.scenario != scenario || r.n != n || r.state != state {
			continue
		}
		if r.floor {
			floor = &r
			continue
		}
		mine = append(mine, r)
	}
	return floor, mine
}

func writeCustomers(b *strings.Builder, cfg config, runs []runResult) {
	for _, n := range cfg.ns {
		for _, state := range cfg.states {
			floor, mine := selectRuns(runs, "customers", n, state)
			if len(mine) == 0 && floor == nil {
				continue
			}
			fmt.Fprintf(b, "## Customers: N = %d, %s state\n\n", n, state)
			fmt.Fprintf(b, "Request target with batching: at most 1.1 × ceil(N/10) + 5 = %d per phase. Time target: %s.\n\n", target(n), floorTargetText(state))
			b.WriteString("| phase | batching | requests | by endpoint | 429s | surfaced | wall time | × floor | provider peak RSS | processes | target |\n")
			b.WriteString("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|\n")
			var notes []string
			for _, phase := range phaseNames {
				fp := floorPhase(floor, phase)
				for _, r := range withFloor(floor, mine) {
					p, ok := findPhase(r, phase)
					if !ok {
						continue
					}
					check := ""
					if r.mode == "on" && !r.floor {
						check = "✅"
						if p.total > target(n) {
							check = fmt.Sprintf("❌ (%d over)", p.total-target(n))
						}
						v := floorVerdict(cfg, r, p, fp)
						check += " " + v.mark
						if v.note != "" {
							notes = append(notes, v.note)
						}
					}
					if p.err != nil {
						check = "failed: " + p.err.Error()
					}
					fmt.Fprintf(b, "| %s | %s | %d | %s | %d | %d | %.1f s | %s | %.0f MiB | %d | %s |\n",
						phase, modeLabel(r), p.total, endpoints(p.requests), p.rateLimited, p.surfaced, p.wall.Seconds(), ratioText(p, fp), float64(p.peakRSS)/1024, p.providers, check)
				}
			}
			b.WriteString("\n")
			writeNotes(b, notes)
			writeTotals(b, cfg, mine)
		}
	}
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
