package fwlist_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwlist"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// A list resource of things, each with an id and a name, whose config
// filters by name.

type thingConfig struct {
	Name types.String `tfsdk:"name"`
}

type thing struct {
	ID   int
	Name string
}

type thingModel struct {
	ID       types.String   `tfsdk:"id"`
	Name     types.String   `tfsdk:"name"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

var configSchema = listschema.Schema{
	Attributes: map[string]listschema.Attribute{
		"name": listschema.StringAttribute{Optional: true},
	},
}

func resourceSchema(ctx context.Context) rschema.Schema {
	return rschema.Schema{
		Attributes: map[string]rschema.Attribute{
			"id":       rschema.StringAttribute{Computed: true},
			"name":     rschema.StringAttribute{Required: true},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true}),
		},
	}
}

// things yields n things, counting in read how many it was asked for.
func things(n int, read *int) iter.Seq2[thing, error] {
	return func(yield func(thing, error) bool) {
		for i := 1; i <= n; i++ {
			*read++
			if !yield(thing{ID: i, Name: fmt.Sprintf("thing %d", i)}, nil) {
				return
			}
		}
	}
}

func thingResult(_ context.Context, th *thing, nullTimeouts timeouts.Value) (fwlist.Result, diag.Diagnostics) {
	id := types.StringValue(strconv.Itoa(th.ID))
	return fwlist.Result{
		DisplayName: th.Name,
		Identity:    fwresource.IDIdentity{ID: id},
		Resource:    thingModel{ID: id, Name: types.StringValue(th.Name), Timeouts: nullTimeouts},
	}, nil
}

func newThings(items iter.Seq2[thing, error]) *fwlist.Resource[thingConfig, thing] {
	return &fwlist.Resource[thingConfig, thing]{
		TypeName: "thing",
		Schema:   configSchema,
		Find: func(context.Context, thingConfig, *bigcommerce.Client) (iter.Seq2[thing, error], diag.Diagnostics) {
			return items, nil
		},
		ErrorSummary: "Unable to list things",
		Result:       thingResult,
	}
}

// request is a list request with the config name (nil for null).
func request(ctx context.Context, name any, limit int64, includeResource bool) list.ListRequest {
	return list.ListRequest{
		Config: tfsdk.Config{
			Schema: configSchema,
			Raw: tftypes.NewValue(configSchema.Type().TerraformType(ctx), map[string]tftypes.Value{
				"name": tftypes.NewValue(tftypes.String, name),
			}),
		},
		IncludeResource:        includeResource,
		Limit:                  limit,
		ResourceSchema:         resourceSchema(ctx),
		ResourceIdentitySchema: fwresource.IDIdentitySchema("The thing's id."),
	}
}

// run lists with req and collects the results.
func run(ctx context.Context, r list.ListResource, req list.ListRequest) []list.ListResult {
	var stream list.ListResultsStream
	r.List(ctx, req, &stream)
	return slices.Collect(stream.Results)
}

func TestMetadataAndSchema(t *testing.T) {
	ctx := context.Background()
	r := newThings(nil)
	var meta resource.MetadataResponse
	r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "bigcommerce"}, &meta)
	if meta.TypeName != "bigcommerce_thing" {
		t.Errorf("type name %q, want bigcommerce_thing", meta.TypeName)
	}
	var schema list.ListResourceSchemaResponse
	r.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schema)
	if _, ok := schema.Schema.Attributes["name"]; !ok {
		t.Errorf("schema %v lacks the declared attribute name", schema.Schema)
	}
}

func TestNullTimeouts(t *testing.T) {
	ctx := context.Background()
	got, diags := fwlist.NullTimeouts(ctx, request(ctx, nil, 0, false))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !got.IsNull() {
		t.Errorf("timeouts %v are not null", got)
	}
	want := map[string]attr.Type{"create": types.StringType, "read": types.StringType}
	if ts := got.AttributeTypes(ctx); len(ts) != len(want) || !ts["create"].Equal(want["create"]) || !ts["read"].Equal(want["read"]) {
		t.Errorf("timeouts of attribute types %v, want %v", ts, want)
	}

	// A resource without timeouts is a bug the result says.
	req := request(ctx, nil, 0, false)
	req.ResourceSchema = rschema.Schema{Attributes: map[string]rschema.Attribute{"id": rschema.StringAttribute{Computed: true}}}
	if _, diags := fwlist.NullTimeouts(ctx, req); !diags.HasError() {
		t.Error("no error for a resource schema without timeouts")
	}
}

func TestListLimit(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		limit      int64
		want, read int
	}{
		{limit: 0, want: 5, read: 5},
		{limit: 2, want: 2, read: 2},
		{limit: 5, want: 5, read: 5},
		{limit: 9, want: 5, read: 5},
	} {
		t.Run(fmt.Sprint("limit ", tc.limit), func(t *testing.T) {
			var read int
			results := run(ctx, newThings(things(5, &read)), request(ctx, nil, tc.limit, false))
			if len(results) != tc.want {
				t.Errorf("%d results, want %d", len(results), tc.want)
			}
			// Items past the limit are not read: a client that reads page
			// by page stops there.
			if read != tc.read {
				t.Errorf("read %d items, want %d", read, tc.read)
			}
		})
	}
}

func TestListStopsWithTheConsumer(t *testing.T) {
	ctx := context.Background()
	var read int
	var stream list.ListResultsStream
	newThings(things(5, &read)).List(ctx, request(ctx, nil, 0, false), &stream)
	for range stream.Results {
		break
	}
	if read != 1 {
		t.Errorf("read %d items after the first result was taken, want 1", read)
	}
}

func TestListResults(t *testing.T) {
	ctx := context.Background()
	for _, include := range []bool{false, true} {
		t.Run(fmt.Sprint("include_resource ", include), func(t *testing.T) {
			var read int
			results := run(ctx, newThings(things(2, &read)), request(ctx, nil, 0, include))
			if len(results) != 2 {
				t.Fatalf("%d results, want 2", len(results))
			}
			for i, result := range results {
				if result.Diagnostics.HasError() {
					t.Fatal(result.Diagnostics)
				}
				if want := fmt.Sprintf("thing %d", i+1); result.DisplayName != want {
					t.Errorf("display name %q, want %q", result.DisplayName, want)
				}
				var identity fwresource.IDIdentity
				if diags := result.Identity.Get(ctx, &identity); diags.HasError() {
					t.Fatal(diags)
				}
				if want := strconv.Itoa(i + 1); identity.ID.ValueString() != want {
					t.Errorf("identity %v, want id %s", identity, want)
				}
				if !include {
					if !result.Resource.Raw.IsNull() {
						t.Errorf("resource %v set when the query does not include resources", result.Resource.Raw)
					}
					continue
				}
				var m thingModel
				if diags := result.Resource.Get(ctx, &m); diags.HasError() {
					t.Fatal(diags)
				}
				if m.Name.ValueString() != result.DisplayName || !m.Timeouts.IsNull() {
					t.Errorf("resource %+v, want the name %q and null timeouts", m, result.DisplayName)
				}
			}
		})
	}
}

func TestListAPIError(t *testing.T) {
	ctx := context.Background()
	failing := func(yield func(thing, error) bool) {
		if !yield(thing{ID: 1, Name: "thing 1"}, nil) {
			return
		}
		yield(thing{}, errors.New("the store answered 500"))
	}
	for _, tc := range []struct {
		name   string
		detail func(thingConfig, error) string
		want   string
	}{
		{name: "error text", want: "the store answered 500"},
		{
			name: "worded detail",
			detail: func(c thingConfig, err error) string {
				return fmt.Sprintf("Listing the things named %s: %s", c.Name.ValueString(), err)
			},
			want: "Listing the things named gizmo: the store answered 500",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newThings(failing)
			r.ErrorDetail = tc.detail
			results := run(ctx, r, request(ctx, "gizmo", 0, true))
			// What was listed before the error stays listed.
			if len(results) != 2 || results[0].Diagnostics.HasError() {
				t.Fatalf("results %v, want one thing, then the error", results)
			}
			want := diag.Diagnostics{diag.NewErrorDiagnostic("Unable to list things", tc.want)}
			if got := results[1]; !got.Diagnostics.Equal(want) || got.DisplayName != "" {
				t.Errorf("error result %v, want %v alone", got, want)
			}
		})
	}
}

func TestListDiagnosticsBeforeListing(t *testing.T) {
	ctx := context.Background()
	unread := func(func(thing, error) bool) { t.Error("the items were read despite an error in the config") }
	r := newThings(unread)
	var got thingConfig
	r.Find = func(_ context.Context, config thingConfig, _ *bigcommerce.Client) (iter.Seq2[thing, error], diag.Diagnostics) {
		got = config
		var diags diag.Diagnostics
		diags.AddError("Invalid filter", "The name is not one the store filters on.")
		return unread, diags
	}
	results := run(ctx, r, request(ctx, "gizmo", 0, true))
	if got.Name.ValueString() != "gizmo" {
		t.Errorf("Find got the config %+v, want the name gizmo", got)
	}
	want := diag.Diagnostics{diag.NewErrorDiagnostic("Invalid filter", "The name is not one the store filters on.")}
	if len(results) != 1 || !results[0].Diagnostics.Equal(want) {
		t.Errorf("results %v, want %v alone", results, want)
	}

	// A resource schema without timeouts ends the list before Find.
	r.Find = func(context.Context, thingConfig, *bigcommerce.Client) (iter.Seq2[thing, error], diag.Diagnostics) {
		t.Error("Find called despite the resource schema's error")
		return unread, nil
	}
	req := request(ctx, nil, 0, true)
	req.ResourceSchema = rschema.Schema{Attributes: map[string]rschema.Attribute{"id": rschema.StringAttribute{Computed: true}}}
	if results := run(ctx, r, req); len(results) != 1 || !results[0].Diagnostics.HasError() {
		t.Errorf("results %v, want an error alone", results)
	}
}

func TestSlice(t *testing.T) {
	items := []thing{{ID: 1}, {ID: 2}, {ID: 3}}
	var got []int
	for item, err := range fwlist.Slice(items, nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, item.ID)
		if len(got) == 2 {
			break
		}
	}
	if !slices.Equal(got, []int{1, 2}) {
		t.Errorf("ids %v, want 1 and 2", got)
	}

	failed := errors.New("failed")
	var errs []error
	for item, err := range fwlist.Slice(items, failed) {
		if item != (thing{}) {
			t.Errorf("item %v beside the error", item)
		}
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], failed) {
		t.Errorf("yielded %v, want the error alone", errs)
	}
}

func TestWhere(t *testing.T) {
	failed := errors.New("failed")
	items := func(yield func(thing, error) bool) {
		for i := 1; i <= 4; i++ {
			if !yield(thing{ID: i}, nil) {
				return
			}
		}
		yield(thing{}, failed)
	}
	var ids []int
	var errs []error
	for item, err := range fwlist.Where(items, func(th *thing) bool { return th.ID%2 == 0 }) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, item.ID)
	}
	if !slices.Equal(ids, []int{2, 4}) {
		t.Errorf("ids %v, want the even ones", ids)
	}
	if len(errs) != 1 || !errors.Is(errs[0], failed) {
		t.Errorf("errors %v, want the one that ends the items", errs)
	}
}
