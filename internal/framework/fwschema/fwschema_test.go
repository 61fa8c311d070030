package fwschema

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

func TestAttributesSayWhoSetsThem(t *testing.T) {
	tests := []struct {
		name                         string
		attr                         schema.Attribute
		required, optional, computed bool
	}{
		{"ID", ID("id"), false, false, true},
		{"RequiredString", RequiredString("name"), true, false, false},
		{"OptionalString", OptionalString("notes"), false, true, false},
		{"RequiredInt64", RequiredInt64("customer"), true, false, false},
		{"OptionalInt64", OptionalInt64("group"), false, true, false},
		{"ComputedString", ComputedString("created"), false, false, true},
	}
	for _, tt := range tests {
		if tt.attr.IsRequired() != tt.required || tt.attr.IsOptional() != tt.optional || tt.attr.IsComputed() != tt.computed {
			t.Errorf("%s: required %t optional %t computed %t, want %t %t %t", tt.name,
				tt.attr.IsRequired(), tt.attr.IsOptional(), tt.attr.IsComputed(), tt.required, tt.optional, tt.computed)
		}
	}
	s := schema.Schema{Attributes: map[string]schema.Attribute{}}
	for _, tt := range tests {
		s.Attributes[strings.ToLower(tt.name)] = tt.attr
	}
	if diags := s.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatalf("schema built from the helpers is invalid: %v", diags)
	}
}

func TestIDKeepsItsValueAcrossPlans(t *testing.T) {
	if got := ID("id").PlanModifiers; len(got) != 1 {
		t.Fatalf("ID has %d plan modifiers, want UseStateForUnknown", len(got))
	}
}

func TestValidatorsAreKept(t *testing.T) {
	v := stringvalidator.LengthAtMost(5)
	if got := OptionalString("x", v).Validators; len(got) != 1 || got[0] != v {
		t.Errorf("validators = %v, want the one given", got)
	}
}
