package main

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFamilyOf(t *testing.T) {
	for endpoint, want := range map[string]string{
		"GET /v3/customers":                     famCustomers,
		"PUT /v3/customers":                     famCustomers,
		"GET /v2/customers/{id}":                famCustomers,
		"POST /v3/customers/addresses":          famAddresses,
		"DELETE /v3/customers/addresses":        famAddresses,
		"GET /v3/customers/attributes":          famAttributes,
		"PUT /v3/customers/attribute-values":    famValues,
		"DELETE /v3/customers/attribute-values": famValues,
		"POST /v2/customer_groups":              famGroups,
		"DELETE /v2/customer_groups/{id}":       famGroups,
		"GET /v2/customer_groups/count":         famGroups,
		"GET /v3/customers/{id}/metafields":     famOther,
		"GET /v3/segments":                      famOther,
	} {
		if got := familyOf(endpoint); got != want {
			t.Errorf("familyOf(%q) = %q, want %q", endpoint, got, want)
		}
	}
}

func TestByFamily(t *testing.T) {
	got := byFamily(map[string]int{"GET /v3/customers": 3, "PUT /v3/customers": 2, "POST /v2/customer_groups": 20, "GET /v3/customers/addresses": 4})
	if got[famCustomers] != 5 || got[famGroups] != 20 || got[famAddresses] != 4 || len(got) != 3 {
		t.Errorf("byFamily = %v", got)
	}
}

func TestIdealStore(t *testing.T) {
	apply := idealStore("apply", 200, 20, 10)
	if apply[famCustomers] != 20 || apply[famAddresses] != 20 || apply[famValues] != 40 || apply[famAttributes] != 1 || apply[famGroups] != 20 {
		t.Errorf("apply ideal = %v", apply)
	}
	update := idealStore("update", 205, 20, 10)
	if update[famCustomers] != 21 || update[famGroups] != 0 || update[famAttributes] != 0 {
		t.Errorf("update ideal = %v", update)
	}
	// Reads carry at most what is in flight: 50 ids at -parallelism=100.
	if got := idealStore("refresh", 200, 20, 100)[famCustomers]; got != 4 {
		t.Errorf("refresh ideal at parallelism 100 = %d, want 4", got)
	}
	if got := idealStore("refresh", 200, 20, 10)[famCustomers]; got != 20 {
		t.Errorf("refresh ideal at parallelism 10 = %d, want 20", got)
	}
	if got := idealStore("destroy", 200, 20, 10)[famValues]; got != 40 {
		t.Errorf("destroy ideal of values = %d, want 40 (a listing and a delete per batch)", got)
	}
	if idealStore("import", 1, 1, 1) != nil {
		t.Error("an unknown phase has an ideal")
	}
}

func TestTargets(t *testing.T) {
	for ideal, want := range map[int]int{0: 5, 1: 6, 20: 27, 100: 115, 101: 116} {
		if got := familyTarget(ideal); got != want {
			t.Errorf("familyTarget(%d) = %d, want %d", ideal, got, want)
		}
	}
	// The customers scenario's target agrees with the family target.
	if target(1000) != familyTarget(100) || target(95) != familyTarget(10) {
		t.Errorf("target(1000) = %d, target(95) = %d", target(1000), target(95))
	}
}

func TestBounds(t *testing.T) {
	w := 30 * time.Second
	for _, c := range []struct {
		requests int
		want     time.Duration
	}{{0, 0}, {120, 0}, {121, w}, {240, w}, {621, 5 * w}} {
		if got := quotaBound(c.requests, 150, w, 80); got != c.want {
			t.Errorf("quotaBound(%d) = %s, want %s", c.requests, got, c.want)
		}
	}
	if got := quotaBound(1000, -1, w, 80); got != 0 {
		t.Errorf("unlimited quota bound = %s", got)
	}
	// 167 then 88 requests: 255 need 3 windows, 60 s, of which 20 s passed.
	if got := quotaBoundAfter(167, 20*time.Second, 88, 150, w, 80); got != 40*time.Second {
		t.Errorf("quotaBoundAfter = %s, want 40s", got)
	}
	if got := quotaBoundAfter(167, 90*time.Second, 88, 150, w, 80); got != 0 {
		t.Errorf("quotaBoundAfter past the bound = %s", got)
	}
	// The whole window: 255 requests at 150 per window still need 2 windows.
	if got := quotaBoundAfter(167, 20*time.Second, 88, 150, w, 100); got != 10*time.Second {
		t.Errorf("quotaBoundAfter at 100 %% = %s, want 10s", got)
	}
	if got := phaseCalls("store", "refresh", 200); got != 621 {
		t.Errorf("store refresh calls = %d, want 621", got)
	}
	if got := phaseCalls("store", "update", 200); got != 600 {
		t.Errorf("store update calls = %d, want 600", got)
	}
	if got := phaseCalls("customers", "apply", 200); got != 200 {
		t.Errorf("customers apply calls = %d, want 200", got)
	}
	if got := latencyBound(81, 50*time.Millisecond, 10); got != 450*time.Millisecond {
		t.Errorf("latencyBound = %s", got)
	}
}

func TestRatioAndVerdict(t *testing.T) {
	floor := &phaseResult{name: "apply", wall: 10 * time.Second}
	if got := ratioText(phaseResult{wall: 12 * time.Second}, floor); got != "1.20×" {
		t.Errorf("ratioText = %q", got)
	}
	if got := ratioText(phaseResult{wall: time.Second}, nil); got != "–" {
		t.Errorf("ratioText without floor = %q", got)
	}
	cfg := config{quota: 150, window: 30 * time.Second, latency: 50 * time.Millisecond, parallelism: 10}
	r := runResult{scenario: "store", n: 200, state: "http", mode: "on"}
	if v := floorVerdict(cfg, r, phaseResult{name: "apply", wall: 12 * time.Second}, floor); v.note != "" || !strings.Contains(v.mark, "✅") {
		t.Errorf("within target: %+v", v)
	}
	// 621 requests at 120 a window: 5 more windows of 30 s.
	v := floorVerdict(cfg, r, phaseResult{name: "apply", wall: 200 * time.Second, total: 621}, floor)
	if !strings.Contains(v.mark, "cannot hold") || !strings.Contains(v.note, "at least 150 s") {
		t.Errorf("quota-bound miss: %+v", v)
	}
	// 50 requests: the quota does not explain a miss, and the 621 calls'
	// latency (at least 3.1 s) explains only part of it.
	long := &phaseResult{name: "apply", wall: 20 * time.Second}
	v = floorVerdict(cfg, r, phaseResult{name: "apply", wall: 40 * time.Second, total: 50}, long)
	if strings.Contains(v.mark, "cannot hold") || !strings.Contains(v.note, "do not explain") || !strings.Contains(v.note, "621 resource calls") {
		t.Errorf("unexplained miss: %+v", v)
	}
	// The same 50 requests over a short floor: the calls' latency is what
	// the target cannot absorb.
	v = floorVerdict(cfg, r, phaseResult{name: "apply", wall: 20 * time.Second, total: 50}, floor)
	if !strings.Contains(v.mark, "cannot hold") || !strings.Contains(v.note, "so ≥ 3.1 s") {
		t.Errorf("latency-bound miss: %+v", v)
	}
	if v := floorVerdict(cfg, r, phaseResult{name: "apply", err: errors.New("x")}, floor); v.mark != "" {
		t.Errorf("failed phase: %+v", v)
	}
}

func TestStoreRequestCheck(t *testing.T) {
	ok := map[string]int{famCustomers: 20, famAddresses: 22, famAttributes: 1, famValues: 27, famGroups: 20}
	if got := storeRequestCheck("apply", 200, 10, ok); got != "✅" {
		t.Errorf("check = %q", got)
	}
	over := map[string]int{famCustomers: 20, famValues: 50, famGroups: 20, famOther: 2}
	if got := storeRequestCheck("apply", 200, 10, over); got != "❌ attribute values 50 > 49, other 2" {
		t.Errorf("check = %q", got)
	}
}

func TestSavedRoundTrip(t *testing.T) {
	rep := report{
		runs: []runResult{{scenario: "store", n: 3, state: "local", mode: "on", floor: true, phases: []phaseResult{
			{name: "apply", requests: map[string]int{"POST /v3/customers": 1}, total: 1, wall: time.Second, err: errors.New("boom")},
		}}},
		workspaces: []wsResult{{n: 3, state: "http", share: 50, applies: []phaseResult{{name: "apply", wall: 2 * time.Second}}, polled: 4, refused: 1}},
	}
	path := filepath.Join(t.TempDir(), "r.json")
	if err := saveReport(path, rep); err != nil {
		t.Fatal(err)
	}
	got, err := loadReports([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	r := got.runs[0]
	if r.scenario != "store" || !r.floor || r.phases[0].requests["POST /v3/customers"] != 1 || r.phases[0].wall != time.Second || r.phases[0].err.Error() != "boom" {
		t.Errorf("run = %+v", r)
	}
	if w := got.workspaces[0]; w.share != 50 || w.polled != 4 || w.refused != 1 || w.applies[0].wall != 2*time.Second {
		t.Errorf("workspaces = %+v", w)
	}
	if jsonPath("bench/results.md") != "bench/results.json" {
		t.Error(jsonPath("bench/results.md"))
	}
}

func TestCountingWriter(t *testing.T) {
	var w countingWriter
	_, _ = w.Write([]byte("bigcommerce_customer.bench[429]: Creating...\nError: BigCommerce answered 429 Too Many"))
	_, _ = w.Write([]byte(" Requests\n"))
	if got := w.count(); got != 1 {
		t.Errorf("count = %d, want 1", got)
	}
}

func TestStoreRequestNote(t *testing.T) {
	ok := map[string]int{famCustomers: 20, famAddresses: 22, famAttributes: 1, famValues: 40, famGroups: 20}
	if got := storeRequestNote("apply", 200, 10, ok); got != "" {
		t.Errorf("within targets: note %q", got)
	}
	over := map[string]int{famCustomers: 22, famAddresses: 32, famValues: 70, famGroups: 20}
	got := storeRequestNote("destroy", 200, 10, over)
	for _, want := range []string{"addresses: 200 items in 32 batches (32 requests), 6.2 a batch", "attribute values: 200 items in 35 batches (70 requests), 5.7 a batch"} {
		if !strings.Contains(got, want) {
			t.Errorf("note %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "customers:") {
		t.Errorf("note %q names customers, which are within their target", got)
	}
}
