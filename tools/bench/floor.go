package main

import (
	"fmt"
	"strings"
	"time"
)

// The CLI floor: every scenario also runs with batching on against a store
// with no quota and no latency (sandbox.Options{Quota: -1}), with the same
// Terraform CLI and state backend. What a phase takes there is what the
// CLI, the state backend and the provider's own work cost; each measured
// phase is reported as a ratio to it.
const floorNote = "floor: the same CLI, state backend and configuration, batching on, against a store with no quota and no latency (`sandbox.Options{Quota: -1}`); `× floor` is a phase's wall time over the floor's for the same phase. Time target (batching on): within 1.3× the floor with the HTTP backend, 1.5× with local state; where one misses, the notes below each table give the bounds the quota and the latency set"

// defaultShare is the provider's default quota_share (percent).
const defaultShare = 80

func floorLimit(state string) float64 {
	if state == "http" {
		return 1.3
	}
	return 1.5
}

func floorTargetText(state string) string {
	return fmt.Sprintf("within %.1f× the floor (%s state)", floorLimit(state), state)
}

func modeLabel(r runResult) string {
	if r.floor {
		return "floor"
	}
	return r.mode
}

// withFloor puts the floor run, when there is one, before the others.
func withFloor(floor *runResult, runs []runResult) []runResult {
	if floor == nil {
		return runs
	}
	return append([]runResult{*floor}, runs...)
}

func floorPhase(floor *runResult, name string) *phaseResult {
	if floor == nil {
		return nil
	}
	p, ok := findPhase(*floor, name)
	if !ok || p.err != nil || p.wall <= 0 {
		return nil
	}
	return &p
}

// ratio is a wall time over its floor's; 0 when there is no floor.
func ratio(wall time.Duration, floor *phaseResult) float64 {
	if floor == nil || floor.wall <= 0 {
		return 0
	}
	return float64(wall) / float64(floor.wall)
}

func ratioText(p phaseResult, floor *phaseResult) string {
	r := ratio(p.wall, floor)
	if r == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", r)
}

// quotaBound is the least time requests take when a client may send at
// most share % of quota per window, starting with a full window: every
// window but the last is waited out.
func quotaBound(requests, quota int, window time.Duration, share int) time.Duration {
	per := quota * share / 100
	if quota <= 0 || per <= 0 || requests <= per {
		return 0
	}
	return time.Duration(ceilDiv(requests, per)-1) * window
}

// quotaBoundAfter is the least time requests take after earlier phases on
// the same store sent prevSent requests in prevWall: the store's windows
// run back to back at best, so all of them cannot end before
// quotaBound(prevSent+requests), of which prevWall has passed.
func quotaBoundAfter(prevSent int, prevWall time.Duration, requests, quota int, window time.Duration, share int) time.Duration {
	return max(0, quotaBound(prevSent+requests, quota, window, share)-prevWall)
}

// latencyBound is the least time requests take when each waits at least
// latency and at most parallelism are in flight.
func latencyBound(requests int, latency time.Duration, parallelism int) time.Duration {
	if parallelism < 1 {
		parallelism = 1
	}
	return time.Duration(ceilDiv(requests, parallelism)) * latency
}

// phaseCalls is how many resource calls (reads, creates, updates or
// deletes) a phase makes to the provider: each waits for its own answer,
// batched or not.
func phaseCalls(scenario, phase string, n int) int {
	switch {
	case scenario == "store" && phase == "update":
		return 3 * n // customers, addresses and values change
	case scenario == "store":
		return 3*n + 1 + storeGroups
	default:
		return n
	}
}

type verdict struct{ mark, note string }

// floorVerdict checks a batching-on phase against its floor and, when it
// misses, says what the quota and the latency account for.
func floorVerdict(cfg config, r runResult, p phaseResult, fp *phaseResult) verdict {
	if fp == nil || p.err != nil {
		return verdict{}
	}
	limit := floorLimit(r.state)
	x := ratio(p.wall, fp)
	if x <= limit {
		return verdict{mark: fmt.Sprintf("time ✅ (%.2f× ≤ %.1f×)", x, limit)}
	}
	sent := p.total - p.rateLimited
	i := phaseIndex(r, p.name)
	prevSent, prevWall := 0, time.Duration(0)
	if cfg.settle == 0 {
		for _, q := range r.phases[:max(i, 0)] {
			prevSent += q.total - q.rateLimited
			prevWall += q.wall
		}
	}
	qb := max(quotaBound(sent, cfg.quota, cfg.window, defaultShare), quotaBoundAfter(prevSent, prevWall, sent, cfg.quota, cfg.window, defaultShare))
	calls := phaseCalls(r.scenario, p.name, r.n)
	lb := latencyBound(max(sent, calls), cfg.latency, cfg.parallelism)
	best := fp.wall + qb + lb
	var why strings.Builder
	fmt.Fprintf(&why, "%s, N = %d, %s state, %s: %.1f s is %.2f× its floor (%.1f s), over %.1f×. ",
		r.scenario, r.n, r.state, p.name, p.wall.Seconds(), x, fp.wall.Seconds(), limit)
	fmt.Fprintf(&why, "Quota: %d requests at %d per %s (the provider's %d %% share of %d) take at least %.0f s from a full window",
		sent, cfg.quota*defaultShare/100, cfg.window, defaultShare, cfg.quota, qb.Seconds())
	if prevSent > 0 {
		fmt.Fprintf(&why, ", or, counting the %d requests of the earlier phases on this store (%.1f s), at least %.0f s", prevSent, prevWall.Seconds(), quotaBoundAfter(prevSent, prevWall, sent, cfg.quota, cfg.window, defaultShare).Seconds())
	}
	if p.rateLimited > 0 {
		fmt.Fprintf(&why, "; the store answered %d 429s", p.rateLimited)
	}
	fmt.Fprintf(&why, ". Latency: each of the phase's %d resource calls waits ≥ %s for its answer, batched or not, and at most %d run at once, so ≥ %.1f s. ", calls, cfg.latency, cfg.parallelism, lb.Seconds())
	if best.Seconds() > limit*fp.wall.Seconds() {
		fmt.Fprintf(&why, "Floor + these = %.1f s = %.2f× the floor: the target cannot hold here.", best.Seconds(), float64(best)/float64(fp.wall))
		return verdict{mark: "time ❌ (cannot hold, see notes)", note: why.String()}
	}
	fmt.Fprintf(&why, "Floor + these = %.1f s = %.2f×, within the target: these bounds do not explain the other %.1f s.", best.Seconds(), float64(best)/float64(fp.wall), (p.wall - best).Seconds())
	return verdict{mark: "time ❌ (see notes)", note: why.String()}
}

func phaseIndex(r runResult, name string) int {
	for i, p := range r.phases {
		if p.name == name {
			return i
		}
	}
	return -1
}

func writeNotes(b *strings.Builder, notes []string) {
	for _, n := range notes {
		fmt.Fprintf(b, "- %s\n", n)
	}
	if len(notes) > 0 {
		b.WriteString("\n")
	}
}
