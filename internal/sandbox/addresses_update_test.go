package sandbox

import (
	"strings"
	"testing"
)

// TestAddressUpdateFollowsAddressPut holds PUT /v3/customers/addresses to
// address_Put: only id is required, no member is nullable, and the lengths
// and enums are the schema's.
func TestAddressUpdateFollowsAddressPut(t *testing.T) {
	a := newAPI(t, Options{})
	cid := a.createCustomers(newCustomer("put@example.com"))[0]
	created := usAddress(cid, "1 Main St")
	created["company"], created["phone"], created["address2"] = "Acme", "555-0100", "Suite 2"
	var page struct{ Data []addressV3 }
	a.do("POST", "/v3/customers/addresses", []any{created}).want(t, 200).decode(t, &page)
	id := page.Data[0].ID

	refused := map[string]map[string]any{
		"no id":                    {"phone": "555"},
		"id null":                  {"id": nil},
		"id as a string":           {"id": "1"},
		"first_name null":          {"first_name": nil},
		"first_name empty":         {"first_name": ""},
		"last_name null":           {"last_name": nil},
		"company null":             {"company": nil},
		"company too long":         {"company": strings.Repeat("x", 256)},
		"address1 null":            {"address1": nil},
		"address2 null":            {"address2": nil},
		"city null":                {"city": nil},
		"city too long":            {"city": strings.Repeat("x", 101)},
		"state_or_province null":   {"state_or_province": nil},
		"postal_code null":         {"postal_code": nil},
		"postal_code too long":     {"postal_code": strings.Repeat("1", 31)},
		"country_code null":        {"country_code": nil},
		"country_code of 3":        {"country_code": "USA"},
		"phone null":               {"phone": nil},
		"phone too long":           {"phone": strings.Repeat("5", 51)},
		"address_type null":        {"address_type": nil},
		"address_type not an enum": {"address_type": "office"},
		"form_fields null":         {"form_fields": nil},
	}
	for name, item := range refused {
		t.Run(name, func(t *testing.T) {
			if _, ok := item["id"]; !ok && name != "no id" {
				item["id"] = id
			}
			a.do("PUT", "/v3/customers/addresses", []any{item}).want(t, 422)
		})
	}

	// A partial update changes what it names and keeps the rest; "" clears.
	var got struct{ Data []addressV3 }
	a.do("PUT", "/v3/customers/addresses", []any{map[string]any{"id": id, "phone": "555-0199", "company": ""}}).want(t, 200).decode(t, &got)
	if len(got.Data) != 1 {
		t.Fatalf("answer %+v, want the address", got)
	}
	want := addressV3{
		ID: id, CustomerID: cid, FirstName: "Jane", LastName: "Smith", Company: "", Address1: "1 Main St", Address2: "Suite 2",
		City: "Austin", StateOrProvince: "Texas", PostalCode: "78759", CountryCode: "US", Country: "United States",
		Phone: "555-0199", AddressType: "residential",
	}
	have := got.Data[0]
	have.FormFields = nil
	if have != want {
		t.Errorf("after the update the address is\n%+v\nwant\n%+v", have, want)
	}
}
