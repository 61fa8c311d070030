package customergroup

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// stateGroup is a group with every attribute set, as the state holds it
// after a create.
func stateGroup(t *testing.T) groupModel {
	t.Helper()
	m := groupModel{DiscountRules: types.ListNull(discountRuleType)}
	diags := flatten(context.Background(), &bigcommerce.CustomerGroup{
		ID: 7, Name: "Wholesale", IsDefault: false, IsGroupForGuests: false,
		CategoryAccess: bigcommerce.CategoryAccess{Type: "specific", Categories: []int{18, 19}},
		DiscountRules:  []bigcommerce.DiscountRule{{Type: "all", Method: "percent", Amount: "5"}},
		DateCreated:    "2026-11-26 10:00:00", DateModified: "2026-11-26 10:00:00",
	}, &m)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return m
}

func accessValue(t *testing.T, typ string, categories attr.Value) types.Object {
	t.Helper()
	obj, diags := types.ObjectValue(categoryAccessAttrTypes, map[string]attr.Value{"type": types.StringValue(typ), "categories": categories})
	if diags.HasError() {
		t.Fatal(diags)
	}
	return obj
}

func TestExpandPatchSendsOnlyWhatChanged(t *testing.T) {
	tests := []struct {
		name string
		plan func(m *groupModel)
		want string
	}{
		{"the name changes", func(m *groupModel) { m.Name = types.StringValue("Trade") }, `{"name":"Trade"}`},
		{"is_default changes", func(m *groupModel) { m.IsDefault = types.BoolValue(true) }, `{"is_default":true}`},
		{"category access changes", func(m *groupModel) {
			m.CategoryAccess = accessValue(t, "none", types.SetNull(types.Int64Type))
		}, `{"category_access":{"type":"none"}}`},
		{"categories not yet known are not a change", func(m *groupModel) {
			m.Name = types.StringValue("Trade")
			m.CategoryAccess = accessValue(t, "specific", types.SetUnknown(types.Int64Type))
		}, `{"name":"Trade"}`},
		{"a new access type keeps categories out", func(m *groupModel) {
			m.CategoryAccess = accessValue(t, "all", types.SetUnknown(types.Int64Type))
		}, `{"category_access":{"type":"all"}}`},
		{"removed discount rules are cleared", func(m *groupModel) { m.DiscountRules = types.ListNull(discountRuleType) }, `{"discount_rules":[]}`},
		{"computed dates are not sent", func(m *groupModel) { m.DateModified = types.StringUnknown() }, `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			state := stateGroup(t)
			plan := stateGroup(t)
			tt.plan(&plan)
			in, diags := expandPatch(context.Background(), plan, state)
			if diags.HasError() {
				t.Fatal(diags)
			}
			got, err := json.Marshal(in)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("body %s, want %s", got, tt.want)
			}
			if in.IsEmpty() != (tt.want == "{}") {
				t.Errorf("IsEmpty() = %v for %s", in.IsEmpty(), got)
			}
		})
	}
}
