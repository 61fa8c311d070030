package fwtypes

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestSemanticEqualityIgnoresCase(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Jane@Example.com", "jane@example.com", true},
		{"jane@example.com", "jane@example.com", true},
		{"JANE@EXAMPLE.COM", "jane@example.com", true},
		{"jane@example.com", "jane@example.org", false},
		{"jane@example.com", "jane+1@example.com", false},
	} {
		got, diags := NewCaseInsensitiveString(c.a).StringSemanticEquals(ctx, NewCaseInsensitiveString(c.b))
		if diags.HasError() || got != c.want {
			t.Errorf("StringSemanticEquals(%q, %q) = %v, %v; want %v", c.a, c.b, got, diags, c.want)
		}
	}
}

func TestSemanticEqualityRefusesOtherTypes(t *testing.T) {
	got, diags := NewCaseInsensitiveString("a").StringSemanticEquals(context.Background(), types.StringValue("a"))
	if got || !diags.HasError() {
		t.Errorf("compared with a plain string: %v, %v", got, diags)
	}
}

func TestEqualIsExact(t *testing.T) {
	a := NewCaseInsensitiveString("Jane@Example.com")
	if !a.Equal(NewCaseInsensitiveString("Jane@Example.com")) {
		t.Error("a value differs from itself")
	}
	if a.Equal(NewCaseInsensitiveString("jane@example.com")) {
		t.Error("Equal ignores case; only semantic equality may")
	}
	if a.Equal(types.StringValue("Jane@Example.com")) {
		t.Error("equal to a plain string value")
	}
	if !CaseInsensitiveStringNull().Equal(CaseInsensitiveStringNull()) || CaseInsensitiveStringNull().Equal(NewCaseInsensitiveString("")) {
		t.Error("null is equal only to null")
	}
}

func TestType(t *testing.T) {
	ctx := context.Background()
	typ := CaseInsensitiveStringType{}
	if !typ.Equal(CaseInsensitiveStringType{}) || typ.Equal(types.StringType) {
		t.Error("the type equals only itself")
	}
	if !NewCaseInsensitiveString("x").Type(ctx).Equal(typ) {
		t.Error("a value's type is not CaseInsensitiveStringType")
	}
	if _, ok := typ.ValueType(ctx).(CaseInsensitiveString); !ok {
		t.Errorf("ValueType is %T", typ.ValueType(ctx))
	}
	if typ.String() != "fwtypes.CaseInsensitiveStringType" {
		t.Errorf("String() = %s", typ.String())
	}
}

func TestConversions(t *testing.T) {
	ctx := context.Background()
	typ := CaseInsensitiveStringType{}

	v, diags := typ.ValueFromString(ctx, basetypes.NewStringValue("Jane@Example.com"))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got, ok := v.(CaseInsensitiveString); !ok || got.ValueString() != "Jane@Example.com" {
		t.Errorf("ValueFromString: %#v", v)
	}

	for _, c := range []struct {
		in   tftypes.Value
		want CaseInsensitiveString
	}{
		{tftypes.NewValue(tftypes.String, "Jane@Example.com"), NewCaseInsensitiveString("Jane@Example.com")},
		{tftypes.NewValue(tftypes.String, nil), CaseInsensitiveStringNull()},
		{tftypes.NewValue(tftypes.String, tftypes.UnknownValue), CaseInsensitiveString{StringValue: basetypes.NewStringUnknown()}},
	} {
		got, err := typ.ValueFromTerraform(ctx, c.in)
		if err != nil {
			t.Fatalf("ValueFromTerraform(%s): %v", c.in, err)
		}
		if !got.Equal(c.want) {
			t.Errorf("ValueFromTerraform(%s) = %#v, want %#v", c.in, got, c.want)
		}
		back, err := got.ToTerraformValue(ctx)
		if err != nil || !back.Equal(c.in) {
			t.Errorf("ToTerraformValue: %s, %v; want %s", back, err, c.in)
		}
	}
	if _, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.Number, 1)); err == nil {
		t.Error("a number read as a case-insensitive string")
	}

	s, diags := NewCaseInsensitiveString("Jane").ToStringValue(ctx)
	if diags.HasError() || !s.Equal(types.StringValue("Jane")) {
		t.Errorf("ToStringValue: %s, %v", s, diags)
	}
}
