package sandbox

import (
	"strconv"
	"testing"
)

// TestGroupUpdateFollowsCustomerGroupPostPut holds PUT
// /v2/customer_groups/{id} to customerGroup_Post_Put: every member is
// optional and none is nullable, and what is left out is kept.
func TestGroupUpdateFollowsCustomerGroupPostPut(t *testing.T) {
	a := newAPI(t, Options{})
	var g groupV2
	a.do("POST", "/v2/customer_groups", map[string]any{
		"name": "Wholesale", "is_default": true,
		"category_access": map[string]any{"type": "specific", "categories": []int{18, 19}},
		"discount_rules":  []map[string]any{{"type": "all", "method": "percent", "amount": "5"}},
	}).want(t, 201).decode(t, &g)
	path := "/v2/customer_groups/" + strconv.Itoa(g.ID)

	for name, body := range map[string]map[string]any{
		"name null":                 {"name": nil},
		"is_default null":           {"is_default": nil},
		"is_group_for_guests null":  {"is_group_for_guests": nil},
		"category_access null":      {"category_access": nil},
		"category_access.type null": {"category_access": map[string]any{"type": nil}},
		"categories null":           {"category_access": map[string]any{"type": "specific", "categories": nil}},
		"access type not an enum":   {"category_access": map[string]any{"type": "some"}},
		"discount_rules null":       {"discount_rules": nil},
		"rule amount null":          {"discount_rules": []map[string]any{{"type": "all", "method": "percent", "amount": nil}}},
		"rule method null":          {"discount_rules": []map[string]any{{"type": "all", "method": nil, "amount": "5"}}},
		"rule category_id null":     {"discount_rules": []map[string]any{{"type": "category", "method": "percent", "amount": "5", "category_id": nil}}},
		"is_default as a string":    {"is_default": "true"},
	} {
		t.Run(name, func(t *testing.T) {
			a.do("PUT", path, body).want(t, 400)
		})
	}

	// Only the name: everything else is kept.
	var got groupV2
	a.do("PUT", path, map[string]any{"name": "Trade"}).want(t, 200).decode(t, &got)
	if got.Name != "Trade" || !got.IsDefault || got.CategoryAccess.Type != "specific" || got.CategoryAccess.Categories == nil ||
		len(*got.CategoryAccess.Categories) != 2 || len(got.DiscountRules) != 1 || got.DiscountRules[0].Amount != "5.0000" {
		t.Errorf("after renaming the group is %+v", got)
	}
	// An empty body changes nothing.
	a.do("PUT", path, map[string]any{}).want(t, 200).decode(t, &got)
	if got.Name != "Trade" || len(got.DiscountRules) != 1 {
		t.Errorf("after an empty update the group is %+v", got)
	}
}
