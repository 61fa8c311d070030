package fwresource

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var testLookupSchema = schema.Schema{Attributes: map[string]schema.Attribute{
	"id":   schema.StringAttribute{Optional: true, Computed: true},
	"name": schema.StringAttribute{Optional: true, Computed: true},
}}

type testGroupModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

func testLookupDataSource(calls *[]string) *LookupDataSource[testGroupModel, testGroup] {
	return &LookupDataSource[testGroupModel, testGroup]{
		DataSourceBase: NewDataSourceBase("customer_group"),
		Definition:     func(context.Context) schema.Schema { return testLookupSchema },
		KeyAttribute:   "name",
		Lookup:         func(API) Lookup[testGroup] { return testLookup(calls) },
		Model: func(_ context.Context, g *testGroup) (testGroupModel, diag.Diagnostics) {
			return testGroupModel{ID: types.StringValue("12"), Name: types.StringValue(g.Name)}, nil
		},
	}
}

// testLookupRead reads the data source configured with id and name.
func testLookupRead(t *testing.T, d *LookupDataSource[testGroupModel, testGroup], id, name tftypes.Value) (testGroupModel, diag.Diagnostics) {
	t.Helper()
	return readDataSource[testGroupModel](t, d, testLookupSchema, map[string]tftypes.Value{"id": id, "name": name})
}

func TestLookupDataSourceReadsByIDOrKey(t *testing.T) {
	null := tftypes.NewValue(tftypes.String, nil)
	for _, c := range []struct{ id, name tftypes.Value }{
		{tftypes.NewValue(tftypes.String, "12"), null},
		{null, tftypes.NewValue(tftypes.String, "Retail")},
	} {
		var calls []string
		got, diags := testLookupRead(t, testLookupDataSource(&calls), c.id, c.name)
		if diags.HasError() || got.ID.ValueString() != "12" || got.Name.ValueString() != "Retail" {
			t.Errorf("read %s/%s: %+v, %v", c.id, c.name, got, diags)
		}
	}
}

func TestLookupDataSourceReportsWhatItCouldNotFind(t *testing.T) {
	var calls []string
	_, diags := testLookupRead(t, testLookupDataSource(&calls), tftypes.NewValue(tftypes.String, nil), tftypes.NewValue(tftypes.String, "Trade"))
	if len(diags) != 1 || diags[0].Summary() != "Customer group not found" {
		t.Errorf("diagnostics %v", diags)
	}
}

func TestLookupDataSourceDeclaration(t *testing.T) {
	ctx := context.Background()
	d := testLookupDataSource(new([]string))
	var meta datasource.MetadataResponse
	d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "bigcommerce"}, &meta)
	if meta.TypeName != "bigcommerce_customer_group" {
		t.Errorf("type name %q", meta.TypeName)
	}
	var s datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &s)
	if _, ok := s.Schema.Attributes["name"]; !ok {
		t.Errorf("schema %v", s.Schema)
	}
	validators := d.ConfigValidators(ctx)
	if len(validators) != 1 || validators[0].Description(ctx) == "" {
		t.Errorf("config validators %v", validators)
	}
}
