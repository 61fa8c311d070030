package e2e_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// adoptCustomers is how many customers the adopted store holds, each with an
// address and a value of the store's one attribute, in adoptGroups groups.
// 300 customers (904 resources) took 3 min 20 s on two busy cores, most of
// it the import plan and the apply's plan (about 60 s each); 100 keeps the
// test near one minute.
const (
	adoptCustomers = 100
	adoptGroups    = 3
)

// adoptQuery finds every record of the store, of every type the provider has
// a list resource for. limit lifts the CLI's default of 100 results a block.
const adoptQuery = `
list "bigcommerce_customer" "all" {
  provider         = bigcommerce
  include_resource = true
  limit            = 1000
}

list "bigcommerce_customer_group" "all" {
  provider         = bigcommerce
  include_resource = true
  limit            = 1000
}

list "bigcommerce_customer_address" "all" {
  provider         = bigcommerce
  include_resource = true
  limit            = 1000
}

list "bigcommerce_customer_attribute" "all" {
  provider         = bigcommerce
  include_resource = true
  limit            = 1000
}

list "bigcommerce_customer_attribute_value" "all" {
  provider         = bigcommerce
  include_resource = true
  limit            = 1000
}
`

const adoptMain = `
terraform {
  required_version = ">= 1.14"
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

provider "bigcommerce" {}
`

// TestAdoptStore_queryGeneratesConfigurationForEveryResourceType adopts a
// whole store: `terraform query -generate-config-out` writes an import block
// and a resource block for every customer, group, address, attribute and
// attribute value, and that configuration imports without a change.
func TestAdoptStore_queryGeneratesConfigurationForEveryResourceType(t *testing.T) {
	w := newWorkspace(t, "")
	if cli.OpenTofu || cli.Version.LessThan(version.Must(version.NewVersion("1.14.0"))) {
		t.Skipf("terraform query needs Terraform 1.14 or later; the CLI is %s", cli.Version)
	}
	seedStoreToAdopt(t, w.store)
	for name, text := range map[string]string{"main.tf": adoptMain, "store.tfquery.hcl": adoptQuery} {
		if err := os.WriteFile(filepath.Join(w.dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	counts := func() [5]int {
		s := w.store
		return [5]int{s.CustomerCount(), s.GroupCount(), s.AddressCount(), s.AttributeCount(), s.AttributeValueCount()}
	}
	before := counts()

	w.store.ResetStats()
	start := time.Now()
	w.mustRun(0, "query", "-generate-config-out=generated.tf")
	query := w.store.Stats()
	t.Logf("query: %s, %d requests: %v", time.Since(start).Round(time.Millisecond), query.Total, query.Requests)
	generated, err := os.ReadFile(filepath.Join(w.dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"bigcommerce_customer":                 adoptCustomers,
		"bigcommerce_customer_group":           adoptGroups,
		"bigcommerce_customer_address":         adoptCustomers,
		"bigcommerce_customer_attribute":       1,
		"bigcommerce_customer_attribute_value": adoptCustomers,
	}
	total := 0
	for typ, n := range want {
		total += n
		if got := len(regexp.MustCompile(`(?m)^resource "`+typ+`" `).FindAll(generated, -1)); got != n {
			t.Errorf("generated %d %s resource blocks, want %d", got, typ, n)
		}
	}
	if n := len(regexp.MustCompile(`(?m)^import \{`).FindAll(generated, -1)); n != total {
		t.Errorf("generated %d import blocks, want %d", n, total)
	}
	if t.Failed() {
		t.Fatalf("--- generated.tf:\n%s", head(generated))
	}

	w.store.ResetStats()
	start = time.Now()
	out := w.mustRun(2, "plan", "-input=false", "-detailed-exitcode")
	plan := w.store.Stats()
	t.Logf("import plan: %s, %d requests: %v", time.Since(start).Round(time.Millisecond), plan.Total, plan.Requests)
	if summary := fmt.Sprintf("%d to import, 0 to add, 0 to change, 0 to destroy", total); !strings.Contains(out, summary) {
		t.Fatalf("the generated configuration does not import cleanly (want %q):\n%s\n--- generated.tf:\n%s", summary, tail(out), head(generated))
	}

	w.store.ResetStats()
	start = time.Now()
	w.mustRun(0, "apply", "-input=false", "-auto-approve")
	apply := w.store.Stats()
	t.Logf("import apply: %s, %d requests: %v", time.Since(start).Round(time.Millisecond), apply.Total, apply.Requests)
	w.mustRun(0, "plan", "-input=false", "-detailed-exitcode")

	if after := counts(); after != before {
		t.Fatalf("the store holds %v (customers, groups, addresses, attributes, values) after the import, want %v", after, before)
	}
	for key := range apply.Requests {
		if !strings.HasPrefix(key, "GET ") {
			t.Errorf("the import apply wrote to the store: %v", apply.Requests)
			break
		}
	}
	state := w.mustRun(0, "state", "list")
	if n := strings.Count(state, "\n"); n != total {
		t.Errorf("the state holds %d resources, want %d", n, total)
	}
	// The query reads each listing once, page by page: customers, addresses
	// and attribute values 250 to a page, groups (V2, 250 to a page) and
	// attributes (at most 50) in one page each. Measured: 5 requests at 100
	// customers, 8 at 300.
	pages := (adoptCustomers + 249) / 250
	if most := 3*pages + 2; query.Total > most {
		t.Errorf("the query sent %d requests, want at most %d (one a page of each listing): %v", query.Total, most, query.Requests)
	}
	// Importing reads each resource once in the plan, and again in the
	// apply's own plan: one GET per resource unbatched (304 at 100
	// customers). The provider coalesces the reads Terraform makes at once
	// (up to -parallelism, 10) into one request per type. Measured on two
	// busy cores: 85 requests for the plan and 88 for the apply at 100
	// customers, 241 and 245 at 300 (904 resources): about 3.5 reads a
	// request. At most half a request per resource leaves room for
	// timing-dependent batch sizes and still fails when reads of any of the
	// three numerous types stop being batched.
	for name, st := range map[string]sandbox.Stats{"import plan": plan, "import apply": apply} {
		if most := total / 2; st.Total > most {
			t.Errorf("the %s sent %d requests for %d resources, want at most %d: %v", name, st.Total, total, most, st.Requests)
		}
	}
}

// seedStoreToAdopt fills store: adoptGroups groups sharing adoptCustomers
// customers, an address for each, and each customer's value of the store's
// one attribute. Groups with category access and discount rules, and
// addresses with optional fields and form fields, exercise the generated
// configuration beyond defaults.
func seedStoreToAdopt(t *testing.T, store *sandbox.Server) {
	t.Helper()
	seed := func(v any) {
		t.Helper()
		body, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Seed(bytes.NewReader(body)); err != nil {
			t.Fatal(err)
		}
	}
	type object = map[string]any
	groups := []object{
		{"name": "Tier 1"},
		{"name": "Tier 2", "category_access": object{"type": "specific", "categories": []int{18, 23}},
			"discount_rules": []object{
				{"type": "all", "method": "percent", "amount": 5},
				{"type": "category", "category_id": 18, "method": "fixed", "amount": 2.5},
			}},
		{"name": "Tier 3", "is_group_for_guests": true, "discount_rules": []object{{"type": "price_list", "price_list_id": 2}}},
	}
	seed(object{"customer_groups": groups[:adoptGroups], "attributes": []object{{"name": "Loyalty tier", "type": "string"}}})

	var customers []int
	for g := range adoptGroups { // ids from 1, in seed order
		n := adoptCustomers / adoptGroups
		if g < adoptCustomers%adoptGroups {
			n++
		}
		customers = append(customers, store.SeedCustomers(n, g+1)...)
	}
	var addresses []object
	var values []sandbox.AttributeValueSeed
	tiers := []string{"gold", "silver", "bronze"}
	for i, id := range customers {
		a := object{"customer_id": id, "first_name": "Customer", "last_name": fmt.Sprintf("%04d", i+1), "address1": fmt.Sprintf("%d Main Street", i+1),
			"city": "Austin", "state_or_province": "Texas", "postal_code": "78701", "country_code": "US"}
		switch i % 3 {
		case 1:
			a["company"], a["address2"], a["phone"], a["address_type"] = "Acme", "Suite 100", "+1 512 555 0100", "commercial"
		case 2:
			a["form_fields"] = []object{
				{"name": "delivery_instructions", "value": "Leave at the door"},
				{"name": "floor", "value": 3},
				{"name": "access", "value": []string{"stairs", "lift"}},
			}
		}
		addresses = append(addresses, a)
		values = append(values, sandbox.AttributeValueSeed{CustomerID: id, AttributeID: 1, Value: tiers[i%3]})
	}
	seed(object{"addresses": addresses})
	if err := store.SeedAttributeValues(values...); err != nil {
		t.Fatal(err)
	}
}

// head is the start of a generated configuration, for failure messages.
func head(b []byte) string {
	lines := strings.Split(string(b), "\n")
	if len(lines) > 120 {
		lines = lines[:120]
	}
	return strings.Join(lines, "\n")
}
