// Package formfields maps the store's form-field values (customer sign-up
// and address form fields) onto one Terraform shape: a map by field name of
// objects that hold exactly one of `value` (text), `number` or `values`
// (checkboxes), so each value keeps the JSON type the store gives it.
package formfields

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/flex"
)

// Model is one form field's value.
type Model struct {
	Value  types.String `tfsdk:"value"`
	Number types.Number `tfsdk:"number"`
	Values types.List   `tfsdk:"values"`
}

// AttrTypes are the object attribute types of Model.
var AttrTypes = map[string]attr.Type{
	"value":  types.StringType,
	"number": types.NumberType,
	"values": types.ListType{ElemType: types.StringType},
}

// ObjectType is the element type of the form_fields map.
var ObjectType = types.ObjectType{AttrTypes: AttrTypes}

const (
	descValue  = "The value of a text field (a JSON string in the API)."
	descNumber = "The value of a number field (a JSON number in the API), such as `12.5`."
	descValues = "The checked options of a checkbox field (a JSON list of strings in the API)."
)

// ResourceAttribute is the form_fields attribute of a resource. owner names
// what the fields belong to, such as "customer".
func ResourceAttribute(owner string) schema.MapNestedAttribute {
	return schema.MapNestedAttribute{
		MarkdownDescription: fmt.Sprintf("Values of the store's %s form fields, by field name (`form_fields[].name`). Each sets exactly one of `value` (text fields), `number` (number fields) or `values` (checkbox fields), matching the field's type in the store. "+
			"Only the fields named here are managed and written; a field removed from this map is left as it is in the store. When the whole attribute is omitted, the store's values are kept and shown.", owner),
		Optional: true,
		Computed: true,
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				// Computed as well as optional, so that Terraform keeps an
				// unconfigured form_fields from the state instead of reading
				// a set value as one removed from the configuration.
				"value":  schema.StringAttribute{MarkdownDescription: descValue, Optional: true, Computed: true, PlanModifiers: []planmodifier.String{nullWhenUnset{}}},
				"number": schema.NumberAttribute{MarkdownDescription: descNumber, Optional: true, Computed: true, PlanModifiers: []planmodifier.Number{nullWhenUnset{}}},
				"values": schema.ListAttribute{MarkdownDescription: descValues, Optional: true, Computed: true, ElementType: types.StringType, PlanModifiers: []planmodifier.List{nullWhenUnset{}}},
			},
		},
		PlanModifiers: []planmodifier.Map{mapplanmodifier.UseStateForUnknown()},
	}
}

// DataSourceAttribute is the read-only form_fields attribute of a data
// source, with the same shape as ResourceAttribute.
func DataSourceAttribute(description string) dschema.MapNestedAttribute {
	return dschema.MapNestedAttribute{
		MarkdownDescription: description,
		Computed:            true,
		NestedObject: dschema.NestedAttributeObject{
			Attributes: map[string]dschema.Attribute{
				"value":  dschema.StringAttribute{MarkdownDescription: descValue, Computed: true},
				"number": dschema.NumberAttribute{MarkdownDescription: descNumber, Computed: true},
				"values": dschema.ListAttribute{MarkdownDescription: descValues, Computed: true, ElementType: types.StringType},
			},
		},
	}
}

// Validate checks a configured form_fields map: non-empty names, and
// exactly one of value, number and values in each entry. at is the
// attribute's path.
func Validate(ctx context.Context, fields types.Map, at path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	if fields.IsNull() || fields.IsUnknown() {
		return diags
	}
	entries := map[string]types.Object{}
	diags.Append(fields.ElementsAs(ctx, &entries, false)...)
	for _, name := range slices.Sorted(maps.Keys(entries)) {
		obj := entries[name]
		if name == "" {
			diags.AddAttributeError(at, "Empty form field name",
				"Every key of form_fields must be the name of one of the store's form fields; remove the empty key.")
			continue
		}
		if obj.IsUnknown() {
			continue
		}
		var m Model
		diags.Append(obj.As(ctx, &m, objectAsOptions)...)
		set := 0
		for _, v := range []attr.Value{m.Value, m.Number, m.Values} {
			if !v.IsNull() {
				set++
			}
		}
		if set != 1 {
			diags.AddAttributeError(at.AtMapKey(name), "One value per form field",
				fmt.Sprintf("Form field %q must set exactly one of value (text fields), number (number fields) or values (checkbox fields), to match the field's type in the store; it sets %d.", name, set))
		}
	}
	return diags
}

// Flatten turns the store's values into the form_fields map. With keep
// non-nil, only the fields it names are kept: those the configuration or
// the state manages.
func Flatten(ctx context.Context, fields []bigcommerce.FormField, keep map[string]bool) (types.Map, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := map[string]attr.Value{}
	for _, f := range fields {
		if keep != nil && !keep[f.Name] {
			continue
		}
		m := Model{Value: types.StringNull(), Number: types.NumberNull(), Values: types.ListNull(types.StringType)}
		switch {
		case f.Value.Text != nil:
			m.Value = types.StringValue(*f.Value.Text)
		case f.Value.Number != nil:
			n, err := flex.DecimalNumber(string(*f.Value.Number))
			if err != nil {
				diags.AddError("Unreadable form field", fmt.Sprintf("The store answered form field %q with the number %q: %s.", f.Name, *f.Value.Number, err))
				continue
			}
			m.Number = n
		default:
			list, d := types.ListValueFrom(ctx, types.StringType, f.Value.List)
			diags.Append(d...)
			m.Values = list
		}
		obj, d := types.ObjectValueFrom(ctx, AttrTypes, m)
		diags.Append(d...)
		out[f.Name] = obj
	}
	result, d := types.MapValue(ObjectType, out)
	diags.Append(d...)
	return result, diags
}

// Names returns the names a known, non-null form_fields map holds, or nil.
func Names(fields types.Map) map[string]bool {
	if fields.IsNull() || fields.IsUnknown() {
		return nil
	}
	out := map[string]bool{}
	for name := range fields.Elements() {
		out[name] = true
	}
	return out
}

// Expand returns the fields of planned whose value differs from prior, in
// name order: what an update writes. A field only in prior is not written:
// the configuration no longer manages it. With prior null, every planned
// field is written (a create).
func Expand(ctx context.Context, planned, prior types.Map) ([]bigcommerce.FormField, diag.Diagnostics) {
	var diags diag.Diagnostics
	if planned.IsNull() || planned.IsUnknown() {
		return nil, diags
	}
	want := map[string]types.Object{}
	diags.Append(planned.ElementsAs(ctx, &want, false)...)
	before := map[string]types.Object{}
	if !prior.IsNull() && !prior.IsUnknown() {
		diags.Append(prior.ElementsAs(ctx, &before, false)...)
	}
	var out []bigcommerce.FormField
	for _, name := range slices.Sorted(maps.Keys(want)) {
		obj := want[name]
		if old, ok := before[name]; ok && sameValue(ctx, obj, old) {
			continue
		}
		v, d := value(ctx, name, obj)
		diags.Append(d...)
		if d.HasError() {
			continue
		}
		out = append(out, bigcommerce.FormField{Name: name, Value: v})
	}
	return out, diags
}

// sameValue compares two entries by what they mean: numbers by value, so
// that 12.5 and 12.50 are the same.
func sameValue(ctx context.Context, a, b types.Object) bool {
	var ma, mb Model
	if a.As(ctx, &ma, objectAsOptions).HasError() || b.As(ctx, &mb, objectAsOptions).HasError() {
		return false
	}
	if !ma.Number.IsNull() && !mb.Number.IsNull() && !ma.Number.IsUnknown() && !mb.Number.IsUnknown() {
		return ma.Number.ValueBigFloat().Cmp(mb.Number.ValueBigFloat()) == 0
	}
	return ma.Value.Equal(mb.Value) && ma.Number.Equal(mb.Number) && ma.Values.Equal(mb.Values)
}

func value(ctx context.Context, name string, obj types.Object) (bigcommerce.FormFieldValue, diag.Diagnostics) {
	var diags diag.Diagnostics
	var m Model
	diags.Append(obj.As(ctx, &m, objectAsOptions)...)
	switch {
	case diags.HasError():
	case !m.Value.IsNull() && !m.Value.IsUnknown():
		return bigcommerce.TextValue(m.Value.ValueString()), diags
	case !m.Number.IsNull() && !m.Number.IsUnknown():
		return bigcommerce.NumberValue(flex.NumberDecimal(m.Number)), diags
	case !m.Values.IsNull() && !m.Values.IsUnknown():
		var list []string
		diags.Append(m.Values.ElementsAs(ctx, &list, false)...)
		return bigcommerce.ListValue(list), diags
	default:
		diags.AddError("Form field without a value", fmt.Sprintf("Form field %q has none of value, number and values known at apply time.", name))
	}
	return bigcommerce.FormFieldValue{}, diags
}

var objectAsOptions = basetypes.ObjectAsOptions{}

// nullWhenUnset plans null, not "known after apply", for the two of value,
// number and values that a configured form field leaves out.
type nullWhenUnset struct{}

func (nullWhenUnset) Description(context.Context) string {
	return "Null when the form field sets another of value, number and values."
}

func (m nullWhenUnset) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (nullWhenUnset) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.PlanValue.IsUnknown() && req.ConfigValue.IsNull() {
		resp.PlanValue = types.StringNull()
	}
}

func (nullWhenUnset) PlanModifyNumber(_ context.Context, req planmodifier.NumberRequest, resp *planmodifier.NumberResponse) {
	if req.PlanValue.IsUnknown() && req.ConfigValue.IsNull() {
		resp.PlanValue = types.NumberNull()
	}
}

func (nullWhenUnset) PlanModifyList(_ context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if req.PlanValue.IsUnknown() && req.ConfigValue.IsNull() {
		resp.PlanValue = types.ListNull(types.StringType)
	}
}
