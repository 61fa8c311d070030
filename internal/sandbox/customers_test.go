package sandbox

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestCreateCustomersBatchLimit(t *testing.T) {
	a := newAPI(t, Options{})
	items := repeat(11, func(i int) map[string]any { return newCustomer(email(i)) })
	r := a.do("POST", "/v3/customers", items).want(t, 413)
	var e v3Err
	r.decode(t, &e)
	if e.Status != 413 || !strings.Contains(e.Title, "10") || e.Type != errorType {
		t.Errorf("413 body %s", r.body)
	}
	if a.store.CustomerCount() != 0 {
		t.Error("an oversized batch was partly applied")
	}
	a.do("PUT", "/v3/customers", repeat(11, func(i int) map[string]any { return map[string]any{"id": i + 1} })).want(t, 413)
	a.do("POST", "/v3/customers", items[:10]).want(t, 200)
}

func TestCreateCustomersValidation(t *testing.T) {
	long := strings.Repeat("x", 101)
	tenth, fifth := 0.1, 0.2 // added at run time: 0.30000000000000004
	tests := []struct {
		name   string
		items  []map[string]any
		title  string
		fields []string // keys expected in errors
	}{
		{
			name:   "email taken, case-insensitively",
			items:  []map[string]any{newCustomer("fresh@example.com"), newCustomer("TAKEN@example.com")},
			title:  "Create customers failed.",
			fields: []string{"1.email"},
		},
		{
			name:   "same email twice in one batch",
			items:  []map[string]any{newCustomer("twin@example.com"), newCustomer("Twin@Example.com")},
			title:  "Create customers failed.",
			fields: []string{"1.email"},
		},
		{
			name:   "required fields",
			items:  []map[string]any{newCustomer("ok@example.com"), {"email": "x@example.com"}},
			title:  titleInvalidJSON,
			fields: []string{"1.first_name", "1.last_name"},
		},
		{
			name: "lengths and formats",
			items: []map[string]any{
				{"email": "not-an-email", "first_name": long, "last_name": "B", "phone": strings.Repeat("1", 51)},
				{"email": strings.Repeat("e", 245) + "@x.com", "first_name": "A", "last_name": "B", "company": strings.Repeat("c", 256)},
			},
			title:  titleInvalidJSON,
			fields: []string{"0.email", "0.first_name", "0.phone", "1.email", "1.company"},
		},
		{
			name:   "types",
			items:  []map[string]any{{"email": "t@example.com", "first_name": 5, "last_name": nil, "customer_group_id": "1"}},
			title:  titleInvalidJSON,
			fields: []string{"0.first_name", "0.last_name", "0.customer_group_id"},
		},
		{
			name:   "empty channel_ids",
			items:  []map[string]any{{"email": "c@example.com", "first_name": "A", "last_name": "B", "channel_ids": []int{}}},
			title:  titleInvalidJSON,
			fields: []string{"0.channel_ids"},
		},
		{
			name:   "unknown customer group",
			items:  []map[string]any{{"email": "g@example.com", "first_name": "A", "last_name": "B", "customer_group_id": 99}},
			title:  "Create customers failed.",
			fields: []string{"0.customer_group_id"},
		},
		{
			name:   "weak password",
			items:  []map[string]any{{"email": "p@example.com", "first_name": "A", "last_name": "B", "authentication": map[string]any{"new_password": "password"}}},
			title:  titleInvalidJSON,
			fields: []string{"0.authentication.new_password"},
		},
		{
			name: "nested address missing city",
			items: []map[string]any{{"email": "n@example.com", "first_name": "A", "last_name": "B", "addresses": []map[string]any{
				{"first_name": "A", "last_name": "B", "address1": "1 Main St", "country_code": "GB", "postal_code": "SW1A 1AA"},
			}}},
			title:  titleInvalidJSON,
			fields: []string{"0.addresses.0.city"},
		},
		{
			name: "attribute must exist",
			items: []map[string]any{{"email": "attr@example.com", "first_name": "A", "last_name": "B", "attributes": []map[string]any{
				{"attribute_id": 42, "attribute_value": "x"},
			}}},
			title:  "Create customers failed.",
			fields: []string{"0.attributes.0.attribute_id"},
		},
		{
			name:   "money with float drift",
			items:  []map[string]any{{"email": "m@example.com", "first_name": "A", "last_name": "B", "store_credit_amounts": []any{map[string]any{"amount": tenth + fifth}}}},
			title:  titleInvalidJSON,
			fields: []string{"0.store_credit_amounts.0.amount"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAPI(t, Options{})
			a.createCustomers(newCustomer("taken@example.com"))
			r := a.do("POST", "/v3/customers", tt.items).want(t, 422)
			var e v3Err
			r.decode(t, &e)
			if e.Status != 422 || e.Title != tt.title || e.Type != "/api-docs/getting-started/api-status-codes" {
				t.Errorf("error %+v", e)
			}
			for _, f := range tt.fields {
				if e.Errors[f] == "" {
					t.Errorf("errors lack %q: %v", f, e.Errors)
				}
			}
			if len(e.Errors) != len(tt.fields) {
				t.Errorf("errors %v, want exactly %v", e.Errors, tt.fields)
			}
			// The whole batch is rejected: only the first customer exists.
			if n := a.store.CustomerCount(); n != 1 {
				t.Errorf("%d customers stored, want 1", n)
			}
		})
	}
}

func TestCreateCustomerFullShape(t *testing.T) {
	a := newAPI(t, Options{})
	group := a.store.SeedGroup("Wholesale")
	a.do("POST", "/v3/customers/attributes", []map[string]any{{"name": "Age", "type": "number"}}).want(t, 200)
	in := map[string]any{
		"email": "jane.smith@example.com", "first_name": "Jane", "last_name": "Smith", "company": "Acme Corp",
		"phone": "555-123-4567", "notes": "Preferred customer", "tax_exempt_category": "Non-profit",
		"customer_group_id": group, "registration_ip_address": "192.168.1.1",
		"addresses":      []map[string]any{usAddress(0, "Addr 1")},
		"attributes":     []map[string]any{{"attribute_id": 1, "attribute_value": "42"}},
		"authentication": map[string]any{"force_password_reset": true, "new_password": "SecurePassword123!"},
		"accepts_product_review_abandoned_cart_emails": true, "trigger_account_created_notification": true,
		"store_credit_amounts": []any{map[string]any{"amount": 43.15}},
		"origin_channel_id":    1, "channel_ids": []int{1},
		"form_fields": []map[string]any{{"name": "shirt_size", "value": "Large"}, {"name": "employees", "value": 12.5}, {"name": "interests", "value": []string{"a"}}},
	}
	r := a.do("POST", "/v3/customers", []map[string]any{in}).want(t, 200)
	body := string(r.body)
	for _, want := range []string{
		`"id":1`, `"date_created":"2026-11-26T10:00:00Z"`, `"address_count":1`, `"attribute_count":1`,
		`"amount":43.15`, `"channel_ids":[1]`, `"registration_ip_address":""`,
		`"authentication":{"force_password_reset":true}`, `"country":"United States"`,
		`"attribute_value":"42"`, `"value":12.5`, `"value":["a"]`, `"meta":{}`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("response lacks %s: %s", want, body)
		}
	}
	for _, never := range []string{"SecurePassword", "new_password", "trigger_account_created_notification"} {
		if strings.Contains(body, never) {
			t.Errorf("response contains %s", never)
		}
	}
}

func TestGetCustomersFiltersAndIncludes(t *testing.T) {
	a := newAPI(t, Options{})
	a.createCustomers(
		map[string]any{"email": "Alice@Example.com", "first_name": "Alice", "last_name": "Zed", "company": "Acme", "store_credit_amounts": []any{map[string]any{"amount": 5}}},
		map[string]any{"email": "bob@example.com", "first_name": "Bob", "last_name": "Young", "phone": "555"},
		map[string]any{"email": "carol@example.com", "first_name": "Carol", "last_name": "Xu", "company": "acme"},
	)
	a.clock.Advance(time.Hour)
	a.createCustomers(newCustomer("later@example.com"))

	tests := []struct {
		query string
		ids   []int
	}{
		{"", []int{1, 2, 3, 4}},
		{"?id:in=2,3", []int{2, 3}},
		{"?id:in=999", []int{}},
		{"?email:in=alice@example.COM,bob@example.com", []int{1, 2}},
		{"?name:in=bob%20young", []int{2}},
		{"?name:like=ce%20z,xu", []int{1, 3}},
		{"?company:in=ACME", []int{1, 3}},
		{"?phone:in=555", []int{2}},
		{"?customer_group_id:in=0", []int{1, 2, 3, 4}},
		{"?date_created:min=2026-11-26T10:30:00", []int{4}},
		{"?date_created:max=2026-11-26T10:00:00Z", []int{1, 2, 3}},
		{"?date_created=2026-11-26", []int{1, 2, 3, 4}},
		{"?sort=last_name:asc", []int{4, 3, 2, 1}}, // Smith, Xu, Young, Zed
		{"?sort=date_created:desc", []int{4, 1, 2, 3}},
		{"?limit=2&page=2", []int{3, 4}},
		{"?limit=3&page=5", []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			p := a.customers(tt.query)
			got := []int{}
			for _, c := range p.Data {
				got = append(got, c.ID)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.ids) {
				t.Errorf("ids %v, want %v", got, tt.ids)
			}
		})
	}

	// Sub-resources only when included.
	p := a.customers("?id:in=1")
	if c := p.Data[0]; c.StoreCreditAmounts != nil || c.Addresses != nil || c.Attributes != nil || c.FormFields != nil {
		t.Errorf("sub-resources without include: %+v", c)
	}
	p = a.customers("?id:in=1&include=storecredit")
	if c := p.Data[0]; c.StoreCreditAmounts == nil || (*c.StoreCreditAmounts)[0].Amount != "5" || c.FormFields != nil {
		t.Errorf("include=storecredit: %+v", c)
	}
	p = a.customers("?id:in=1&include=formfields,addresses,attributes")
	if c := p.Data[0]; c.StoreCreditAmounts != nil || c.FormFields == nil || c.Addresses == nil || c.Attributes == nil {
		t.Errorf("include=formfields,addresses,attributes: %+v", c)
	}

	// Pagination meta.
	var raw struct {
		Meta struct {
			Pagination pagination `json:"pagination"`
		} `json:"meta"`
	}
	a.do("GET", "/v3/customers?limit=3&page=2&company:in=acme", nil).want(t, 200).decode(t, &raw)
	pg := raw.Meta.Pagination
	if pg.Total != 2 || pg.Count != 0 || pg.PerPage != 3 || pg.CurrentPage != 2 || pg.TotalPages != 1 || pg.Links.Previous == "" || pg.Links.Next != "" {
		t.Errorf("pagination %+v", pg)
	}

	for _, bad := range []string{"?limit=251", "?limit=0", "?page=x", "?id:in=a", "?id:in=", "?sort=email:asc", "?include=orders", "?date_created:min=yesterday"} {
		r := a.do("GET", "/v3/customers"+bad, nil)
		want := 422
		if bad == "?limit=251" {
			want = 413 // the status-codes doc's own example
		}
		r.want(t, want)
	}
}

func TestCursorPagination(t *testing.T) {
	a := newAPI(t, Options{})
	a.store.SeedCustomers(5, 0)
	var first struct {
		Data []customerOut `json:"data"`
		Meta listMeta      `json:"meta"`
	}
	a.do("GET", "/v3/customers?limit=2", nil).want(t, 200).decode(t, &first)
	if first.Meta.Pagination == nil || first.Meta.CursorPagination == nil {
		t.Fatalf("first page meta %+v", first.Meta)
	}
	next := first.Meta.CursorPagination.EndCursor
	var second struct {
		Data []customerOut `json:"data"`
		Meta listMeta      `json:"meta"`
	}
	a.do("GET", "/v3/customers?limit=2&after="+next, nil).want(t, 200).decode(t, &second)
	if second.Meta.Pagination != nil || len(second.Data) != 2 || second.Data[0].ID != 3 {
		t.Fatalf("after cursor: %+v", second)
	}
	var back struct {
		Data []customerOut `json:"data"`
	}
	a.do("GET", "/v3/customers?limit=2&before="+second.Meta.CursorPagination.StartCursor, nil).want(t, 200).decode(t, &back)
	if len(back.Data) != 2 || back.Data[0].ID != 1 {
		t.Fatalf("before cursor: %+v", back)
	}
	var later struct {
		Meta listMeta `json:"meta"`
	}
	a.do("GET", "/v3/customers?page=2&limit=2", nil).want(t, 200).decode(t, &later)
	if later.Meta.CursorPagination != nil {
		t.Error("cursor_pagination on page 2")
	}
}

func TestUpdateCustomers(t *testing.T) {
	a := newAPI(t, Options{})
	ids := a.createCustomers(
		map[string]any{"email": "a@example.com", "first_name": "A", "last_name": "One", "company": "Acme", "phone": "1"},
		newCustomer("b@example.com"),
	)
	a.clock.Advance(time.Minute)

	// Partial: only what is present changes; "" clears.
	var p customersPage
	a.do("PUT", "/v3/customers", []map[string]any{{"id": ids[0], "company": "", "first_name": "Ann"}}).want(t, 200).decode(t, &p)
	c := p.Data[0]
	if c.Company != "" || c.FirstName != "Ann" || c.LastName != "One" || c.Email != "a@example.com" {
		t.Errorf("after partial update: %+v", c)
	}
	if c.DateModified != "2026-11-26T10:01:00Z" || c.DateCreated != "2026-11-26T10:00:00Z" {
		t.Errorf("dates %s %s", c.DateCreated, c.DateModified)
	}
	if c.Addresses == nil {
		t.Error("write responses carry sub-resources")
	}

	tests := []struct {
		name   string
		items  []map[string]any
		status int
		field  string
	}{
		{"missing id", []map[string]any{{"company": "x"}}, 422, "0.id"},
		{"unknown id", []map[string]any{{"id": 999, "company": "x"}}, 422, "0.id"},
		{"email of another customer", []map[string]any{{"id": ids[0], "email": "B@example.com"}}, 422, "0.email"},
		{"same new email twice", []map[string]any{{"id": ids[0], "email": "n@example.com"}, {"id": ids[1], "email": "n@example.com"}}, 422, "1.email"},
		{"origin_channel_id is immutable", []map[string]any{{"id": ids[0], "origin_channel_id": 2}}, 422, "0.origin_channel_id"},
		{"registration_ip_address is read-only", []map[string]any{{"id": ids[0], "registration_ip_address": "1.2.3.4"}}, 422, "0.registration_ip_address"},
		{"empty first name", []map[string]any{{"id": ids[0], "first_name": ""}}, 422, "0.first_name"},
		{"null company", []map[string]any{{"id": ids[0], "company": nil}}, 422, "0.company"},
		{"attributes via PUT", []map[string]any{{"id": ids[0], "attributes": []any{}}}, 422, "0.attributes"},
		{"one bad item rejects all", []map[string]any{{"id": ids[1], "company": "changed"}, {"id": ids[0], "phone": strings.Repeat("9", 51)}}, 422, "1.phone"},
		{"unchanged read-only values are accepted", []map[string]any{{"id": ids[0], "origin_channel_id": 1, "registration_ip_address": ""}}, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := a.do("PUT", "/v3/customers", tt.items).want(t, tt.status)
			if tt.field == "" {
				return
			}
			var e v3Err
			r.decode(t, &e)
			if e.Errors[tt.field] == "" {
				t.Errorf("errors %v lack %s", e.Errors, tt.field)
			}
		})
	}
	if got := a.customers("?id:in=" + fmt.Sprint(ids[1])).Data[0]; got.Company != "" {
		t.Errorf("a rejected batch changed customer %d: %+v", ids[1], got)
	}

	// Swapping to an email freed in the same store works once it is free.
	a.do("PUT", "/v3/customers", []map[string]any{{"id": ids[1], "email": "A2@example.com"}}).want(t, 200)
}

func TestDeleteCustomers(t *testing.T) {
	a := newAPI(t, Options{})
	ids := a.createCustomers(newCustomer("a@example.com"), newCustomer("b@example.com"), newCustomer("c@example.com"))
	a.do("POST", "/v3/customers/addresses", []map[string]any{usAddress(ids[0], "1 Main St")}).want(t, 200)
	a.do("POST", "/v3/customers/attributes", []map[string]any{{"name": "Tier", "type": "string"}}).want(t, 200)
	a.do("PUT", "/v3/customers/attribute-values", []map[string]any{{"attribute_id": 1, "customer_id": ids[0], "value": "gold"}}).want(t, 200)

	// Documented: without id:in nothing happens, and the answer is 204.
	a.do("DELETE", "/v3/customers", nil).want(t, 204)
	if a.store.CustomerCount() != 3 {
		t.Fatal("DELETE /v3/customers without id:in deleted customers")
	}
	a.do("DELETE", "/v3/customers?id:in=", nil).want(t, 422)
	a.do("DELETE", "/v3/customers?id:in=1,999", nil).want(t, 204)
	if a.store.CustomerCount() != 2 {
		t.Fatal("id:in delete")
	}
	var addrs, values struct{ Data []any }
	a.do("GET", "/v3/customers/addresses", nil).want(t, 200).decode(t, &addrs)
	a.do("GET", "/v3/customers/attribute-values", nil).want(t, 200).decode(t, &values)
	if len(addrs.Data) != 0 || len(values.Data) != 0 {
		t.Errorf("sub-resources survived their customer: %d addresses, %d values", len(addrs.Data), len(values.Data))
	}
	// The email is free again.
	a.createCustomers(newCustomer("a@example.com"))
}

func TestValidateCredentials(t *testing.T) {
	a := newAPI(t, Options{})
	ids := a.createCustomers(
		map[string]any{"email": "a@example.com", "first_name": "A", "last_name": "B", "authentication": map[string]any{"new_password": "Secret123"}},
		map[string]any{"email": "ch2@example.com", "first_name": "A", "last_name": "B", "channel_ids": []int{2}, "authentication": map[string]any{"new_password": "Secret123"}},
		newCustomer("nopassword@example.com"),
	)
	type answer struct {
		IsValid    bool `json:"is_valid"`
		CustomerID *int `json:"customer_id"`
	}
	tests := []struct {
		name string
		body map[string]any
		id   int // 0: invalid
	}{
		{"right password", map[string]any{"email": "A@example.com", "password": "Secret123"}, ids[0]},
		{"wrong password", map[string]any{"email": "a@example.com", "password": "Secret124"}, 0},
		{"unknown email", map[string]any{"email": "x@example.com", "password": "Secret123"}, 0},
		{"no password set", map[string]any{"email": "nopassword@example.com", "password": "Secret123"}, 0},
		{"channel not allowed", map[string]any{"email": "ch2@example.com", "password": "Secret123"}, 0},
		{"channel allowed", map[string]any{"email": "ch2@example.com", "password": "Secret123", "channel_id": 2}, ids[1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := a.do("POST", "/v3/customers/validate-credentials", tt.body).want(t, 200)
			var got answer
			r.decode(t, &got)
			if tt.id == 0 {
				if got.IsValid || got.CustomerID != nil || !strings.Contains(string(r.body), `"customer_id":null`) {
					t.Errorf("got %s", r.body)
				}
			} else if !got.IsValid || got.CustomerID == nil || *got.CustomerID != tt.id {
				t.Errorf("got %s", r.body)
			}
		})
	}
	a.do("POST", "/v3/customers/validate-credentials", map[string]any{"email": "a@example.com"}).want(t, 422)

	// V2's validate endpoint checks the same hash; a new password via PUT replaces it.
	a.do("POST", fmt.Sprintf("/v2/customers/%d/validate", ids[0]), map[string]any{"password": "Secret123"}).want(t, 200)
	a.do("PUT", "/v3/customers", []map[string]any{{"id": ids[0], "authentication": map[string]any{"new_password": "Changed456"}}}).want(t, 200)
	var v2 map[string]bool
	a.do("POST", fmt.Sprintf("/v2/customers/%d/validate", ids[0]), map[string]any{"password": "Secret123"}).want(t, 200).decode(t, &v2)
	if v2["success"] {
		t.Error("old password still valid")
	}
	a.do("POST", fmt.Sprintf("/v2/customers/%d/validate", ids[0]), map[string]any{"password": "Changed456"}).want(t, 200).decode(t, &v2)
	if !v2["success"] {
		t.Error("new password not valid")
	}
	a.do("POST", "/v2/customers/999/validate", map[string]any{"password": "x"}).want(t, 404)
}

func TestSeedCustomers(t *testing.T) {
	a := newAPI(t, Options{})
	g := a.store.SeedGroup("Retail")
	ids := a.store.SeedCustomers(3, g)
	more := a.store.SeedCustomers(2, 0)
	if fmt.Sprint(ids, more) != "[1 2 3] [4 5]" {
		t.Fatalf("ids %v %v", ids, more)
	}
	p := a.customers("?email:in=customer-0001@example.com,customer-0005@example.com")
	if len(p.Data) != 2 || p.Data[0].CustomerGroupID != g || p.Data[1].CustomerGroupID != 0 {
		t.Errorf("seeded %+v", p.Data)
	}
	if a.store.Stats().Total != 1 {
		t.Error("seeding went through HTTP")
	}
}
