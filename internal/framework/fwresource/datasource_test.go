package fwresource

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// readDataSource runs d's Read with config, and returns the state it wrote
// into M unless Read failed.
func readDataSource[M any](t *testing.T, d datasource.DataSource, s schema.Schema, config map[string]tftypes.Value) (M, diag.Diagnostics) {
	t.Helper()
	ctx := context.Background()
	objectType := s.Type().TerraformType(ctx)
	req := datasource.ReadRequest{Config: tfsdk.Config{Schema: s, Raw: tftypes.NewValue(objectType, config)}}
	resp := &datasource.ReadResponse{State: tfsdk.State{Schema: s, Raw: tftypes.NewValue(objectType, nil)}}
	d.Read(ctx, req, resp)
	var got M
	if !resp.Diagnostics.HasError() {
		if diags := resp.State.Get(ctx, &got); diags.HasError() {
			t.Fatal(diags)
		}
	}
	return got, resp.Diagnostics
}

type testGroup struct {
	ID   int
	Name string
}

// testLookup finds group 12, named "Retail"; any other id or name is not
// found, and id 13 fails.
func testLookup(calls *[]string) Lookup[testGroup] {
	return Lookup[testGroup]{
		What:     "customer group",
		NotFound: "The store has no customer group with %s.",
		Key:      "name",
		QuoteKey: true,
		ParseID:  func(s string) (int, diag.Diagnostics) { return ParseID(s, "customer group") },
		ByID: func(_ context.Context, id int) (*testGroup, error) {
			*calls = append(*calls, fmt.Sprintf("id %d", id))
			switch id {
			case 12:
				return &testGroup{ID: 12, Name: "Retail"}, nil
			case 13:
				return nil, errors.New("connection reset")
			}
			return nil, fmt.Errorf("group %d: %w", id, bigcommerce.ErrNotFound)
		},
		ByKey: func(_ context.Context, name string) (*testGroup, error) {
			*calls = append(*calls, "name "+name)
			if name == "Retail" {
				return &testGroup{ID: 12, Name: "Retail"}, nil
			}
			return nil, bigcommerce.ErrNotFound
		},
	}
}

func TestLookupFindsByIDOrElseByKey(t *testing.T) {
	for _, c := range []struct {
		id, key types.String
		call    string
	}{
		{types.StringValue("12"), types.StringNull(), "id 12"},
		{types.StringNull(), types.StringValue("Retail"), "name Retail"},
	} {
		var calls []string
		var diags diag.Diagnostics
		got, ok := testLookup(&calls).Find(context.Background(), c.id, c.key, &diags)
		if !ok || diags.HasError() || got.ID != 12 {
			t.Errorf("Find(%s, %s) = %v, %v, %v", c.id, c.key, got, ok, diags)
		}
		if len(calls) != 1 || calls[0] != c.call {
			t.Errorf("Find(%s, %s) called %v", c.id, c.key, calls)
		}
	}
}

func TestLookupExplainsWhatItCouldNotFind(t *testing.T) {
	for _, c := range []struct {
		id, key         types.String
		summary, detail string
		onID            bool
	}{
		{types.StringValue("99"), types.StringNull(), "Customer group not found", "The store has no customer group with id 99.", false},
		{types.StringNull(), types.StringValue("Trade"), "Customer group not found", `The store has no customer group with name "Trade".`, false},
		{types.StringValue("13"), types.StringNull(), "Unable to read customer group", "connection reset", false},
		{types.StringValue("twelve"), types.StringNull(), "Invalid customer group id", `A customer group id is a positive number, got "twelve".`, true},
	} {
		var calls []string
		var diags diag.Diagnostics
		got, ok := testLookup(&calls).Find(context.Background(), c.id, c.key, &diags)
		if ok || got != nil || len(diags) != 1 {
			t.Fatalf("Find(%s, %s) = %v, %v, %v", c.id, c.key, got, ok, diags)
		}
		if diags[0].Summary() != c.summary || diags[0].Detail() != c.detail {
			t.Errorf("Find(%s, %s): %s: %s", c.id, c.key, diags[0].Summary(), diags[0].Detail())
		}
		if d, onPath := diags[0].(diag.DiagnosticWithPath); onPath != c.onID || (onPath && !d.Path().Equal(path.Root("id"))) {
			t.Errorf("Find(%s, %s): diagnostic %v", c.id, c.key, diags[0])
		}
	}
}

func TestParseIDWith(t *testing.T) {
	if id, diags := ParseIDWith("7", "customer", "id must be a customer's numeric id, got %q."); id != 7 || diags.HasError() {
		t.Errorf("ParseIDWith(7) = %d, %v", id, diags)
	}
	_, diags := ParseIDWith("x", "customer", "id must be a customer's numeric id, got %q.")
	if len(diags) != 1 || diags[0].Summary() != "Invalid customer id" || diags[0].Detail() != `id must be a customer's numeric id, got "x".` {
		t.Errorf("ParseIDWith(x): %v", diags)
	}
}

type testListed struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

var testListedAttributes = map[string]schema.Attribute{
	"id":   schema.StringAttribute{Computed: true},
	"name": schema.StringAttribute{Computed: true},
}

func TestListOf(t *testing.T) {
	ctx := context.Background()
	objectType := ObjectType(testListedAttributes)
	if len(objectType.AttrTypes) != 2 || !objectType.AttrTypes["id"].Equal(types.StringType) {
		t.Fatalf("object type %s", objectType)
	}
	list, ids, diags := ListOf(ctx, objectType, []testListed{
		{ID: types.StringValue("3"), Name: types.StringValue("Retail")},
		{ID: types.StringValue("1"), Name: types.StringValue("Trade")},
	})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if want := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("3"), types.StringValue("1")}); !ids.Equal(want) {
		t.Errorf("ids %s", ids)
	}
	var back []testListed
	if d := list.ElementsAs(ctx, &back, false); d.HasError() || len(back) != 2 || back[1].Name.ValueString() != "Trade" {
		t.Errorf("list %s: %v", list, d)
	}

	list, ids, diags = ListOf(ctx, objectType, []testListed{})
	if diags.HasError() || list.IsNull() || len(list.Elements()) != 0 || ids.IsNull() || len(ids.Elements()) != 0 {
		t.Errorf("nothing listed: %s, %s, %v", list, ids, diags)
	}
}
