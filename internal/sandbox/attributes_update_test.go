package sandbox

import (
	"strings"
	"testing"
)

// TestAttributeUpdateFollowsAttributePut holds PUT /v3/customers/attributes
// to attribute_Put (id and name required, neither nullable) and PUT
// /v3/customers/attribute-values to attributeValue_Base (attribute_id,
// value and customer_id required, none nullable).
func TestAttributeUpdateFollowsAttributePut(t *testing.T) {
	a := newAPI(t, Options{})
	var attrs struct{ Data []attributeV3 }
	a.do("POST", "/v3/customers/attributes", []any{map[string]any{"name": "Nickname", "type": "string"}}).want(t, 200).decode(t, &attrs)
	id := attrs.Data[0].ID

	for name, item := range map[string]map[string]any{
		"no name":        {"id": id},
		"name null":      {"id": id, "name": nil},
		"name empty":     {"id": id, "name": ""},
		"name too long":  {"id": id, "name": strings.Repeat("x", 256)},
		"no id":          {"name": "Nick"},
		"id null":        {"id": nil, "name": "Nick"},
		"type null":      {"id": id, "name": "Nick", "type": nil},
		"another type":   {"id": id, "name": "Nick", "type": "number"},
		"id as a string": {"id": "1", "name": "Nick"},
	} {
		t.Run(name, func(t *testing.T) {
			a.do("PUT", "/v3/customers/attributes", []any{item}).want(t, 422)
		})
	}
	var renamed struct{ Data []attributeV3 }
	a.do("PUT", "/v3/customers/attributes", []any{map[string]any{"id": id, "name": "Nick"}}).want(t, 200).decode(t, &renamed)
	if len(renamed.Data) != 1 || renamed.Data[0].Name != "Nick" || renamed.Data[0].Type != "string" {
		t.Errorf("renamed %+v, want Nick of type string", renamed.Data)
	}
}

func TestAttributeValueUpsertFollowsAttributeValueBase(t *testing.T) {
	a := newAPI(t, Options{})
	cid := a.createCustomers(newCustomer("values@example.com"))[0]
	var attrs struct{ Data []attributeV3 }
	a.do("POST", "/v3/customers/attributes", []any{map[string]any{"name": "Nickname", "type": "string"}}).want(t, 200).decode(t, &attrs)
	aid := attrs.Data[0].ID

	for name, item := range map[string]map[string]any{
		"no value":          {"customer_id": cid, "attribute_id": aid},
		"value null":        {"customer_id": cid, "attribute_id": aid, "value": nil},
		"value too long":    {"customer_id": cid, "attribute_id": aid, "value": strings.Repeat("x", 256)},
		"no customer_id":    {"attribute_id": aid, "value": "x"},
		"customer_id null":  {"customer_id": nil, "attribute_id": aid, "value": "x"},
		"no attribute_id":   {"customer_id": cid, "value": "x"},
		"attribute_id null": {"customer_id": cid, "attribute_id": nil, "value": "x"},
		"id null":           {"customer_id": cid, "attribute_id": aid, "value": "x", "id": nil},
	} {
		t.Run(name, func(t *testing.T) {
			a.do("PUT", "/v3/customers/attribute-values", []any{item}).want(t, 422)
		})
	}
	var got struct{ Data []attributeValueV3 }
	a.do("PUT", "/v3/customers/attribute-values", []any{map[string]any{"customer_id": cid, "attribute_id": aid, "value": ""}}).want(t, 200).decode(t, &got)
	if len(got.Data) != 1 || got.Data[0].AttributeValue != "" {
		t.Errorf("upserted %+v, want an empty value", got.Data)
	}
}
