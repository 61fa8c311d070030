package sandbox

import (
	"net/http"
	"strings"
	"testing"
)

func TestSeedAttributeValuesGoesThroughTheAPI(t *testing.T) {
	a := newAPI(t, Options{})
	if err := a.store.Seed(strings.NewReader(`{
  "attributes": [{"name": "Loyalty tier", "type": "string"}, {"name": "Points", "type": "number"}]
}`)); err != nil {
		t.Fatal(err)
	}
	// Twelve values: more than one request takes.
	var values []AttributeValueSeed
	for _, cid := range a.store.SeedCustomers(6, 0) {
		values = append(values, AttributeValueSeed{CustomerID: cid, AttributeID: 1, Value: "gold"}, AttributeValueSeed{CustomerID: cid, AttributeID: 2, Value: "12.5"})
	}
	if err := a.store.SeedAttributeValues(values...); err != nil {
		t.Fatal(err)
	}
	if a.store.Stats().Total != 0 {
		t.Errorf("seeding counted %d requests; it must not spend the quota", a.store.Stats().Total)
	}
	res := a.do(http.MethodGet, "/v3/customers/attribute-values", nil).want(t, http.StatusOK)
	if n := strings.Count(string(res.body), `"attribute_value"`); n != 12 {
		t.Fatalf("the store holds %d values, want 12: %s", n, res.body)
	}

	for name, v := range map[string]AttributeValueSeed{
		"unknown customer":  {CustomerID: 99, AttributeID: 1, Value: "gold"},
		"unknown attribute": {CustomerID: 1, AttributeID: 99, Value: "gold"},
		"not a number":      {CustomerID: 1, AttributeID: 2, Value: "many"},
	} {
		if err := a.store.SeedAttributeValues(v); err == nil {
			t.Errorf("%s: seeded without an error", name)
		}
	}
}
