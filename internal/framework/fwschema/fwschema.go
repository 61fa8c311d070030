// Package fwschema builds the resource attributes the provider's schemas
// repeat, so that a schema lists what differs: names, descriptions and
// validators.
package fwschema

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// ID is a resource's id: set by the store, and unchanged by updates.
func ID(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// RequiredString is a string argument the configuration must set.
func RequiredString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Required: true, Validators: validators}
}

// OptionalString is a string argument the configuration may leave out.
func OptionalString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Optional: true, Validators: validators}
}

// RequiredInt64 is a whole-number argument the configuration must set.
func RequiredInt64(description string, validators ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: description, Required: true, Validators: validators}
}

// OptionalInt64 is a whole-number argument the configuration may leave out.
func OptionalInt64(description string, validators ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: description, Optional: true, Validators: validators}
}

// ComputedString is a string the store sets and the configuration cannot.
func ComputedString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Computed: true}
}
