package fwresource

import (
	"context"
	"errors"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var testListSchema = schema.Schema{Attributes: map[string]schema.Attribute{
	"name_like": schema.StringAttribute{Optional: true},
	"ids":       schema.ListAttribute{Computed: true, ElementType: types.StringType},
	"groups":    schema.ListNestedAttribute{Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: testListedAttributes}},
}}

type testListConfig struct {
	NameLike types.String `tfsdk:"name_like"`
	IDs      types.List   `tfsdk:"ids"`
	Groups   types.List   `tfsdk:"groups"`
}

func testListDataSource(groups []testGroup, err error) *ListDataSource[testListConfig, testGroup, testListed] {
	return &ListDataSource[testListConfig, testGroup, testListed]{
		DataSourceBase: NewDataSourceBase("customer_groups"),
		Definition:     func(context.Context) schema.Schema { return testListSchema },
		ListAttribute:  "groups",
		ObjectType:     ObjectType(testListedAttributes),
		List: func(_ context.Context, _ API, config testListConfig) ([]testGroup, diag.Diagnostics) {
			var kept []testGroup
			for _, g := range groups {
				if config.NameLike.IsNull() || g.Name == config.NameLike.ValueString() {
					kept = append(kept, g)
				}
			}
			return kept, ErrorDiagnostics("Unable to list customer groups", err)
		},
		Object: func(_ context.Context, g *testGroup) (testListed, diag.Diagnostics) {
			return testListed{ID: types.StringValue(string(rune('0' + g.ID))), Name: types.StringValue(g.Name)}, nil
		},
	}
}

func testListRead(t *testing.T, d *ListDataSource[testListConfig, testGroup, testListed], nameLike tftypes.Value) (testListConfig, diag.Diagnostics) {
	t.Helper()
	return readDataSource[testListConfig](t, d, testListSchema, map[string]tftypes.Value{
		"name_like": nameLike,
		"ids":       tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, nil),
		"groups":    tftypes.NewValue(testListSchema.Attributes["groups"].GetType().TerraformType(context.Background()), nil),
	})
}

func TestListDataSourceListsObjectsAndIDs(t *testing.T) {
	d := testListDataSource([]testGroup{{ID: 3, Name: "Retail"}, {ID: 1, Name: "Trade"}}, nil)
	got, diags := testListRead(t, d, tftypes.NewValue(tftypes.String, nil))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if want := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("3"), types.StringValue("1")}); !got.IDs.Equal(want) {
		t.Errorf("ids %s", got.IDs)
	}
	if len(got.Groups.Elements()) != 2 || !got.NameLike.IsNull() {
		t.Errorf("state %+v", got)
	}

	got, diags = testListRead(t, d, tftypes.NewValue(tftypes.String, "Nobody"))
	if diags.HasError() || got.NameLike.ValueString() != "Nobody" || got.Groups.IsNull() || len(got.Groups.Elements()) != 0 || len(got.IDs.Elements()) != 0 {
		t.Errorf("nothing matched: %+v, %v", got, diags)
	}
}

func TestListDataSourceReportsAFailedList(t *testing.T) {
	d := testListDataSource(nil, errors.New("connection reset"))
	_, diags := testListRead(t, d, tftypes.NewValue(tftypes.String, nil))
	if len(diags) != 1 || diags[0].Summary() != "Unable to list customer groups" || diags[0].Detail() != "connection reset" {
		t.Errorf("diagnostics %v", diags)
	}
	if ErrorDiagnostics("Unable to list customer groups", nil) != nil {
		t.Error("no error, yet diagnostics")
	}
}
