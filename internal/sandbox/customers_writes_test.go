package sandbox

import (
	"fmt"
	"strings"
	"testing"
)

// Create Customers documents channel_ids: null for global access; Update
// Customers does not, and customer_Put's channel_ids is not nullable.
func TestChannelIDsNullOnlyOnCreate(t *testing.T) {
	a := newAPI(t, Options{})
	in := newCustomer("global@example.com")
	in["channel_ids"] = nil
	id := a.createCustomers(in)[0]
	if got := a.customers(fmt.Sprintf("?id:in=%d", id)).Data[0]; got.ChannelIDs != nil {
		t.Fatalf("channel_ids null on create gave channels %v, want global access (null)", got.ChannelIDs)
	}

	r := a.do("PUT", "/v3/customers", []map[string]any{{"id": id, "channel_ids": nil}}).want(t, 422)
	var e v3Err
	r.decode(t, &e)
	if e.Errors["0.channel_ids"] == "" {
		t.Fatalf("a null channel_ids on update was refused without naming it: %v", e.Errors)
	}
	a.do("PUT", "/v3/customers", []map[string]any{{"id": id, "channel_ids": []int{1}}}).want(t, 200)
}

// V3 create ignores registration_ip_address ("If the customer was created
// using the API, then registration address is blank"); V2's Update a
// Customer sets it, and V3 reads it back.
func TestRegistrationIPIgnoredOnCreateSetThroughV2(t *testing.T) {
	a := newAPI(t, Options{})
	in := newCustomer("ip@example.com")
	in["registration_ip_address"] = "203.0.113.7"
	id := a.createCustomers(in)[0]
	if got := a.customers(fmt.Sprintf("?id:in=%d", id)).Data[0]; got.RegistrationIPAddress != "" {
		t.Fatalf("V3 create stored registration_ip_address %q, want it ignored", got.RegistrationIPAddress)
	}

	a.do("PUT", fmt.Sprintf("/v2/customers/%d", id), map[string]any{"registration_ip_address": "2001:db8::7"}).want(t, 200)
	if got := a.customers(fmt.Sprintf("?id:in=%d", id)).Data[0]; got.RegistrationIPAddress != "2001:db8::7" {
		t.Fatalf("after the V2 update V3 reads registration_ip_address %q", got.RegistrationIPAddress)
	}
	// V3's update lists it read-only.
	a.do("PUT", "/v3/customers", []map[string]any{{"id": id, "registration_ip_address": "192.0.2.1"}}).want(t, 422)
}

// Form-field values keep their JSON type, and a value of the wrong type for
// its field, or a field the form does not define, is refused.
func TestTypedFormFields(t *testing.T) {
	a := newAPI(t, Options{})
	in := newCustomer("form@example.com")
	in["form_fields"] = []map[string]any{
		{"name": "shirt_size", "value": "L"},
		{"name": "employees", "value": 12.5},
		{"name": "interests", "value": []string{"a", "b"}},
	}
	id := a.createCustomers(in)[0]
	body := string(a.do("GET", fmt.Sprintf("/v3/customers?id:in=%d&include=formfields", id), nil).want(t, 200).body)
	for _, want := range []string{`"value":"L"`, `"value":12.5`, `"value":["a","b"]`} {
		if !strings.Contains(body, want) {
			t.Errorf("the answer lacks %s: %s", want, body)
		}
	}

	for _, tt := range []struct {
		name  string
		field map[string]any
		key   string
	}{
		{"number as text", map[string]any{"name": "employees", "value": "12.5"}, "0.form_fields.0.value"},
		{"list as text", map[string]any{"name": "interests", "value": `["a"]`}, "0.form_fields.0.value"},
		{"text as number", map[string]any{"name": "shirt_size", "value": 3}, "0.form_fields.0.value"},
		{"undefined field", map[string]any{"name": "no_such_field", "value": "x"}, "0.form_fields.0.name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := a.do("PUT", "/v3/customers", []map[string]any{{"id": id, "form_fields": []map[string]any{tt.field}}}).want(t, 422)
			var e v3Err
			r.decode(t, &e)
			if e.Errors[tt.key] == "" {
				t.Errorf("errors %v lack %s", e.Errors, tt.key)
			}
		})
	}
}

func TestFormFieldDefinitionsAreConfigurable(t *testing.T) {
	a := newAPI(t, Options{FormFields: &FormFields{Customer: []FormFieldDefinition{{Name: "loyalty_tier", Type: FormFieldText}}}})
	in := newCustomer("tier@example.com")
	in["form_fields"] = []map[string]any{{"name": "loyalty_tier", "value": "gold"}}
	a.createCustomers(in)
	in = newCustomer("shirt@example.com")
	in["form_fields"] = []map[string]any{{"name": "shirt_size", "value": "L"}}
	a.do("POST", "/v3/customers", []map[string]any{in}).want(t, 422)
}
