// Package fwtypes holds the provider's custom Terraform value types.
package fwtypes

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var (
	_ basetypes.StringTypable                    = CaseInsensitiveStringType{}
	_ basetypes.StringValuableWithSemanticEquals = CaseInsensitiveString{}
)

// CaseInsensitiveStringType is a string compared without regard to case, such
// as an e-mail address, which BigCommerce matches case-insensitively and may
// return in another case than it was sent.
type CaseInsensitiveStringType struct {
	basetypes.StringType
}

func (t CaseInsensitiveStringType) String() string { return "fwtypes.CaseInsensitiveStringType" }

func (t CaseInsensitiveStringType) Equal(o attr.Type) bool {
	_, ok := o.(CaseInsensitiveStringType)
	return ok
}

func (t CaseInsensitiveStringType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return CaseInsensitiveString{StringValue: in}, nil
}

func (t CaseInsensitiveStringType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return CaseInsensitiveString{StringValue: s}, nil
}

func (t CaseInsensitiveStringType) ValueType(context.Context) attr.Value {
	return CaseInsensitiveString{}
}

// CaseInsensitiveString is a value of CaseInsensitiveStringType.
type CaseInsensitiveString struct {
	basetypes.StringValue
}

// NewCaseInsensitiveString returns a known value.
func NewCaseInsensitiveString(s string) CaseInsensitiveString {
	return CaseInsensitiveString{StringValue: basetypes.NewStringValue(s)}
}

// CaseInsensitiveStringNull returns a null value.
func CaseInsensitiveStringNull() CaseInsensitiveString {
	return CaseInsensitiveString{StringValue: basetypes.NewStringNull()}
}

func (v CaseInsensitiveString) Type(context.Context) attr.Type { return CaseInsensitiveStringType{} }

func (v CaseInsensitiveString) Equal(o attr.Value) bool {
	other, ok := o.(CaseInsensitiveString)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals lets the framework keep the configured spelling when
// the store answers the same value in another case.
func (v CaseInsensitiveString) StringSemanticEquals(_ context.Context, nv basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	other, ok := nv.(CaseInsensitiveString)
	if !ok {
		diags.AddError("Semantic equality check error", fmt.Sprintf("expected CaseInsensitiveString, got %T", nv))
		return false, diags
	}
	return strings.EqualFold(v.ValueString(), other.ValueString()), diags
}
