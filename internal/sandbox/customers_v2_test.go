package sandbox

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

// v2Customer is the part of a V2 customer the tests look at.
type v2Customer struct {
	ID               int           `json:"id"`
	Email            string        `json:"email"`
	FirstName        string        `json:"first_name"`
	Company          string        `json:"company"`
	StoreCredit      string        `json:"store_credit"`
	CustomerGroupID  int           `json:"customer_group_id"`
	DateCreated      string        `json:"date_created"`
	ResetPassOnLogin bool          `json:"reset_pass_on_login"`
	AcceptsMarketing bool          `json:"accepts_marketing"`
	FormFields       []formFieldV2 `json:"form_fields"`
	Addresses        resourceLink  `json:"addresses"`
}

func TestV2AndV3ShareOneStore(t *testing.T) {
	a := newAPI(t, Options{})
	ids := a.createCustomers(map[string]any{
		"email": "jane@example.com", "first_name": "Jane", "last_name": "Smith",
		"store_credit_amounts":                         []any{map[string]any{"amount": 0.1}, map[string]any{"amount": 0.2}},
		"accepts_product_review_abandoned_cart_emails": true,
		"authentication":                               map[string]any{"force_password_reset": true},
		"form_fields":                                  []map[string]any{{"name": "shirt_size", "value": "L"}},
	})

	var v2 v2Customer
	a.do("GET", fmt.Sprintf("/v2/customers/%d", ids[0]), nil).want(t, 200).decode(t, &v2)
	if v2.Email != "jane@example.com" || v2.StoreCredit != "0.3000" || !v2.AcceptsMarketing || !v2.ResetPassOnLogin {
		t.Errorf("V2 view %+v", v2)
	}
	if v2.DateCreated != "Thu, 26 Nov 2026 10:00:00 +0000" {
		t.Errorf("V2 date %q", v2.DateCreated)
	}
	if len(v2.FormFields) != 1 || v2.FormFields[0].Name != "shirt_size" {
		t.Errorf("V2 form fields %+v", v2.FormFields)
	}
	if v2.Addresses.Resource != fmt.Sprintf("/customers/%d/addresses", ids[0]) || !strings.HasSuffix(v2.Addresses.URL, "/stores/sandbox/v2"+v2.Addresses.Resource) {
		t.Errorf("V2 addresses link %+v", v2.Addresses)
	}

	// A V2 write shows in V3, exactly.
	a.clock.Advance(time.Minute)
	a.do("PUT", fmt.Sprintf("/v2/customers/%d", ids[0]), map[string]any{"company": "Acme", "store_credit": "43.15"}).want(t, 200)
	p := a.customers("?include=storecredit")
	if c := p.Data[0]; c.Company != "Acme" || len(*c.StoreCreditAmounts) != 1 || (*c.StoreCreditAmounts)[0].Amount != "43.15" || c.DateModified != "2026-11-26T10:01:00Z" {
		t.Errorf("V3 view after V2 PUT %+v", c)
	}

	// V2 create appears in V3; V3's email uniqueness covers V2.
	var created v2Customer
	a.do("POST", "/v2/customers", map[string]any{"email": "v2@example.com", "first_name": "Vee", "last_name": "Two", "store_credit": 12}).want(t, 201).decode(t, &created)
	if created.StoreCredit != "12.0000" {
		t.Errorf("store_credit %q", created.StoreCredit)
	}
	if len(a.customers("?email:in=V2@example.com").Data) != 1 {
		t.Error("V2-created customer missing from V3")
	}
	a.do("POST", "/v3/customers", []map[string]any{newCustomer("V2@EXAMPLE.COM")}).want(t, 422)
	var conflict []v2Error
	a.do("POST", "/v2/customers", map[string]any{"email": "JANE@example.com", "first_name": "J", "last_name": "S"}).want(t, 409).decode(t, &conflict)
	if len(conflict) != 1 || conflict[0].Status != 409 || conflict[0].Details["conflict_reason"] == "" {
		t.Errorf("409 body %+v", conflict)
	}

	var count map[string]int
	a.do("GET", "/v2/customers/count", nil).want(t, 200).decode(t, &count)
	if count["count"] != 2 {
		t.Errorf("count %v", count)
	}
}

func TestV2CustomersValidation(t *testing.T) {
	a := newAPI(t, Options{})
	a.createCustomers(newCustomer("a@example.com"))
	tests := []struct {
		name    string
		method  string
		path    string
		body    any
		status  int
		message string
	}{
		{"missing email", "POST", "/v2/customers", map[string]any{"first_name": "A", "last_name": "B"}, 400, "The required field 'email' was not supplied."},
		{"read-only id", "POST", "/v2/customers", map[string]any{"id": 5, "email": "b@example.com", "first_name": "A", "last_name": "B"}, 400, "The field 'id' cannot be written to. Please remove it from your request before trying again."},
		{"read-only accepts_marketing", "PUT", "/v2/customers/1", map[string]any{"accepts_marketing": true}, 400, "The field 'accepts_marketing' cannot be written to. Please remove it from your request before trying again."},
		{"unknown group", "PUT", "/v2/customers/1", map[string]any{"customer_group_id": 9}, 400, "The field 'customer_group_id' is invalid."},
		{"password mismatch", "PUT", "/v2/customers/1", map[string]any{"_authentication": map[string]any{"password": "Secret123", "password_confirmation": "Secret124"}}, 400, "The field '_authentication.password_confirmation' is invalid."},
		{"bad store credit", "PUT", "/v2/customers/1", map[string]any{"store_credit": "lots"}, 400, "The field 'store_credit' is invalid."},
		{"missing customer", "PUT", "/v2/customers/99", map[string]any{"company": "x"}, 404, "The requested resource was not found."},
		{"array body", "POST", "/v2/customers", "[]", 400, "The request body must be a JSON object."},
		{"limit too big", "GET", "/v2/customers?limit=300", nil, 413, ""},
		{"bad filter", "GET", "/v2/customers?min_id=x", nil, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := a.do(tt.method, tt.path, tt.body).want(t, tt.status)
			var e []v2Error
			r.decode(t, &e)
			if len(e) == 0 || e[0].Status != tt.status || (tt.message != "" && e[0].Message != tt.message) {
				t.Errorf("body %s", r.body)
			}
		})
	}
	// Round-tripping what was read is accepted, read-only fields included.
	var cur map[string]any
	a.do("GET", "/v2/customers/1", nil).want(t, 200).decode(t, &cur)
	cur["company"] = "Round Trip"
	a.do("PUT", "/v2/customers/1", cur).want(t, 200)
}

func TestV2ListAndDeleteAll(t *testing.T) {
	a := newAPI(t, Options{})
	// V2 answers an empty collection with 204 and no body.
	r := a.do("GET", "/v2/customers", nil).want(t, 204)
	if len(r.body) != 0 {
		t.Errorf("204 with body %q", r.body)
	}
	a.store.SeedCustomers(60, 0)
	a.do("PUT", "/v2/customers/7", map[string]any{"company": "Acme"}).want(t, 200)

	var list []v2Customer
	a.do("GET", "/v2/customers?limit=25&page=3", nil).want(t, 200).decode(t, &list)
	if len(list) != 10 || list[0].ID != 51 {
		t.Errorf("page 3: %d items from %d", len(list), list[0].ID)
	}
	a.do("GET", "/v2/customers?company=acme", nil).want(t, 200).decode(t, &list)
	if len(list) != 1 || list[0].ID != 7 {
		t.Errorf("company filter %+v", list)
	}
	a.do("GET", "/v2/customers?min_id=10&max_id=12", nil).want(t, 200).decode(t, &list)
	if len(list) != 3 {
		t.Errorf("id range %d", len(list))
	}
	a.do("GET", "/v2/customers?email=customer-0002@EXAMPLE.com", nil).want(t, 200).decode(t, &list)
	if len(list) != 1 || list[0].ID != 2 {
		t.Errorf("email filter %+v", list)
	}
	a.do("GET", "/v2/customers?min_date_created="+url.QueryEscape("Thu, 26 Nov 2026 10:00:01 +0000"), nil).want(t, 204)

	a.do("DELETE", "/v2/customers/5", nil).want(t, 204)
	a.do("DELETE", "/v2/customers/5", nil).want(t, 404)
	a.do("DELETE", "/v2/customers?max_id=10", nil).want(t, 204)
	if n := a.store.CustomerCount(); n != 50 {
		t.Fatalf("after filtered delete: %d", n)
	}
	// Documented V2 behaviour: DELETE /v2/customers without a filter deletes
	// every customer of the store.
	a.do("DELETE", "/v2/customers", nil).want(t, 204)
	if n := a.store.CustomerCount(); n != 0 {
		t.Fatalf("after DELETE /v2/customers: %d customers left", n)
	}
}
