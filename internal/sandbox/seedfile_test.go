package sandbox

import (
	"net/http"
	"strings"
	"testing"
)

func TestSeedFileGoesThroughTheAPI(t *testing.T) {
	a := newAPI(t, Options{})
	err := a.store.Seed(strings.NewReader(`{
  "channels": [2],
  "customer_groups": [{"name": "Wholesale"}],
  "customers": [
    {"email": "jane@example.com", "first_name": "Jane", "last_name": "Doe", "customer_group_id": 1},
    {"email": "omar@example.com", "first_name": "Omar", "last_name": "Haddad", "channel_ids": [2]}
  ],
  "attributes": [{"name": "Loyalty tier", "type": "string"}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	if a.store.Stats().Total != 0 {
		t.Errorf("seeding counted %d requests; it must not spend the quota", a.store.Stats().Total)
	}
	page := a.customers("")
	if len(page.Data) != 2 || page.Data[0].CustomerGroupID != 1 {
		t.Fatalf("seeded customers: %+v", page.Data)
	}
	a.do(http.MethodGet, "/v3/customers/settings/channels/2", nil).want(t, http.StatusOK)
}

func TestSeedFileRefusesWhatTheAPIRefuses(t *testing.T) {
	for name, seed := range map[string]string{
		"invalid customer": `{"customers": [{"email": "not-an-email", "first_name": "A", "last_name": "B"}]}`,
		"unknown key":      `{"customer": []}`,
		"duplicate group":  `{"customer_groups": [{"name": "A"}, {"name": "a"}]}`,
	} {
		if err := newAPI(t, Options{}).store.Seed(strings.NewReader(seed)); err == nil {
			t.Errorf("%s: seeded without an error", name)
		}
	}
}
