package lifecycle_test

import (
	"fmt"
	"net/http"
	"reflect"
	"testing"
)

// Every data source once, reading what another app put in the store.
func TestDataSources(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	group := s.SeedGroup("Wholesale")
	s.SeedCustomers(2, 0)
	wholesale := s.SeedCustomers(3, group)
	s.call(t, http.MethodPost, "/v3/customers/addresses", []any{map[string]any{
		"customer_id": wholesale[0], "first_name": "Jane", "last_name": "Doe", "address1": "111 E West Street",
		"city": "Akron", "state_or_province": "Ohio", "postal_code": "44325", "country_code": "US",
	}}, nil)
	s.createAttribute(t, "Loyalty tier", "string")
	s.createAttribute(t, "Date joined", "date")

	w := s.workspace(t)
	w.config(fmt.Sprintf(`
data "bigcommerce_customer" "first" {
  id = "%d"
}

data "bigcommerce_customers" "wholesale" {
  customer_group_id_in = [%d]
}

data "bigcommerce_customer_addresses" "first" {
  customer_id = data.bigcommerce_customer.first.id
}

data "bigcommerce_customer_group" "wholesale" {
  name = "Wholesale"
}

data "bigcommerce_customer_groups" "wholesale" {
  name_like = "Whole"
}

data "bigcommerce_customer_attributes" "dates" {
  type = "date"
}

output "first_email" {
  value = data.bigcommerce_customer.first.email
}

output "first_group" {
  value = data.bigcommerce_customer.first.customer_group_id
}

output "wholesale_emails" {
  value = [for c in data.bigcommerce_customers.wholesale.customers : c.email]
}

output "wholesale_total" {
  value = data.bigcommerce_customers.wholesale.total
}

output "first_cities" {
  value = [for a in data.bigcommerce_customer_addresses.first.addresses : a.city]
}

output "group_id" {
  value = data.bigcommerce_customer_group.wholesale.id
}

output "group_names" {
  value = [for g in data.bigcommerce_customer_groups.wholesale.groups : g.name]
}

output "date_attributes" {
  value = [for a in data.bigcommerce_customer_attributes.dates.attributes : a.name]
}
`, wholesale[0], group))
	w.apply()

	got := w.outputs()
	want := map[string]any{
		"first_email":      "customer-0003@example.com",
		"first_group":      float64(group),
		"wholesale_emails": []any{"customer-0003@example.com", "customer-0004@example.com", "customer-0005@example.com"},
		"wholesale_total":  float64(3),
		"first_cities":     []any{"Akron"},
		"group_id":         fmt.Sprint(group),
		"group_names":      []any{"Wholesale"},
		"date_attributes":  []any{"Date joined"},
	}
	for name, v := range want {
		if !reflect.DeepEqual(got[name], v) {
			t.Errorf("output %s = %#v, want %#v", name, got[name], v)
		}
	}
}
