package fwvalidators

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// checkOne asserts that diags is one error on at, whose summary is summary
// and whose detail names the attribute and quotes got.
func checkOne(t *testing.T, diags diag.Diagnostics, at path.Path, summary, got string) {
	t.Helper()
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got %v", diags)
	}
	d, ok := diags[0].(diag.DiagnosticWithPath)
	if !ok || !d.Path().Equal(at) {
		t.Fatalf("diagnostic not on %s: %v", at, diags[0])
	}
	if d.Severity() != diag.SeverityError || d.Summary() != summary {
		t.Errorf("%s %q, want error %q", d.Severity(), d.Summary(), summary)
	}
	if !strings.Contains(d.Detail(), "Attribute "+at.String()+" ") || !strings.Contains(d.Detail(), got) {
		t.Errorf("detail %q names neither %s nor %s", d.Detail(), at, got)
	}
}

func validateString(v validator.String, at path.Path, value types.String) diag.Diagnostics {
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: at, PathExpression: at.Expression(), ConfigValue: value}, resp)
	return resp.Diagnostics
}

func TestEmail(t *testing.T) {
	at := path.Root("email")
	for _, ok := range []string{"jane@example.com", "Jane.Doe+shop@example.co.uk", "a@b"} {
		if diags := validateString(Email(), at, types.StringValue(ok)); diags.HasError() {
			t.Errorf("%q refused: %v", ok, diags)
		}
	}
	for _, bad := range []string{"", "jane", "jane@", "@example.com", "Jane <jane@example.com>", "<jane@example.com>", " jane@example.com", "jane@example.com,joe@example.com"} {
		checkOne(t, validateString(Email(), at, types.StringValue(bad)), at, "Invalid e-mail address", `"`+bad+`"`)
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		if diags := validateString(Email(), at, v); len(diags) > 0 {
			t.Errorf("%s refused: %v", v, diags)
		}
	}
}

func TestIPAddress(t *testing.T) {
	at := path.Root("registration_ip_address")
	for _, ok := range []string{"203.0.113.7", "0.0.0.0", "2001:db8::1", "::1"} {
		if diags := validateString(IPAddress(), at, types.StringValue(ok)); diags.HasError() {
			t.Errorf("%q refused: %v", ok, diags)
		}
	}
	for _, bad := range []string{"", "localhost", "203.0.113", "203.0.113.256", "203.0.113.7/24", "2001:db8::g"} {
		checkOne(t, validateString(IPAddress(), at, types.StringValue(bad)), at, "Invalid IP address", `"`+bad+`"`)
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		if diags := validateString(IPAddress(), at, v); len(diags) > 0 {
			t.Errorf("%s refused: %v", v, diags)
		}
	}
}

func TestNonNegativeNumber(t *testing.T) {
	at := path.Root("discount_rules").AtListIndex(1).AtName("amount")
	validate := func(v types.Number) diag.Diagnostics {
		resp := &validator.NumberResponse{}
		NonNegativeNumber().ValidateNumber(context.Background(), validator.NumberRequest{Path: at, PathExpression: at.Expression(), ConfigValue: v}, resp)
		return resp.Diagnostics
	}
	for _, ok := range []string{"0", "43.15", "100", "0.0001"} {
		f, _, _ := big.ParseFloat(ok, 10, 512, big.ToNearestEven)
		if diags := validate(types.NumberValue(f)); diags.HasError() {
			t.Errorf("%s refused: %v", ok, diags)
		}
	}
	for _, bad := range []string{"-0.01", "-43.15", "-1"} {
		f, _, _ := big.ParseFloat(bad, 10, 512, big.ToNearestEven)
		checkOne(t, validate(types.NumberValue(f)), at, "Negative amount", "got "+bad+".")
	}
	for _, v := range []types.Number{types.NumberNull(), types.NumberUnknown()} {
		if diags := validate(v); len(diags) > 0 {
			t.Errorf("%s refused: %v", v, diags)
		}
	}
}

func TestDescriptions(t *testing.T) {
	ctx := context.Background()
	for _, v := range []interface {
		Description(context.Context) string
		MarkdownDescription(context.Context) string
	}{Email(), IPAddress(), NonNegativeNumber()} {
		if d := v.Description(ctx); !strings.HasPrefix(d, "must be ") || v.MarkdownDescription(ctx) != d {
			t.Errorf("%T: %q, markdown %q", v, d, v.MarkdownDescription(ctx))
		}
	}
}
