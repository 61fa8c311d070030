package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The measurements are also saved as JSON next to the report (-out with
// .json), so that -from can write the report again without measuring.

type savedPhase struct {
	Name        string
	Requests    map[string]int
	Total       int
	RateLimited int
	Surfaced    int
	Wall        time.Duration
	PeakRSS     int64
	Providers   int
	Err         string `json:",omitempty"`
}

type savedRun struct {
	Scenario, State, Mode string
	N                     int
	Floor                 bool
	Phases                []savedPhase
}

type savedWorkspaces struct {
	N                                              int
	State                                          string
	Mode                                           string
	Share                                          int
	Floor                                          bool
	Applies                                        []savedPhase
	Wall                                           time.Duration
	Total, RateLimited, Polled, Refused, Customers int
	SetupError                                     string `json:",omitempty"`
}

type saved struct {
	Runs       []savedRun
	Workspaces []savedWorkspaces
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func textErr(s string) error {
	if s == "" {
		return nil
	}
	return errors.New(s)
}

func savePhase(p phaseResult) savedPhase {
	return savedPhase{p.name, p.requests, p.total, p.rateLimited, p.surfaced, p.wall, p.peakRSS, p.providers, errText(p.err)}
}

func loadPhase(p savedPhase) phaseResult {
	return phaseResult{name: p.Name, requests: p.Requests, total: p.Total, rateLimited: p.RateLimited, surfaced: p.Surfaced, wall: p.Wall, peakRSS: p.PeakRSS, providers: p.Providers, err: textErr(p.Err)}
}

func mapSlice[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

func saveReport(path string, rep report) error {
	var s saved
	for _, r := range rep.runs {
		s.Runs = append(s.Runs, savedRun{r.scenario, r.state, r.mode, r.n, r.floor, mapSlice(r.phases, savePhase)})
	}
	for _, w := range rep.workspaces {
		s.Workspaces = append(s.Workspaces, savedWorkspaces{w.n, w.state, w.mode, w.share, w.floor, mapSlice(w.applies, savePhase), w.wall, w.total, w.rateLimit, w.polled, w.refused, w.customers, errText(w.setupError)})
	}
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// loadReports reads and concatenates saved measurements.
func loadReports(paths []string) (report, error) {
	var rep report
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			return rep, err
		}
		var s saved
		if err := json.Unmarshal(b, &s); err != nil {
			return rep, err
		}
		for _, r := range s.Runs {
			rep.runs = append(rep.runs, runResult{scenario: r.Scenario, n: r.N, state: r.State, mode: r.Mode, floor: r.Floor, phases: mapSlice(r.Phases, loadPhase)})
		}
		for _, w := range s.Workspaces {
			rep.workspaces = append(rep.workspaces, wsResult{n: w.N, state: w.State, mode: w.Mode, share: w.Share, floor: w.Floor, applies: mapSlice(w.Applies, loadPhase), wall: w.Wall,
				total: w.Total, rateLimit: w.RateLimited, polled: w.Polled, refused: w.Refused, customers: w.Customers, setupError: textErr(w.SetupError)})
		}
	}
	return rep, nil
}

// jsonPath is where the measurements behind a report are saved.
func jsonPath(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".json"
}

// reportFrom writes the report from saved measurements, with the
// scenarios, sizes and states they hold.
func reportFrom(cfg config, tf string, paths []string) error {
	rep, err := loadReports(paths)
	if err != nil {
		return err
	}
	cfg.scenarios, cfg.ns, cfg.states = nil, nil, nil
	add := func(scenario string, n int, state string) {
		if !slices.Contains(cfg.scenarios, scenario) {
			cfg.scenarios = append(cfg.scenarios, scenario)
		}
		if !slices.Contains(cfg.ns, n) {
			cfg.ns = append(cfg.ns, n)
		}
		if !slices.Contains(cfg.states, state) {
			cfg.states = append(cfg.states, state)
		}
	}
	for _, r := range rep.runs {
		add(r.scenario, r.n, r.state)
	}
	for _, w := range rep.workspaces {
		add("workspaces", w.n, w.state)
	}
	slices.SortFunc(cfg.scenarios, func(a, b string) int { return slices.Index(scenarioNames, a) - slices.Index(scenarioNames, b) })
	slices.Sort(cfg.ns)
	return writeReport(cfg, tf, rep)
}
