package lifecycle_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestCustomerMetafield takes a metafield through its life with the
// commands a user types: create, rename and new value in place, drift and
// its repair, an out-of-band delete and the re-creation, import into a
// fresh state by customer_id/metafield_id, and destroy.
func TestCustomerMetafield(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	customer := s.SeedCustomers(1, 0)[0]
	const addr = "bigcommerce_customer_metafield.test"
	cfg := func(key, value string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_metafield" "test" {
  customer_id    = %d
  namespace      = "loyalty"
  key            = %q
  value          = %q
  permission_set = "read"
  description    = "Loyalty tier"
}
`, customer, key, value)
	}
	get := func(t *testing.T, id string) map[string]any {
		t.Helper()
		var m struct {
			Data map[string]any `json:"data"`
		}
		if s.call(t, http.MethodGet, fmt.Sprintf("/v3/customers/%d/metafields/%s", customer, id), nil, &m) == http.StatusNotFound {
			return nil
		}
		return m.Data
	}
	storeHolds := func(t *testing.T, id, key, value string) {
		t.Helper()
		m := get(t, id)
		if m == nil || m["key"] != key || m["value"] != value || m["namespace"] != "loyalty" || m["description"] != "Loyalty tier" {
			t.Fatalf("the store holds %v; want key %q, value %q", m, key, value)
		}
	}
	changes := func(t *testing.T, out, summary string) {
		t.Helper()
		if !strings.Contains(out, summary) {
			t.Fatalf("the plan does not say %q:\n%s", summary, out)
		}
	}

	w := s.workspace(t)
	w.config(cfg("tier", "Gold"))
	w.apply()
	w.plan(0)
	id := w.id(addr)
	storeHolds(t, id, "tier", "Gold")

	// A new key and value are written in place.
	w.config(cfg("level", "Platinum"))
	changes(t, w.plan(2), "0 to add, 1 to change, 0 to destroy")
	w.apply()
	if got := w.id(addr); got != id {
		t.Fatalf("the update replaced the metafield: id %s, was %s", got, id)
	}
	storeHolds(t, id, "level", "Platinum")
	w.plan(0)

	// Drift shows in the plan, and apply repairs it.
	s.call(t, http.MethodPut, fmt.Sprintf("/v3/customers/%d/metafields/%s", customer, id), map[string]any{"id": atoi(t, id), "value": "Bronze"}, nil)
	out := w.plan(2)
	changes(t, out, `"Bronze" -> "Platinum"`)
	changes(t, out, "0 to add, 1 to change, 0 to destroy")
	w.apply()
	storeHolds(t, id, "level", "Platinum")
	w.plan(0)

	// Deleted out of band: the plan re-creates it, with a warning.
	s.call(t, http.MethodDelete, fmt.Sprintf("/v3/customers/%d/metafields/%s", customer, id), nil, nil)
	out = w.plan(2)
	changes(t, out, "no longer exists")
	changes(t, out, "1 to add, 0 to change, 0 to destroy")
	w.apply()
	id = w.id(addr)
	storeHolds(t, id, "level", "Platinum")

	// Import into a fresh state with the same configuration: nothing to do.
	imp := s.workspace(t)
	imp.config(cfg("level", "Platinum"))
	imp.must(0, "import", "-input=false", addr, fmt.Sprintf("%d/%s", customer, id))
	imp.plan(0)

	imp.must(0, "destroy", "-input=false", "-auto-approve")
	if get(t, id) != nil {
		t.Fatalf("metafield %s is still in the store after destroy", id)
	}
}
