package lifecycle_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestCustomerConsent takes a consent through its life with the commands a
// user types. A consent cannot be deleted: destroy leaves it in the store.
func TestCustomerConsent(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	customer := s.SeedCustomers(1, 0)[0]
	cfg := func(allow, deny string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_consent" "test" {
  customer_id = %d
  allow       = %s
  deny        = %s
}
`, customer, allow, deny)
	}
	consent := func(t *testing.T) (allow, deny []string) {
		var c struct{ Allow, Deny []string }
		s.call(t, http.MethodGet, fmt.Sprintf("/v3/customers/%d/consent", customer), nil, &c)
		slices.Sort(c.Allow)
		slices.Sort(c.Deny)
		return c.Allow, c.Deny
	}
	want := func(t *testing.T, allow, deny []string) {
		t.Helper()
		if a, d := consent(t); !slices.Equal(a, allow) || !slices.Equal(d, deny) {
			t.Fatalf("the store holds allow %v deny %v; want %v and %v", a, d, allow, deny)
		}
	}

	w := s.workspace(t)
	w.config(cfg(`["essential"]`, `["targeting"]`))
	w.apply()
	w.plan(0)
	want(t, []string{"essential"}, []string{"targeting"})

	// In place.
	w.config(cfg(`["essential", "functional"]`, `["targeting"]`))
	if out := w.plan(2); !strings.Contains(out, "0 to add, 1 to change, 0 to destroy") {
		t.Fatalf("a new category should update the consent in place:\n%s", out)
	}
	w.apply()
	want(t, []string{"essential", "functional"}, []string{"targeting"})
	w.plan(0)

	// Drift shows and is repaired.
	s.call(t, http.MethodPut, fmt.Sprintf("/v3/customers/%d/consent", customer), map[string]any{"allow": []string{"essential"}}, nil)
	if out := w.plan(2); !strings.Contains(out, `+ "functional"`) {
		t.Fatalf("the plan does not show the category allowed again:\n%s", out)
	}
	w.apply()
	want(t, []string{"essential", "functional"}, []string{"targeting"})

	// Import into a fresh state: nothing to do.
	imp := s.workspace(t)
	imp.config(cfg(`["essential", "functional"]`, `["targeting"]`))
	imp.must(0, "import", "-input=false", "bigcommerce_customer_consent.test", fmt.Sprint(customer))
	imp.plan(0)

	// Destroy stops managing the consent and says so; the store keeps it.
	if out := imp.must(0, "destroy", "-input=false", "-auto-approve"); !strings.Contains(out, "Customer consent left in the store") {
		t.Fatalf("destroy does not warn that the consent stays:\n%s", out)
	}
	want(t, []string{"essential", "functional"}, []string{"targeting"})
}
