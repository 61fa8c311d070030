package lifecycle_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// lifecycle is one resource's life as a user sees it.
type lifecycle struct {
	addr    string // e.g. bigcommerce_customer.test
	created string // configuration of the first apply
	updated string // the same resource with attributes changed in place

	// updatedInStore fails the test unless the store holds the updated
	// attributes for the resource with this id.
	updatedInStore func(t *testing.T, id string)
	// drift changes the resource in the store behind the CLI's back; the
	// plan must then show every string of driftShows.
	drift      func(t *testing.T, id string)
	driftShows []string
	// remove deletes the resource in the store; exists looks it up.
	remove func(t *testing.T, id string)
	exists func(t *testing.T, id string) bool
}

// run takes the resource through create, in-place update, drift and its
// repair, an out-of-band delete and the re-creation, an import into a fresh
// state, and destroy, with the commands a user types.
func (lc lifecycle) run(t *testing.T, s *store) {
	w := s.workspace(t)
	w.config(lc.created)
	w.apply()
	w.plan(0)
	id := w.id(lc.addr)
	if !lc.exists(t, id) {
		t.Fatalf("the store has no %s %s after apply", lc.addr, id)
	}

	// Update in place.
	w.config(lc.updated)
	out := w.plan(2)
	if !strings.Contains(out, "0 to add, 1 to change, 0 to destroy") {
		t.Fatalf("changed attributes should update %s in place:\n%s", lc.addr, out)
	}
	w.apply()
	if got := w.id(lc.addr); got != id {
		t.Fatalf("the update replaced %s: id %s, was %s", lc.addr, got, id)
	}
	lc.updatedInStore(t, id)
	w.plan(0)

	// Drift shows in the plan, and apply repairs it.
	lc.drift(t, id)
	out = w.plan(2)
	for _, want := range lc.driftShows {
		if !strings.Contains(out, want) {
			t.Fatalf("the plan after an out-of-band change does not show %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "0 to add, 1 to change, 0 to destroy") {
		t.Fatalf("drift should be repaired in place:\n%s", out)
	}
	w.apply()
	lc.updatedInStore(t, id)
	w.plan(0)

	// Deleted out of band: the plan re-creates it, with a warning. (Before
	// Terraform 1.12, a Read that removed a resource once failed here with
	// "Missing Resource Identity After Read".)
	lc.remove(t, id)
	out = w.plan(2)
	if !strings.Contains(out, "no longer exists") {
		t.Fatalf("the plan does not warn that %s no longer exists:\n%s", lc.addr, out)
	}
	if !strings.Contains(out, "1 to add, 0 to change, 0 to destroy") {
		t.Fatalf("the plan does not re-create %s:\n%s", lc.addr, out)
	}
	w.apply()
	id = w.id(lc.addr)
	lc.updatedInStore(t, id)

	// Import into a fresh state with the same configuration: nothing to do.
	imp := s.workspace(t)
	imp.config(lc.updated)
	imp.must(0, "import", "-input=false", lc.addr, id)
	imp.plan(0)

	imp.must(0, "destroy", "-input=false", "-auto-approve")
	if lc.exists(t, id) {
		t.Fatalf("%s %s is still in the store after destroy", lc.addr, id)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// first returns the first item of a V3 listing, nil when it is empty.
func (s *store) first(t *testing.T, path string) map[string]any {
	t.Helper()
	var page struct {
		Data []map[string]any `json:"data"`
	}
	s.call(t, http.MethodGet, path, nil, &page)
	if len(page.Data) == 0 {
		return nil
	}
	return page.Data[0]
}

// attribute returns the customer attribute with this id, nil when there is
// none (the API filters attributes by name and type, not by id).
func (s *store) attribute(t *testing.T, id string) map[string]any {
	t.Helper()
	var page struct {
		Data []map[string]any `json:"data"`
	}
	s.call(t, http.MethodGet, "/v3/customers/attributes?limit=250", nil, &page)
	for _, a := range page.Data {
		if fmt.Sprint(a["id"]) == id {
			return a
		}
	}
	return nil
}

// group returns the customer group with this id, nil when there is none.
func (s *store) group(t *testing.T, id string) map[string]any {
	t.Helper()
	var g map[string]any
	if s.call(t, http.MethodGet, "/v2/customer_groups/"+id, nil, &g) == http.StatusNotFound {
		return nil
	}
	return g
}

func TestCustomer(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	cfg := func(company, notes string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
  company    = %q
  phone      = "555-123-4567"
  notes      = %q
}
`, company, notes)
	}
	get := func(t *testing.T, id string) map[string]any { return s.first(t, "/v3/customers?id:in="+id) }
	lifecycle{
		addr:    "bigcommerce_customer.test",
		created: cfg("Acme Corp", "first order in 2019"),
		updated: cfg("Acme Holdings", "wholesale buyer"),
		updatedInStore: func(t *testing.T, id string) {
			c := get(t, id)
			if c == nil || c["company"] != "Acme Holdings" || c["notes"] != "wholesale buyer" {
				t.Fatalf("the store holds %v; want company \"Acme Holdings\", notes \"wholesale buyer\"", c)
			}
		},
		drift: func(t *testing.T, id string) {
			s.call(t, http.MethodPut, "/v3/customers", []any{map[string]any{"id": atoi(t, id), "company": "Drifted Inc"}}, nil)
		},
		driftShows: []string{`company`, `"Drifted Inc" -> "Acme Holdings"`},
		remove: func(t *testing.T, id string) {
			s.call(t, http.MethodDelete, "/v3/customers?id:in="+id, nil, nil)
		},
		exists: func(t *testing.T, id string) bool { return get(t, id) != nil },
	}.run(t, s)
}

func TestCustomerAddress(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	customer := s.SeedCustomers(1, 0)[0]
	cfg := func(city, phone string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_address" "test" {
  customer_id       = %d
  first_name        = "Jane"
  last_name         = "Doe"
  address1          = "111 E West Street"
  city              = %q
  state_or_province = "Ohio"
  postal_code       = "44325"
  country_code      = "US"
  phone             = %q
  address_type      = "commercial"
}
`, customer, city, phone)
	}
	get := func(t *testing.T, id string) map[string]any { return s.first(t, "/v3/customers/addresses?id:in="+id) }
	lifecycle{
		addr:    "bigcommerce_customer_address.test",
		created: cfg("Akron", "555-123-4567"),
		updated: cfg("Cleveland", "555-765-4321"),
		updatedInStore: func(t *testing.T, id string) {
			a := get(t, id)
			if a == nil || a["city"] != "Cleveland" || a["phone"] != "555-765-4321" || a["customer_id"] != float64(customer) {
				t.Fatalf("the store holds %v; want city Cleveland, phone 555-765-4321, customer %d", a, customer)
			}
		},
		drift: func(t *testing.T, id string) {
			s.call(t, http.MethodPut, "/v3/customers/addresses", []any{map[string]any{"id": atoi(t, id), "city": "Dayton"}}, nil)
		},
		driftShows: []string{`city`, `"Dayton" -> "Cleveland"`},
		remove: func(t *testing.T, id string) {
			s.call(t, http.MethodDelete, "/v3/customers/addresses?id:in="+id, nil, nil)
		},
		exists: func(t *testing.T, id string) bool { return get(t, id) != nil },
	}.run(t, s)
}

func TestCustomerGroup(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	cfg := func(name, rules string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_group" "test" {
  name       = %q
  is_default = false

  category_access = {
    type = "all"
  }

  discount_rules = [%s]
}
`, name, rules)
	}
	lifecycle{
		addr:    "bigcommerce_customer_group.test",
		created: cfg("Wholesale", `{ type = "all", method = "percent", amount = 5 }`),
		updated: cfg("Wholesale EU", `{ type = "all", method = "percent", amount = 7.5 }`),
		updatedInStore: func(t *testing.T, id string) {
			g := s.group(t, id)
			rules, _ := g["discount_rules"].([]any)
			if g == nil || g["name"] != "Wholesale EU" || len(rules) != 1 || amount(t, rules[0]) != 7.5 {
				t.Fatalf("the store holds %v; want \"Wholesale EU\" with one 7.5 %% rule", g)
			}
		},
		drift: func(t *testing.T, id string) {
			s.call(t, http.MethodPut, "/v2/customer_groups/"+id, map[string]any{"name": "Retail"}, nil)
		},
		driftShows: []string{`name`, `"Retail" -> "Wholesale EU"`},
		remove: func(t *testing.T, id string) {
			s.call(t, http.MethodDelete, "/v2/customer_groups/"+id, nil, nil)
		},
		exists: func(t *testing.T, id string) bool { return s.group(t, id) != nil },
	}.run(t, s)
}

// amount reads a V2 discount rule's amount, which V2 sends as text such as
// "7.5000".
func amount(t *testing.T, rule any) float64 {
	t.Helper()
	r, _ := rule.(map[string]any)
	f, err := strconv.ParseFloat(fmt.Sprint(r["amount"]), 64)
	if err != nil {
		t.Fatalf("discount rule %v: %s", rule, err)
	}
	return f
}

func TestCustomerAttribute(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	cfg := func(name string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_attribute" "test" {
  name = %q
  type = "string"
}
`, name)
	}
	lifecycle{
		addr:    "bigcommerce_customer_attribute.test",
		created: cfg("Loyalty tier"),
		updated: cfg("Loyalty level"),
		updatedInStore: func(t *testing.T, id string) {
			a := s.attribute(t, id)
			if a == nil || a["name"] != "Loyalty level" || a["type"] != "string" {
				t.Fatalf("the store holds %v; want \"Loyalty level\" of type string", a)
			}
		},
		drift: func(t *testing.T, id string) {
			s.call(t, http.MethodPut, "/v3/customers/attributes", []any{map[string]any{"id": atoi(t, id), "name": "Tier"}}, nil)
		},
		driftShows: []string{`name`, `"Tier" -> "Loyalty level"`},
		remove: func(t *testing.T, id string) {
			s.call(t, http.MethodDelete, "/v3/customers/attributes?id:in="+id, nil, nil)
		},
		exists: func(t *testing.T, id string) bool { return s.attribute(t, id) != nil },
	}.run(t, s)
}

// createAttribute creates a customer attribute out of band and returns its
// id.
func (s *store) createAttribute(t *testing.T, name, typ string) int {
	t.Helper()
	var page struct {
		Data []struct {
			ID int `json:"id"`
		} `json:"data"`
	}
	s.call(t, http.MethodPost, "/v3/customers/attributes", []any{map[string]any{"name": name, "type": typ}}, &page)
	if len(page.Data) != 1 {
		t.Fatalf("creating attribute %q returned %d attributes", name, len(page.Data))
	}
	return page.Data[0].ID
}

func TestCustomerAttributeValue(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	customer := s.SeedCustomers(1, 0)[0]
	attr := s.createAttribute(t, "Loyalty tier", "string")
	cfg := func(value string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_attribute_value" "test" {
  customer_id  = %d
  attribute_id = %d
  value        = %q
}
`, customer, attr, value)
	}
	// The resource's id is customer_id/attribute_id.
	get := func(t *testing.T, id string) map[string]any {
		want := fmt.Sprintf("%d/%d", customer, attr)
		if id != want {
			t.Fatalf("id %q, want %q", id, want)
		}
		return s.first(t, fmt.Sprintf("/v3/customers/attribute-values?customer_id:in=%d&attribute_id:in=%d", customer, attr))
	}
	lifecycle{
		addr:    "bigcommerce_customer_attribute_value.test",
		created: cfg("Gold"),
		updated: cfg("Platinum"),
		updatedInStore: func(t *testing.T, id string) {
			v := get(t, id)
			if v == nil || v["attribute_value"] != "Platinum" {
				t.Fatalf("the store holds %v; want \"Platinum\"", v)
			}
		},
		drift: func(t *testing.T, id string) {
			s.call(t, http.MethodPut, "/v3/customers/attribute-values", []any{map[string]any{"customer_id": customer, "attribute_id": attr, "value": "Bronze"}}, nil)
		},
		driftShows: []string{`value`, `"Bronze" -> "Platinum"`},
		remove: func(t *testing.T, id string) {
			v := get(t, id)
			s.call(t, http.MethodDelete, fmt.Sprintf("/v3/customers/attribute-values?id:in=%v", v["id"]), nil, nil)
		},
		exists: func(t *testing.T, id string) bool { return get(t, id) != nil },
	}.run(t, s)
}
