package sandbox

import (
	"strconv"
	"testing"
	"time"
)

func TestConsentShowsTheTimeOfTheCall(t *testing.T) {
	a := newAPI(t, Options{})
	id := a.store.SeedCustomers(1, 0)[0]
	path := "/v3/customers/" + strconv.Itoa(id) + "/consent"

	var got consentV3
	a.do("GET", path, nil).want(t, 200).decode(t, &got)
	if len(got.Allow) != 0 || len(got.Deny) != 0 || got.UpdatedAt != "2026-11-26T10:00:00Z" {
		t.Fatalf("nothing declared: %+v", got)
	}
	a.do("PUT", path, map[string]any{"allow": []string{"essential", "analytics"}, "deny": []string{"targeting"}}).want(t, 200).decode(t, &got)
	a.clock.Advance(time.Hour)
	a.do("GET", path, nil).want(t, 200).decode(t, &got)
	if len(got.Allow) != 2 || got.Deny[0] != "targeting" || got.UpdatedAt != "2026-11-26T11:00:00Z" {
		t.Fatalf("after PUT and an hour: %+v; want the declaration and the time of the GET", got)
	}
	// A list left out keeps its categories.
	a.do("PUT", path, map[string]any{"deny": []string{}}).want(t, 200).decode(t, &got)
	if len(got.Allow) != 2 || len(got.Deny) != 0 {
		t.Fatalf("after clearing deny: %+v", got)
	}

	a.do("GET", "/v3/customers/999/consent", nil).want(t, 422)
	a.do("PUT", "/v3/customers/999/consent", map[string]any{"allow": []string{}}).want(t, 422)
	for name, body := range map[string]any{
		"unknown category":   map[string]any{"allow": []string{"marketing"}},
		"repeated category":  map[string]any{"deny": []string{"analytics", "analytics"}},
		"allowed and denied": map[string]any{"allow": []string{"functional"}, "deny": []string{"functional"}},
		"denies what stays":  map[string]any{"deny": []string{"essential"}},
		"null list":          map[string]any{"allow": nil},
		"not a list":         map[string]any{"allow": "essential"},
	} {
		t.Run(name, func(t *testing.T) { a.do("PUT", path, body).want(t, 422) })
	}
}
