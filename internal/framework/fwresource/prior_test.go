package fwresource

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

type testPriorModel struct {
	ID       types.String   `tfsdk:"id"`
	Name     types.String   `tfsdk:"name"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// testPriorState is a state of id and name, with a read and a delete
// timeout when given.
func testPriorState(t *testing.T, id string, read, del string) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"id":       schema.StringAttribute{Computed: true},
		"name":     schema.StringAttribute{Optional: true},
		"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Read: true, Delete: true}),
	}}
	attrTypes := s.GetAttributes()["timeouts"].GetType().(attr.TypeWithAttributeTypes).AttributeTypes() //nolint:forcetypeassert // the timeouts attribute is an object
	values := map[string]attr.Value{"read": types.StringNull(), "delete": types.StringNull()}
	if read != "" {
		values["read"] = types.StringValue(read)
	}
	if del != "" {
		values["delete"] = types.StringValue(del)
	}
	state := tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
	m := testPriorModel{ID: types.StringValue(id), Name: types.StringValue("Retail"), Timeouts: timeouts.Value{Object: types.ObjectValueMust(attrTypes, values)}}
	if d := state.Set(ctx, m); d.HasError() {
		t.Fatal(d)
	}
	return state
}

func testParse(s string) (int, diag.Diagnostics) { return ParseID(s, "customer group") }

func TestPriorGetsTheStateAndTheIDWithinTheTimeout(t *testing.T) {
	for _, c := range []struct {
		name      string
		read, del string
		start     func(context.Context, tfsdk.State, any, func(string) (int, diag.Diagnostics), *diag.Diagnostics) (context.Context, context.CancelFunc, int, bool)
		want      time.Duration
	}{
		{"read default", "", "", ReadPrior, DefaultReadTimeout},
		{"read configured", "90s", "", ReadPrior, 90 * time.Second},
		{"delete default", "", "", DeletePrior, DefaultWriteTimeout},
		{"delete configured", "", "3m", DeletePrior, 3 * time.Minute},
	} {
		t.Run(c.name, func(t *testing.T) {
			var state testPriorModel
			var diags diag.Diagnostics
			begin := time.Now()
			ctx, cancel, id, ok := c.start(context.Background(), testPriorState(t, "42", c.read, c.del), &state, testParse, &diags)
			defer cancel()
			if !ok || diags.HasError() {
				t.Fatal(diags)
			}
			if id != 42 || state.Name.ValueString() != "Retail" {
				t.Errorf("id %d, state %+v", id, state)
			}
			deadline, has := ctx.Deadline()
			if got := deadline.Sub(begin); !has || got < c.want-time.Second || got > c.want+time.Second {
				t.Errorf("deadline in %s, want %s", got, c.want)
			}
		})
	}
}

func TestPriorRefusesAnInvalidID(t *testing.T) {
	var state testPriorModel
	var diags diag.Diagnostics
	_, cancel, _, ok := ReadPrior(context.Background(), testPriorState(t, "abc", "", ""), &state, testParse, &diags)
	defer cancel()
	if ok || len(diags) != 1 || diags[0].Summary() != "Invalid customer group id" {
		t.Errorf("ok %v, diagnostics %v", ok, diags)
	}
}

func TestPriorRefusesAnInvalidTimeout(t *testing.T) {
	var state testPriorModel
	var diags diag.Diagnostics
	_, cancel, _, ok := ReadPrior(context.Background(), testPriorState(t, "42", "soon", ""), &state, testParse, &diags)
	defer cancel()
	if ok || !diags.HasError() {
		t.Errorf("ok %v, diagnostics %v", ok, diags)
	}
}

func TestStateLeavesTheIDToTheResource(t *testing.T) {
	for name, start := range map[string]func(context.Context, tfsdk.State, any, *diag.Diagnostics) (context.Context, context.CancelFunc, bool){
		"read": ReadState, "delete": DeleteState,
	} {
		var state testPriorModel
		var diags diag.Diagnostics
		// Not a number: a resource named otherwise (a UUID, a pair of ids)
		// reads its own id.
		_, cancel, ok := start(context.Background(), testPriorState(t, "7f3c-uuid", "", ""), &state, &diags)
		cancel()
		if !ok || diags.HasError() || state.ID.ValueString() != "7f3c-uuid" {
			t.Errorf("%s: ok %v, state %+v, diagnostics %v", name, ok, state, diags)
		}
	}
}
