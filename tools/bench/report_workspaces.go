package main

import (
	"fmt"
	"strings"
	"time"
)

func shareLabel(w wsResult) string {
	switch {
	case w.floor:
		return "floor"
	case w.share == 0:
		return fmt.Sprintf("%d (default)", defaultShare)
	}
	return fmt.Sprint(w.share)
}

func writeWorkspaces(b *strings.Builder, cfg config, rows []wsResult) {
	for _, n := range cfg.ns {
		for _, state := range cfg.states {
			for _, mode := range cfg.modes {
				writeWorkspacesTable(b, rows, n, state, mode)
			}
		}
	}
}

func writeWorkspacesTable(b *strings.Builder, rows []wsResult, n int, state, mode string) {
	var mine []wsResult
	var floor *wsResult
	for _, w := range rows {
		if w.n != n || w.state != state {
			continue
		}
		if w.floor {
			floor = &w
			continue
		}
		if w.mode == mode || w.mode == "" && mode == "on" {
			mine = append(mine, w)
		}
	}
	if len(mine) == 0 {
		return
	}
	fmt.Fprintf(b, "## Workspaces: N = %d, %s state, batching %s\n\n", n, state, mode)
	fmt.Fprintf(b, "%d `terraform apply` of %d customers each, at once, against one store with a quota of %d requests per %s (latency as above), while another app polls `GET /v3/customers?limit=1` every %s. 429s answered: by the store to the applies (retried by the provider); surfaced: lines of the applies' output reporting a 429 (must be 0); the app's 429s must be 0 with quota_share below 100. Time: each apply over the same apply of the floor (no quota, no latency, batching on); target %.1f× (batching on).\n\n",
		workspaceCount, ceilDiv(n, workspaceCount), wsQuota, wsWindow, pollEvery, floorLimit(state))
	b.WriteString("| quota_share | apply wall times | results | × floor | all three | requests (the app's included) | 429s to the applies | surfaced | app requests | app 429s | checks |\n")
	b.WriteString("|---|---|---|---|---:|---:|---:|---:|---:|---:|---|\n")
	var notes []string
	for _, w := range append(floorRows(floor), mine...) {
		checks, note := wsChecks(w, floor)
		if note != "" {
			notes = append(notes, note)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %.1f s | %d | %d | %d | %d | %d | %s |\n",
			shareLabel(w), wallTimes(w), results(w), wsRatios(w, floor), w.wall.Seconds(), w.total, w.appliesRateLimited(), surfaced(w), w.polled, w.refused, checks)
	}
	b.WriteString("\n")
	writeNotes(b, notes)
}

func floorRows(floor *wsResult) []wsResult {
	if floor == nil {
		return nil
	}
	return []wsResult{*floor}
}

func wallTimes(w wsResult) string {
	parts := make([]string, len(w.applies))
	for i, a := range w.applies {
		parts[i] = fmt.Sprintf("%.1f s", a.wall.Seconds())
	}
	return strings.Join(parts, ", ")
}

func results(w wsResult) string {
	if w.setupError != nil {
		return "setup failed: " + w.setupError.Error()
	}
	parts := make([]string, len(w.applies))
	for i, a := range w.applies {
		parts[i] = "ok"
		if a.err != nil {
			parts[i] = "failed: " + a.err.Error()
		}
	}
	return strings.Join(parts, ", ")
}

func surfaced(w wsResult) int {
	s := 0
	for _, a := range w.applies {
		s += a.surfaced
	}
	return s
}

func wsRatios(w wsResult, floor *wsResult) string {
	if floor == nil || w.floor || len(floor.applies) != len(w.applies) {
		return "–"
	}
	parts := make([]string, len(w.applies))
	for i, a := range w.applies {
		parts[i] = fmt.Sprintf("%.2f×", ratio(a.wall, &floor.applies[i]))
	}
	return strings.Join(parts, ", ")
}

// wsChecks checks a row: all applies succeed, none surfaces a 429, the app
// is never refused when quota_share < 100, and each apply is within the
// floor target; a note gives the quota's bound when the time misses.
func wsChecks(w wsResult, floor *wsResult) (string, string) {
	if w.floor {
		if w.failed() {
			return "❌ failed", ""
		}
		return "", ""
	}
	var checks []string
	ok := func(cond bool, what string) {
		mark := "✅"
		if !cond {
			mark = "❌"
		}
		checks = append(checks, mark+" "+what)
	}
	ok(!w.failed() && w.customers == ceilDiv(w.n, workspaceCount)*workspaceCount, "all applied")
	ok(surfaced(w) == 0, "0 surfaced")
	share := w.share
	if share == 0 {
		share = defaultShare
	}
	if share < 100 {
		ok(w.refused == 0, "app never refused")
	}
	if floor == nil || len(floor.applies) != len(w.applies) {
		return strings.Join(checks, ", "), ""
	}
	sent := w.total - w.rateLimit - w.polled + w.refused
	qb := quotaBound(sent, wsQuota, wsWindow, share)
	if w.mode == "off" {
		return strings.Join(checks, ", "), fmt.Sprintf("workspaces, N = %d, %s state, batching off, quota_share %s: the applies sent %d requests; at %d %% of %d per %s (%d) they take at least %.0f s from a full window, %.1f× the floor's slowest apply (%.1f s): no time target can hold without batching.",
			w.n, w.state, shareLabel(w), sent, share, wsQuota, wsWindow, wsQuota*share/100, qb.Seconds(), qb.Seconds()/maxWall(floor).Seconds(), maxWall(floor).Seconds())
	}
	limit := floorLimit(w.state)
	var slowest time.Duration
	worst := 0.0
	for i, a := range w.applies {
		worst = max(worst, ratio(a.wall, &floor.applies[i]))
		slowest = max(slowest, a.wall)
	}
	ok(worst <= limit, fmt.Sprintf("time ≤ %.1f× floor", limit))
	if worst <= limit {
		return strings.Join(checks, ", "), ""
	}
	note := fmt.Sprintf("workspaces, N = %d, %s state, quota_share %s: the slowest apply took %.1f s, %.2f× its floor. Quota: the applies sent %d requests and may use %d %% of %d per %s (%d), so together they take at least %.0f s from a full window; the floor's applies took at most %.1f s.",
		w.n, w.state, shareLabel(w), slowest.Seconds(), worst, sent, share, wsQuota, wsWindow, wsQuota*share/100, qb.Seconds(), maxWall(floor).Seconds())
	return strings.Join(checks, ", "), note
}

func maxWall(w *wsResult) time.Duration {
	var m time.Duration
	for _, a := range w.applies {
		m = max(m, a.wall)
	}
	return m
}
