package lifecycle_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestCustomerSubscriber takes a newsletter subscriber through its life with
// the commands a user types: create, new name, source and consents in
// place, drift and its repair, an out-of-band delete and the re-creation,
// import into a fresh state by id and then by e-mail in another case, and
// destroy.
func TestCustomerSubscriber(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	const (
		addr  = "bigcommerce_customer_subscriber.test"
		email = "jane.subscriber@example.com"
	)
	cfg := func(last, source, orderID, consents string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_subscriber" "test" {
  email      = %q
  first_name = "Jane"
  last_name  = %q
  source     = %q
  order_id   = %s
  consents   = %s
}
`, email, last, source, orderID, consents)
	}
	created := cfg("Doe", "storefront", "null", `["marketing_newsletter"]`)
	updated := cfg("Smith", "order", "42", `["marketing_newsletter", "abandoned_cart"]`)
	get := func(t *testing.T, id string) map[string]any {
		t.Helper()
		var sub struct {
			Data map[string]any `json:"data"`
		}
		if s.call(t, http.MethodGet, "/v3/customers/subscribers/"+id, nil, &sub) == http.StatusNotFound {
			return nil
		}
		return sub.Data
	}
	lifecycle{
		addr:    addr,
		created: created,
		updated: updated,
		updatedInStore: func(t *testing.T, id string) {
			sub := get(t, id)
			consents, _ := sub["consents"].([]any)
			if sub == nil || sub["last_name"] != "Smith" || sub["source"] != "order" || fmt.Sprint(sub["order_id"]) != "42" || len(consents) != 2 {
				t.Fatalf("the store holds %v; want last_name Smith, source order, order_id 42, two consents", sub)
			}
		},
		drift: func(t *testing.T, id string) {
			s.call(t, http.MethodPut, "/v3/customers/subscribers/"+id, map[string]any{"last_name": "Drifted", "consents": []string{}}, nil)
		},
		driftShows: []string{`"Drifted" -> "Smith"`, `consents`},
		remove: func(t *testing.T, id string) {
			s.call(t, http.MethodDelete, "/v3/customers/subscribers/"+id, nil, nil)
		},
		exists: func(t *testing.T, id string) bool { return get(t, id) != nil },
	}.run(t, s)

	// Import by e-mail, in another case, into a fresh state: nothing to do.
	w := s.workspace(t)
	w.config(updated)
	w.apply()
	id := w.id(addr)
	imp := s.workspace(t)
	imp.config(updated)
	imp.must(0, "import", "-input=false", addr, strings.ToUpper(email))
	if got := imp.id(addr); got != id {
		t.Fatalf("import by e-mail found subscriber %s, want %s", got, id)
	}
	imp.plan(0)
	imp.must(0, "destroy", "-input=false", "-auto-approve")
	if get(t, id) != nil {
		t.Fatalf("subscriber %s is still in the store after destroy", id)
	}
}
