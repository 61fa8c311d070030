package fwresource

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// testTimeout stands in for a timeouts.Value getter: the configured duration,
// or def when none is set.
func testTimeout(d time.Duration) func(context.Context, time.Duration) (time.Duration, diag.Diagnostics) {
	return func(_ context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
		if d == 0 {
			return def, nil
		}
		return d, nil
	}
}

func TestWithTimeout(t *testing.T) {
	for _, c := range []struct {
		name       string
		configured time.Duration
		want       time.Duration
	}{
		{"default", 0, 20 * time.Minute},
		{"configured", 90 * time.Second, 90 * time.Second},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			ctx, cancel, diags := WithTimeout(context.Background(), testTimeout(c.configured), 20*time.Minute)
			defer cancel()
			if diags.HasError() {
				t.Fatal(diags)
			}
			deadline, ok := ctx.Deadline()
			if !ok {
				t.Fatal("no deadline")
			}
			if got := deadline.Sub(start); got < c.want-time.Second || got > c.want+time.Second {
				t.Errorf("deadline in %s, want %s", got, c.want)
			}
		})
	}
}

func TestWithTimeoutPassesOnDiagnostics(t *testing.T) {
	bad := func(context.Context, time.Duration) (time.Duration, diag.Diagnostics) {
		var d diag.Diagnostics
		d.AddError("Invalid timeout", "not a duration")
		return 0, d
	}
	parent := context.Background()
	ctx, cancel, diags := WithTimeout(parent, bad, time.Minute)
	cancel()
	if !diags.HasError() || diags[0].Summary() != "Invalid timeout" {
		t.Errorf("diagnostics %v", diags)
	}
	if _, ok := ctx.Deadline(); ok || ctx != parent {
		t.Error("a bad timeout must leave the context as it was")
	}
}

func TestParseID(t *testing.T) {
	if id, diags := ParseID("42", "customer group"); diags.HasError() || id != 42 {
		t.Errorf("ParseID(42) = %d, %v", id, diags)
	}
	for _, s := range []string{"", "0", "-3", "abc", "4.5", " 7"} {
		_, diags := ParseID(s, "customer group")
		if len(diags) != 1 {
			t.Fatalf("ParseID(%q): %v", s, diags)
		}
		d, ok := diags[0].(diag.DiagnosticWithPath)
		if !ok || !d.Path().Equal(path.Root("id")) {
			t.Errorf("ParseID(%q): diagnostic not on id: %v", s, diags[0])
		}
		if diags[0].Summary() != "Invalid customer group id" || !strings.Contains(diags[0].Detail(), fmt.Sprintf("%q", s)) {
			t.Errorf("ParseID(%q): %s: %s", s, diags[0].Summary(), diags[0].Detail())
		}
	}
}

func TestKnown(t *testing.T) {
	for _, c := range []struct {
		v interface {
			IsNull() bool
			IsUnknown() bool
		}
		want bool
	}{
		{types.StringValue(""), true},
		{types.StringNull(), false},
		{types.StringUnknown(), false},
		{types.Int64Value(0), true},
		{types.ListNull(types.StringType), false},
		{types.ListUnknown(types.StringType), false},
	} {
		if got := Known(c.v); got != c.want {
			t.Errorf("Known(%v) = %v", c.v, got)
		}
	}
}

// testAttributeFor maps the store's field names onto attributes, as a resource does.
func testAttributeFor(field string) string {
	return map[string]string{"email": "email", "first_name": "first_name"}[field]
}

func TestAddAPIErrorPutsFieldMessagesOnAttributes(t *testing.T) {
	for _, key := range []string{"0.email", "[0].email", "email", "0[email]"} {
		t.Run(key, func(t *testing.T) {
			var diags diag.Diagnostics
			err := &bigcommerce.APIError{Method: "POST", Path: "/v3/customers", Status: 422, Fields: map[string]string{key: "email is taken"}}
			AddAPIError(&diags, "create", "customer", `"jane@example.com"`, fmt.Errorf("creating: %w", err), testAttributeFor)
			if len(diags) != 1 {
				t.Fatalf("diagnostics %v", diags)
			}
			d, ok := diags[0].(diag.DiagnosticWithPath)
			if !ok || !d.Path().Equal(path.Root("email")) {
				t.Fatalf("diagnostic not on email: %v", diags[0])
			}
			if d.Summary() != "BigCommerce refused email" || d.Detail() != `While trying to create customer "jane@example.com", the store answered: email is taken` {
				t.Errorf("%s: %s", d.Summary(), d.Detail())
			}
		})
	}
}

func TestAddAPIErrorUnmappedFieldNamesTheField(t *testing.T) {
	var diags diag.Diagnostics
	err := &bigcommerce.APIError{Status: 422, Fields: map[string]string{"0.channel_ids": "unknown channel", "0.first_name": "too long"}}
	AddAPIError(&diags, "update", "customer", "7", err, testAttributeFor)
	if len(diags) != 2 {
		t.Fatalf("diagnostics %v", diags)
	}
	var onAttr, general int
	for _, d := range diags {
		if p, ok := d.(diag.DiagnosticWithPath); ok {
			onAttr++
			if !p.Path().Equal(path.Root("first_name")) {
				t.Errorf("diagnostic on %s", p.Path())
			}
			continue
		}
		general++
		if d.Summary() != "BigCommerce refused to update customer 7" || d.Detail() != "channel_ids: unknown channel" {
			t.Errorf("%s: %s", d.Summary(), d.Detail())
		}
	}
	if onAttr != 1 || general != 1 {
		t.Errorf("%d on attributes, %d general", onAttr, general)
	}
}

func TestAddAPIErrorOtherErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		err    error
		detail string
	}{
		{"validation without fields", &bigcommerce.APIError{Method: "PUT", Path: "/v3/customers", Status: 422, Title: "Bad input"}, "Bad input"},
		{"not validation", &bigcommerce.APIError{Method: "PUT", Path: "/v3/customers", Status: 409, Fields: map[string]string{"email": "x"}}, "409"},
		{"outcome unknown", &bigcommerce.OutcomeUnknownError{Method: "PUT", Path: "/v3/customers", Err: errors.New("connection reset")}, "may or may not have been applied"},
		{"plain", errors.New("boom"), "boom"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var diags diag.Diagnostics
			AddAPIError(&diags, "update", "customer", "7", c.err, testAttributeFor)
			if len(diags) != 1 {
				t.Fatalf("diagnostics %v", diags)
			}
			if _, ok := diags[0].(diag.DiagnosticWithPath); ok {
				t.Error("diagnostic on an attribute")
			}
			if diags[0].Summary() != "Unable to update customer 7" || !strings.Contains(diags[0].Detail(), c.detail) {
				t.Errorf("%s: %s", diags[0].Summary(), diags[0].Detail())
			}
		})
	}
}

var (
	testImportSchema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":   schema.StringAttribute{Computed: true},
		"name": schema.StringAttribute{Optional: true},
	}}
	testIdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"id": identityschema.StringAttribute{RequiredForImport: true},
	}}
)

func testImportRequest(t *testing.T, id, identity string) (resource.ImportStateRequest, *resource.ImportStateResponse) {
	t.Helper()
	ctx := context.Background()
	stateType := testImportSchema.Type().TerraformType(ctx)
	identityType := testIdentitySchema.Type().TerraformType(ctx)
	req := resource.ImportStateRequest{ID: id}
	if identity != "" {
		req.Identity = &tfsdk.ResourceIdentity{Schema: testIdentitySchema, Raw: tftypes.NewValue(identityType, map[string]tftypes.Value{
			"id": tftypes.NewValue(tftypes.String, identity),
		})}
	}
	resp := &resource.ImportStateResponse{
		State:    tfsdk.State{Schema: testImportSchema, Raw: tftypes.NewValue(stateType, nil)},
		Identity: &tfsdk.ResourceIdentity{Schema: testIdentitySchema, Raw: tftypes.NewValue(identityType, nil)},
	}
	if req.Identity != nil {
		// The framework starts the response's identity from the request's.
		resp.Identity.Raw = req.Identity.Raw.Copy()
	}
	return req, resp
}

func testImportedIDs(t *testing.T, resp *resource.ImportStateResponse) (state, identity types.String) {
	t.Helper()
	ctx := context.Background()
	if d := resp.State.GetAttribute(ctx, path.Root("id"), &state); d.HasError() {
		t.Fatal(d)
	}
	if d := resp.Identity.GetAttribute(ctx, path.Root("id"), &identity); d.HasError() {
		t.Fatal(d)
	}
	return state, identity
}

func TestImportNumericID(t *testing.T) {
	for _, c := range []struct{ id, identity, want string }{
		{"42", "", "42"},
		{" 42 ", "", "42"},
		{"", "17", "17"},
	} {
		req, resp := testImportRequest(t, c.id, c.identity)
		ImportNumericID(context.Background(), req, resp, "A customer group id is a number, got %q.")
		if resp.Diagnostics.HasError() {
			t.Fatalf("import %q: %v", c.id, resp.Diagnostics)
		}
		state, identity := testImportedIDs(t, resp)
		if state.ValueString() != c.want || identity.ValueString() != c.want {
			t.Errorf("import %q/%q: state id %s, identity id %s; want %s", c.id, c.identity, state, identity, c.want)
		}
	}
}

func TestImportNumericIDRefusesOtherIDs(t *testing.T) {
	for _, id := range []string{"abc", "0", "-1", "jane@example.com"} {
		req, resp := testImportRequest(t, id, "")
		ImportNumericID(context.Background(), req, resp, "A customer group id is a number, got %q.")
		if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Summary() != "Invalid import ID" ||
			resp.Diagnostics[0].Detail() != fmt.Sprintf("A customer group id is a number, got %q.", id) {
			t.Errorf("import %q: %v", id, resp.Diagnostics)
		}
		if state, _ := testImportedIDs(t, resp); !state.IsNull() {
			t.Errorf("import %q set id %s", id, state)
		}
	}
}

func TestSaveWritesStateAndIdentity(t *testing.T) {
	ctx := context.Background()
	_, resp := testImportRequest(t, "", "")
	type model struct {
		ID   types.String `tfsdk:"id"`
		Name types.String `tfsdk:"name"`
	}
	var diags diag.Diagnostics
	Save(ctx, &resp.State, resp.Identity, model{ID: types.StringValue("9"), Name: types.StringValue("Retail")}, IDIdentity{ID: types.StringValue("9")}, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	state, identity := testImportedIDs(t, resp)
	if state.ValueString() != "9" || identity.ValueString() != "9" {
		t.Errorf("state id %s, identity id %s; want 9 in both", state, identity)
	}
}

func TestParseIDPair(t *testing.T) {
	const expected = "customer_id/metafield_id, such as 12/34 for metafield 34 of customer 12"
	if a, b, diags := ParseIDPair(" 12/34 ", expected, "customer", "metafield"); diags.HasError() || a != 12 || b != 34 {
		t.Errorf("ParseIDPair(12/34) = %d, %d, %v", a, b, diags)
	}
	for s, why := range map[string]string{
		"12":    "there is no slash",
		"x/34":  `the customer id "x" is not a positive number`,
		"12/0":  `the metafield id "0" is not a positive number`,
		"-1/34": `the customer id "-1" is not a positive number`,
	} {
		_, _, diags := ParseIDPair(s, expected, "customer", "metafield")
		want := fmt.Sprintf("Expected %s; got %q: %s.", expected, s, why)
		if len(diags) != 1 || diags[0].Summary() != "Invalid import ID" || diags[0].Detail() != want {
			t.Errorf("ParseIDPair(%q): %v", s, diags)
		}
	}
}
