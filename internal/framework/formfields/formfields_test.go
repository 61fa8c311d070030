package formfields

import (
	"context"
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

func entry(t *testing.T, value attr.Value) types.Object {
	t.Helper()
	m := map[string]attr.Value{"value": types.StringNull(), "number": types.NumberNull(), "values": types.ListNull(types.StringType)}
	switch v := value.(type) {
	case types.String:
		m["value"] = v
	case types.Number:
		m["number"] = v
	case types.List:
		m["values"] = v
	}
	obj, diags := types.ObjectValue(AttrTypes, m)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return obj
}

func fieldMap(t *testing.T, entries map[string]types.Object) types.Map {
	t.Helper()
	values := map[string]attr.Value{}
	for k, v := range entries {
		values[k] = v
	}
	m, diags := types.MapValue(ObjectType, values)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return m
}

func TestFlattenAndExpandKeepEachType(t *testing.T) {
	ctx := context.Background()
	store := []bigcommerce.FormField{
		{Name: "shirt_size", Value: bigcommerce.TextValue("L")},
		{Name: "employees", Value: bigcommerce.NumberValue("12.5")},
		{Name: "interests", Value: bigcommerce.ListValue([]string{"a", "b"})},
	}
	m, diags := Flatten(ctx, store, nil)
	if diags.HasError() {
		t.Fatal(diags)
	}
	// As a create writes them: every field, typed as it came.
	out, diags := Expand(ctx, m, types.MapNull(ObjectType))
	if diags.HasError() {
		t.Fatal(diags)
	}
	b, _ := json.Marshal(out)
	want := `[{"name":"employees","value":12.5},{"name":"interests","value":["a","b"]},{"name":"shirt_size","value":"L"}]`
	if string(b) != want {
		t.Errorf("expanded %s, want %s", b, want)
	}

	// Only the kept names.
	kept, _ := Flatten(ctx, store, map[string]bool{"employees": true})
	if n := len(kept.Elements()); n != 1 {
		t.Errorf("kept %d fields, want 1", n)
	}
}

func TestExpandWritesOnlyChangedManagedFields(t *testing.T) {
	ctx := context.Background()
	prior := fieldMap(t, map[string]types.Object{
		"shirt_size": entry(t, types.StringValue("L")),
		"employees":  entry(t, types.NumberValue(big.NewFloat(12.5))),
	})
	planned := fieldMap(t, map[string]types.Object{
		"employees": entry(t, types.NumberValue(big.NewFloat(12.50))), // same value
		"interests": entry(t, types.ListValueMust(types.StringType, []attr.Value{types.StringValue("a")})),
	})
	out, diags := Expand(ctx, planned, prior)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if len(out) != 1 || out[0].Name != "interests" || out[0].Value.List == nil {
		t.Errorf("wrote %+v, want only the new interests list (shirt_size is no longer managed, employees unchanged)", out)
	}
}

func TestValidateNeedsExactlyOneValue(t *testing.T) {
	ctx := context.Background()
	both, _ := types.ObjectValue(AttrTypes, map[string]attr.Value{
		"value": types.StringValue("12"), "number": types.NumberValue(big.NewFloat(12)), "values": types.ListNull(types.StringType),
	})
	none, _ := types.ObjectValue(AttrTypes, map[string]attr.Value{
		"value": types.StringNull(), "number": types.NumberNull(), "values": types.ListNull(types.StringType),
	})
	for name, tt := range map[string]struct {
		fields types.Map
		want   string
	}{
		"one each":  {fieldMap(t, map[string]types.Object{"a": entry(t, types.StringValue("x")), "b": entry(t, types.NumberValue(big.NewFloat(1)))}), ""},
		"two":       {fieldMap(t, map[string]types.Object{"employees": both}), "exactly one of value"},
		"none":      {fieldMap(t, map[string]types.Object{"employees": none}), "exactly one of value"},
		"empty key": {fieldMap(t, map[string]types.Object{"": entry(t, types.StringValue("x"))}), "remove the empty key"},
		"null":      {types.MapNull(ObjectType), ""},
	} {
		t.Run(name, func(t *testing.T) {
			diags := Validate(ctx, tt.fields, path.Root("form_fields"))
			switch {
			case tt.want == "" && diags.HasError():
				t.Errorf("refused: %v", diags)
			case tt.want != "" && (!diags.HasError() || !strings.Contains(diags[0].Detail(), tt.want)):
				t.Errorf("got %v, want an error saying %q", diags, tt.want)
			}
		})
	}
}
