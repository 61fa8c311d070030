package sandbox

import (
	"fmt"
	"strings"
	"testing"
)

type addressList struct {
	Data []addressV3 `json:"data"`
}

func TestAddresses(t *testing.T) {
	a := newAPI(t, Options{})
	ids := a.createCustomers(newCustomer("a@example.com"), newCustomer("b@example.com"))

	var created addressList
	a.do("POST", "/v3/customers/addresses", []map[string]any{usAddress(ids[0], "1 Main St")}).want(t, 200).decode(t, &created)
	if len(created.Data) != 1 || created.Data[0].Country != "United States" || created.Data[0].AddressType != "residential" {
		t.Fatalf("created %+v", created)
	}

	// BigCommerce's quirk: an exact duplicate of an address the customer
	// already has is dropped silently: 200, and absent from the answer.
	r := a.do("POST", "/v3/customers/addresses", []map[string]any{usAddress(ids[0], "1 Main St")}).want(t, 200)
	if string(r.body) != "{}" {
		t.Errorf("all-duplicate answer %s, want the spec's empty DuplicateAddressCollectionResponse", r.body)
	}
	var mixed addressList
	a.do("POST", "/v3/customers/addresses", []map[string]any{
		usAddress(ids[0], "1 Main St"), // duplicate of the stored one
		usAddress(ids[0], "2 Main St"),
		usAddress(ids[0], "2 Main St"), // duplicate within the batch
		usAddress(ids[1], "1 Main St"), // same lines, other customer: not a duplicate
	}).want(t, 200).decode(t, &mixed)
	if len(mixed.Data) != 2 || mixed.Data[0].Address1 != "2 Main St" || mixed.Data[1].CustomerID != ids[1] {
		t.Errorf("mixed batch answered %+v", mixed.Data)
	}
	var all addressList
	a.do("GET", fmt.Sprintf("/v3/customers/addresses?customer_id:in=%d", ids[0]), nil).want(t, 200).decode(t, &all)
	if len(all.Data) != 2 {
		t.Errorf("customer has %d addresses, want 2", len(all.Data))
	}
	if c := a.customers(fmt.Sprintf("?id:in=%d", ids[0])).Data[0]; c.AddressCount != 2 {
		t.Errorf("address_count %d", c.AddressCount)
	}

	// An update that would duplicate another address is dropped too.
	r = a.do("PUT", "/v3/customers/addresses", []map[string]any{{"id": all.Data[1].ID, "address1": "1 Main St"}}).want(t, 200)
	if string(r.body) != "{}" {
		t.Errorf("duplicating update answered %s", r.body)
	}
	var upd addressList
	a.do("PUT", "/v3/customers/addresses", []map[string]any{{"id": all.Data[1].ID, "company": "Acme", "address_type": "commercial"}}).want(t, 200).decode(t, &upd)
	if len(upd.Data) != 1 || upd.Data[0].Company != "Acme" || upd.Data[0].Address1 != "2 Main St" || upd.Data[0].AddressType != "commercial" {
		t.Errorf("partial update %+v", upd.Data)
	}

	bad := func(edit func(m map[string]any)) []map[string]any {
		m := usAddress(ids[0], "9 Elm St")
		edit(m)
		return []map[string]any{m}
	}
	tests := []struct {
		name  string
		items []map[string]any
		field string
	}{
		{"unknown customer", bad(func(m map[string]any) { m["customer_id"] = 999 }), "0.customer_id"},
		{"missing customer", bad(func(m map[string]any) { delete(m, "customer_id") }), "0.customer_id"},
		{"lower-case country", bad(func(m map[string]any) { m["country_code"] = "us" }), "0.country_code"},
		{"three-letter country", bad(func(m map[string]any) { m["country_code"] = "USA" }), "0.country_code"},
		{"state code instead of name", bad(func(m map[string]any) { m["state_or_province"] = "TX" }), "0.state_or_province"},
		{"no postal code in the US", bad(func(m map[string]any) { delete(m, "postal_code") }), "0.postal_code"},
		{"address type", bad(func(m map[string]any) { m["address_type"] = "business" }), "0.address_type"},
		{"first name", bad(func(m map[string]any) { delete(m, "first_name") }), "0.first_name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e v3Err
			a.do("POST", "/v3/customers/addresses", tt.items).want(t, 422).decode(t, &e)
			if e.Errors[tt.field] == "" {
				t.Errorf("errors %v lack %s", e.Errors, tt.field)
			}
		})
	}
	// Countries without states need none.
	a.do("POST", "/v3/customers/addresses", []map[string]any{{
		"customer_id": ids[1], "first_name": "A", "last_name": "B", "address1": "Rue 1", "city": "Paris",
		"country_code": "FR", "postal_code": "75001",
	}}).want(t, 200)
	a.do("POST", "/v3/customers/addresses", repeat(11, func(i int) map[string]any { return usAddress(ids[1], fmt.Sprint(i)) })).want(t, 413)

	a.do("DELETE", "/v3/customers/addresses", nil).want(t, 422)
	a.do("DELETE", fmt.Sprintf("/v3/customers/addresses?id:in=%d", all.Data[0].ID), nil).want(t, 204)
	a.do("GET", fmt.Sprintf("/v3/customers/addresses?customer_id:in=%d", ids[0]), nil).want(t, 200).decode(t, &all)
	if len(all.Data) != 1 {
		t.Errorf("after delete: %d", len(all.Data))
	}
}

type valueList struct {
	Data []attributeValueV3 `json:"data"`
}

func TestAttributes(t *testing.T) {
	a := newAPI(t, Options{})
	// 50 attributes is the store's limit; the 51st is refused, saying so.
	for batch := range 5 {
		a.do("POST", "/v3/customers/attributes", repeat(10, func(i int) map[string]any {
			return map[string]any{"name": fmt.Sprintf("attr-%02d", batch*10+i), "type": "string"}
		})).want(t, 200)
	}
	var e v3Err
	a.do("POST", "/v3/customers/attributes", []map[string]any{{"name": "one too many", "type": "string"}}).want(t, 422).decode(t, &e)
	if !strings.Contains(e.Title, "more than 50 customer attributes") {
		t.Errorf("limit error %+v", e)
	}
	a.do("DELETE", "/v3/customers/attributes?id:in=50", nil).want(t, 204)
	a.do("POST", "/v3/customers/attributes", []map[string]any{{"name": "Age", "type": "number"}, {"name": "Joined", "type": "date"}}).want(t, 422)

	a.do("DELETE", "/v3/customers/attributes?id:in=49", nil).want(t, 204)
	var created struct{ Data []attributeV3 }
	a.do("POST", "/v3/customers/attributes", []map[string]any{{"name": "Age", "type": "number"}, {"name": "Joined", "type": "date"}}).want(t, 200).decode(t, &created)
	age, joined := created.Data[0].ID, created.Data[1].ID

	tests := []struct {
		name   string
		method string
		body   any
		field  string
	}{
		{"duplicate name", "POST", []map[string]any{{"name": "AGE", "type": "string"}}, "0.name"},
		{"bad type", "POST", []map[string]any{{"name": "Colour", "type": "colour"}}, "0.type"},
		{"type cannot change", "PUT", []map[string]any{{"id": age, "name": "Age", "type": "string"}}, "0.type"},
		{"rename onto another", "PUT", []map[string]any{{"id": age, "name": "joined"}}, "0.name"},
		{"unknown attribute", "PUT", []map[string]any{{"id": 999, "name": "X"}}, "0.id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e v3Err
			a.do(tt.method, "/v3/customers/attributes", tt.body).want(t, 422).decode(t, &e)
			if e.Errors[tt.field] == "" {
				t.Errorf("errors %v lack %s", e.Errors, tt.field)
			}
		})
	}
	a.do("PUT", "/v3/customers/attributes", []map[string]any{{"id": age, "name": "Age in years"}}).want(t, 200)
	var byName struct{ Data []attributeV3 }
	a.do("GET", "/v3/customers/attributes?name=age%20in%20years", nil).want(t, 200).decode(t, &byName)
	if len(byName.Data) != 1 || byName.Data[0].Type != "number" {
		t.Errorf("renamed attribute %+v", byName.Data)
	}

	// Attribute values: an upsert keyed by customer and attribute, checked
	// against the attribute's type.
	ids := a.createCustomers(newCustomer("a@example.com"), newCustomer("b@example.com"))
	var first, second valueList
	a.do("PUT", "/v3/customers/attribute-values", []map[string]any{
		{"attribute_id": age, "customer_id": ids[0], "value": "41"},
		{"attribute_id": joined, "customer_id": ids[0], "value": "2024-05-14"},
	}).want(t, 200).decode(t, &first)
	a.clock.Advance(60e9)
	a.do("PUT", "/v3/customers/attribute-values", []map[string]any{{"attribute_id": age, "customer_id": ids[0], "value": "42.5"}}).want(t, 200).decode(t, &second)
	if second.Data[0].ID != first.Data[0].ID || second.Data[0].AttributeValue != "42.5" || second.Data[0].DateCreated == second.Data[0].DateModified {
		t.Errorf("upsert did not update in place: %+v then %+v", first.Data[0], second.Data[0])
	}
	if c := a.customers(fmt.Sprintf("?id:in=%d&include=attributes", ids[0])).Data[0]; c.AttributeCount != 2 || len(*c.Attributes) != 2 {
		t.Errorf("customer attributes %+v", c)
	}

	valueTests := []struct {
		name  string
		item  map[string]any
		field string
	}{
		{"number", map[string]any{"attribute_id": age, "customer_id": ids[1], "value": "forty"}, "0.value"},
		{"date", map[string]any{"attribute_id": joined, "customer_id": ids[1], "value": "14/05/2024"}, "0.value"},
		{"unknown attribute", map[string]any{"attribute_id": 999, "customer_id": ids[1], "value": "x"}, "0.attribute_id"},
		{"unknown customer", map[string]any{"attribute_id": age, "customer_id": 999, "value": "1"}, "0.customer_id"},
		{"value is a string", map[string]any{"attribute_id": age, "customer_id": ids[1], "value": 1}, "0.value"},
		{"wrong id", map[string]any{"id": 999, "attribute_id": age, "customer_id": ids[0], "value": "1"}, "0.id"},
	}
	for _, tt := range valueTests {
		t.Run("value "+tt.name, func(t *testing.T) {
			var e v3Err
			a.do("PUT", "/v3/customers/attribute-values", []map[string]any{tt.item}).want(t, 422).decode(t, &e)
			if e.Errors[tt.field] == "" {
				t.Errorf("errors %v lack %s", e.Errors, tt.field)
			}
		})
	}
	a.do("PUT", "/v3/customers/attribute-values", repeat(11, func(int) map[string]any { return map[string]any{} })).want(t, 413)

	var filtered valueList
	a.do("GET", fmt.Sprintf("/v3/customers/attribute-values?customer_id:in=%d&name=joined", ids[0]), nil).want(t, 200).decode(t, &filtered)
	if len(filtered.Data) != 1 || filtered.Data[0].AttributeID != joined {
		t.Errorf("filtered values %+v", filtered.Data)
	}

	// Deleting an attribute removes its values.
	a.do("DELETE", fmt.Sprintf("/v3/customers/attributes?id:in=%d", joined), nil).want(t, 204)
	var left valueList
	a.do("GET", "/v3/customers/attribute-values", nil).want(t, 200).decode(t, &left)
	if len(left.Data) != 1 || left.Data[0].AttributeID != age {
		t.Errorf("values after attribute delete %+v", left.Data)
	}
	a.do("DELETE", "/v3/customers/attribute-values", nil).want(t, 422)
	a.do("DELETE", fmt.Sprintf("/v3/customers/attribute-values?id:in=%d", left.Data[0].ID), nil).want(t, 204)
}

func TestCustomerGroups(t *testing.T) {
	a := newAPI(t, Options{})
	a.do("GET", "/v2/customer_groups", nil).want(t, 204)

	var g groupV2
	a.do("POST", "/v2/customer_groups", map[string]any{
		"name": "Wholesale", "is_default": false,
		"category_access": map[string]any{"type": "specific", "categories": []int{18, 19}},
		"discount_rules": []map[string]any{
			{"type": "all", "method": "percent", "amount": 5},
			{"type": "category", "method": "fixed", "amount": "2.5", "category_id": 18},
			{"type": "product", "method": "price", "amount": 10.25, "product_id": 3},
		},
	}).want(t, 201).decode(t, &g)
	if g.ID != 1 || g.DateCreated != "2026-11-26 10:00:00" || len(g.DiscountRules) != 3 ||
		g.DiscountRules[0].Amount != "5.0000" || g.DiscountRules[1].Amount != "2.5000" || g.DiscountRules[2].ProductID != 3 ||
		g.CategoryAccess.Categories == nil || len(*g.CategoryAccess.Categories) != 2 {
		t.Errorf("created group %+v", g)
	}

	tests := []struct {
		name   string
		method string
		path   string
		body   map[string]any
		status int
	}{
		{"name required", "POST", "/v2/customer_groups", map[string]any{"is_default": true}, 400},
		{"name taken", "POST", "/v2/customer_groups", map[string]any{"name": "wholesale"}, 409},
		{"price list must be alone", "POST", "/v2/customer_groups", map[string]any{"name": "PL", "discount_rules": []map[string]any{
			{"type": "price_list", "price_list_id": 1}, {"type": "all", "method": "percent", "amount": 1}}}, 400},
		{"two all rules", "POST", "/v2/customer_groups", map[string]any{"name": "A", "discount_rules": []map[string]any{
			{"type": "all", "method": "percent", "amount": 1}, {"type": "all", "method": "fixed", "amount": 1}}}, 400},
		{"percent over 100", "POST", "/v2/customer_groups", map[string]any{"name": "P", "discount_rules": []map[string]any{
			{"type": "all", "method": "percent", "amount": "100.5"}}}, 400},
		{"category rule needs category_id", "POST", "/v2/customer_groups", map[string]any{"name": "C", "discount_rules": []map[string]any{
			{"type": "category", "method": "percent", "amount": 1}}}, 400},
		{"categories only when specific", "POST", "/v2/customer_groups", map[string]any{"name": "S", "category_access": map[string]any{"type": "all", "categories": []int{1}}}, 400},
		{"unknown group", "PUT", "/v2/customer_groups/99", map[string]any{"name": "x"}, 404},
		{"read-only date", "PUT", "/v2/customer_groups/1", map[string]any{"date_created": "2020-01-01 00:00:00"}, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e []v2Error
			a.do(tt.method, tt.path, tt.body).want(t, tt.status).decode(t, &e)
			if len(e) == 0 || e[0].Status != tt.status {
				t.Errorf("body %+v", e)
			}
		})
	}

	// PUT overwrites the whole set of rules; other fields stay.
	g = groupV2{}
	a.do("PUT", "/v2/customer_groups/1", map[string]any{"discount_rules": []map[string]any{{"type": "price_list", "price_list_id": 3}}}).want(t, 200).decode(t, &g)
	if len(g.DiscountRules) != 1 || g.DiscountRules[0].PriceListID != 3 || g.DiscountRules[0].Amount != "" || g.Name != "Wholesale" {
		t.Errorf("after PUT %+v", g)
	}

	// is_default moves; new customers without a group join the default.
	retail := a.store.SeedGroup("Retail")
	a.do("PUT", fmt.Sprintf("/v2/customer_groups/%d", retail), map[string]any{"is_default": true}).want(t, 200)
	ids := a.createCustomers(newCustomer("a@example.com"), map[string]any{"email": "b@example.com", "first_name": "B", "last_name": "B", "customer_group_id": 1})
	p := a.customers("")
	if p.Data[0].CustomerGroupID != retail || p.Data[1].CustomerGroupID != 1 {
		t.Errorf("groups %d %d", p.Data[0].CustomerGroupID, p.Data[1].CustomerGroupID)
	}
	var list []groupV2
	a.do("GET", "/v2/customer_groups?is_default=true", nil).want(t, 200).decode(t, &list)
	if len(list) != 1 || list[0].ID != retail {
		t.Errorf("default groups %+v", list)
	}
	var count map[string]int
	a.do("GET", "/v2/customer_groups/count", nil).want(t, 200).decode(t, &count)
	if count["count"] != 2 {
		t.Errorf("count %v", count)
	}

	// Deleting a group unassigns its customers.
	a.do("DELETE", "/v2/customer_groups/1", nil).want(t, 204)
	a.do("GET", "/v2/customer_groups/1", nil).want(t, 404)
	if c := a.customers(fmt.Sprintf("?id:in=%d", ids[1])).Data[0]; c.CustomerGroupID != 0 {
		t.Errorf("customer still in deleted group: %d", c.CustomerGroupID)
	}
	a.do("PUT", "/v3/customers", []map[string]any{{"id": ids[1], "customer_group_id": 1}}).want(t, 422)
}
