package customergroup

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/flex"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// groupModel is a customer group as the resource and the data sources show
// it.
type groupModel struct {
	ID               types.String `tfsdk:"id"`
	Name             types.String `tfsdk:"name"`
	IsDefault        types.Bool   `tfsdk:"is_default"`
	IsGroupForGuests types.Bool   `tfsdk:"is_group_for_guests"`
	CategoryAccess   types.Object `tfsdk:"category_access"`
	DiscountRules    types.List   `tfsdk:"discount_rules"`
	DateCreated      types.String `tfsdk:"date_created"`
	DateModified     types.String `tfsdk:"date_modified"`
}

type categoryAccessModel struct {
	Type       types.String `tfsdk:"type"`
	Categories types.Set    `tfsdk:"categories"`
}

type discountRuleModel struct {
	Type        types.String `tfsdk:"type"`
	Method      types.String `tfsdk:"method"`
	Amount      types.Number `tfsdk:"amount"`
	CategoryID  types.Int64  `tfsdk:"category_id"`
	ProductID   types.Int64  `tfsdk:"product_id"`
	PriceListID types.Int64  `tfsdk:"price_list_id"`
}

var (
	categoryAccessAttrTypes = map[string]attr.Type{
		"type":       types.StringType,
		"categories": types.SetType{ElemType: types.Int64Type},
	}
	discountRuleAttrTypes = map[string]attr.Type{
		"type":          types.StringType,
		"method":        types.StringType,
		"amount":        types.NumberType,
		"category_id":   types.Int64Type,
		"product_id":    types.Int64Type,
		"price_list_id": types.Int64Type,
	}
	discountRuleType = types.ObjectType{AttrTypes: discountRuleAttrTypes}
	groupAttrTypes   = map[string]attr.Type{
		"id":                  types.StringType,
		"name":                types.StringType,
		"is_default":          types.BoolType,
		"is_group_for_guests": types.BoolType,
		"category_access":     types.ObjectType{AttrTypes: categoryAccessAttrTypes},
		"discount_rules":      types.ListType{ElemType: discountRuleType},
		"date_created":        types.StringType,
		"date_modified":       types.StringType,
	}
)

var objectOptions = basetypes.ObjectAsOptions{}

// expand builds a create body. Optional attributes the configuration
// leaves out are not sent, so the store chooses their values; discount rules
// are sent when there are any.
func expand(ctx context.Context, plan, config groupModel) (bigcommerce.CustomerGroupInput, diag.Diagnostics) {
	var diags diag.Diagnostics
	in := bigcommerce.CustomerGroupInput{Name: plan.Name.ValueString()}
	if !config.IsDefault.IsNull() && fwresource.Known(plan.IsDefault) {
		in.IsDefault = plan.IsDefault.ValueBoolPointer()
	}
	if !config.IsGroupForGuests.IsNull() && fwresource.Known(plan.IsGroupForGuests) {
		in.IsGroupForGuests = plan.IsGroupForGuests.ValueBoolPointer()
	}
	if !config.CategoryAccess.IsNull() && fwresource.Known(plan.CategoryAccess) {
		access, _, d := expandAccess(ctx, plan.CategoryAccess)
		diags.Append(d...)
		in.CategoryAccess = &access
	}
	rules, d := expandRules(ctx, plan.DiscountRules)
	diags.Append(d...)
	if len(rules) > 0 {
		in.DiscountRules = &rules
	}
	return in, diags
}

// expandPatch builds an update body from the attributes whose planned value
// differs from the state. An Optional+Computed attribute the configuration
// leaves out keeps its state value in the plan, so it is not sent; discount
// rules removed from the configuration are sent as none.
func expandPatch(ctx context.Context, plan, state groupModel) (bigcommerce.CustomerGroupPatch, diag.Diagnostics) {
	var diags diag.Diagnostics
	var in bigcommerce.CustomerGroupPatch
	if fwresource.Known(plan.Name) && !plan.Name.Equal(state.Name) {
		in.Name = plan.Name.ValueStringPointer()
	}
	if fwresource.Known(plan.IsDefault) && !plan.IsDefault.Equal(state.IsDefault) {
		in.IsDefault = plan.IsDefault.ValueBoolPointer()
	}
	if fwresource.Known(plan.IsGroupForGuests) && !plan.IsGroupForGuests.Equal(state.IsGroupForGuests) {
		in.IsGroupForGuests = plan.IsGroupForGuests.ValueBoolPointer()
	}
	if fwresource.Known(plan.CategoryAccess) {
		want, known, d := expandAccess(ctx, plan.CategoryAccess)
		diags.Append(d...)
		var have bigcommerce.CategoryAccess
		if fwresource.Known(state.CategoryAccess) {
			have, _, d = expandAccess(ctx, state.CategoryAccess)
			diags.Append(d...)
		}
		if !known {
			// Computed because the configuration leaves them out: the
			// store keeps its own.
			want.Categories = have.Categories
		}
		// An unknown type reads as "", which no store holds.
		if want.Type != "" && !sameAccess(want, have) {
			in.CategoryAccess = &want
		}
	}
	if !plan.DiscountRules.IsUnknown() && !plan.DiscountRules.Equal(state.DiscountRules) {
		rules, d := expandRules(ctx, plan.DiscountRules)
		diags.Append(d...)
		in.DiscountRules = &rules
	}
	return in, diags
}

// expandAccess reads a category_access object, and whether its categories
// are known. Categories not yet known are none.
func expandAccess(ctx context.Context, obj types.Object) (bigcommerce.CategoryAccess, bool, diag.Diagnostics) {
	var access categoryAccessModel
	diags := obj.As(ctx, &access, objectOptions)
	out := bigcommerce.CategoryAccess{Type: access.Type.ValueString()}
	if fwresource.Known(access.Categories) {
		var ids []int64
		diags.Append(access.Categories.ElementsAs(ctx, &ids, false)...)
		for _, id := range ids {
			out.Categories = append(out.Categories, int(id))
		}
		sort.Ints(out.Categories)
	}
	return out, !access.Categories.IsUnknown(), diags
}

// sameAccess compares category access as the store applies it: categories
// count only with type specific.
func sameAccess(a, b bigcommerce.CategoryAccess) bool {
	if a.Type != b.Type {
		return false
	}
	return a.Type != "specific" || slices.Equal(a.Categories, b.Categories)
}

func expandRules(ctx context.Context, list types.List) ([]bigcommerce.DiscountRule, diag.Diagnostics) {
	rules := []bigcommerce.DiscountRule{}
	if !fwresource.Known(list) {
		return rules, nil
	}
	var models []discountRuleModel
	diags := list.ElementsAs(ctx, &models, false)
	for _, m := range models {
		rules = append(rules, expandRule(m))
	}
	return rules, diags
}

func expandRule(m discountRuleModel) bigcommerce.DiscountRule {
	r := bigcommerce.DiscountRule{
		Type:        m.Type.ValueString(),
		Method:      m.Method.ValueString(),
		CategoryID:  int(m.CategoryID.ValueInt64()),
		ProductID:   int(m.ProductID.ValueInt64()),
		PriceListID: int(m.PriceListID.ValueInt64()),
	}
	if fwresource.Known(m.Amount) {
		r.Amount = flex.NumberDecimal(m.Amount)
	}
	return r
}

// flatten writes the store's group into m. m's prior discount_rules decide
// between null and an empty list when the group has none, and keep their
// order and spelling when the store holds the same rules.
func flatten(ctx context.Context, g *bigcommerce.CustomerGroup, m *groupModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(strconv.Itoa(g.ID))
	m.Name = types.StringValue(g.Name)
	m.IsDefault = types.BoolValue(g.IsDefault)
	m.IsGroupForGuests = types.BoolValue(g.IsGroupForGuests)
	m.DateCreated = types.StringValue(g.DateCreated)
	m.DateModified = types.StringValue(g.DateModified)

	access := categoryAccessModel{Type: types.StringValue(g.CategoryAccess.Type), Categories: types.SetNull(types.Int64Type)}
	if access.Type.ValueString() == "" {
		access.Type = types.StringValue("all") // the store's default
	}
	if g.CategoryAccess.Type == "specific" {
		ids := make([]int64, len(g.CategoryAccess.Categories))
		for i, id := range g.CategoryAccess.Categories {
			ids[i] = int64(id)
		}
		set, d := types.SetValueFrom(ctx, types.Int64Type, ids)
		diags.Append(d...)
		access.Categories = set
	}
	obj, d := types.ObjectValueFrom(ctx, categoryAccessAttrTypes, access)
	diags.Append(d...)
	m.CategoryAccess = obj

	rules, d := flattenRules(ctx, g.DiscountRules, m.DiscountRules)
	diags.Append(d...)
	m.DiscountRules = rules
	return diags
}

func flattenRules(ctx context.Context, api []bigcommerce.DiscountRule, prior types.List) (types.List, diag.Diagnostics) {
	if len(api) == 0 && prior.IsNull() {
		return types.ListNull(discountRuleType), nil
	}
	var diags diag.Diagnostics
	if fwresource.Known(prior) && len(prior.Elements()) == len(api) {
		var models []discountRuleModel
		diags.Append(prior.ElementsAs(ctx, &models, false)...)
		if !diags.HasError() && sameRules(models, api) {
			return prior, diags
		}
	}
	models := make([]discountRuleModel, 0, len(api))
	for _, r := range api {
		m := discountRuleModel{
			Type:        types.StringValue(r.Type),
			Method:      types.StringNull(),
			Amount:      types.NumberNull(),
			CategoryID:  optionalID(r.CategoryID),
			ProductID:   optionalID(r.ProductID),
			PriceListID: optionalID(r.PriceListID),
		}
		// The store shows a price_list rule without method and amount.
		if r.Type != "price_list" {
			m.Method = types.StringValue(r.Method)
			n, err := flex.DecimalNumber(string(r.Amount))
			if err != nil {
				diags.AddAttributeError(path.Root("discount_rules"), "Unreadable discount amount", fmt.Sprintf("The store answered the amount %q: %s.", r.Amount, err))
			}
			m.Amount = n
		}
		models = append(models, m)
	}
	list, d := types.ListValueFrom(ctx, discountRuleType, models)
	diags.Append(d...)
	return list, diags
}

// sameRules says whether the store holds exactly the rules in models, in any
// order.
func sameRules(models []discountRuleModel, api []bigcommerce.DiscountRule) bool {
	used := make([]bool, len(api))
next:
	for _, m := range models {
		if !fwresource.Known(m.Type) {
			return false
		}
		want := expandRule(m)
		for i, have := range api {
			if !used[i] && bigcommerce.SameDiscountRule(want, have) {
				used[i] = true
				continue next
			}
		}
		return false
	}
	return true
}

func optionalID(id int) types.Int64 {
	if id == 0 {
		return types.Int64Null()
	}
	return types.Int64Value(int64(id))
}

// apiFields are the body fields that map onto an attribute of the same name.
var apiFields = map[string]bool{
	"name": true, "is_default": true, "is_group_for_guests": true, "category_access": true, "discount_rules": true,
}

// quotedField finds the field V2 names in messages such as "The field
// 'discount_rules.0.amount' is invalid.".
var quotedField = regexp.MustCompile(`'([a-z_]+)[^']*'`)

// addAPIError turns a client error into diagnostics, on the attribute the
// store complained about when it named one.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error) {
	var apiErr *bigcommerce.APIError
	if errors.Is(err, bigcommerce.ErrValidation) && errors.As(err, &apiErr) {
		if m := quotedField.FindStringSubmatch(apiErr.Title); m != nil && apiFields[m[1]] {
			diags.AddAttributeError(path.Root(m[1]), fmt.Sprintf("BigCommerce refused %s", m[1]),
				fmt.Sprintf("While trying to %s customer group %s, the store answered: %s", op, subject, err))
			return
		}
	}
	fwresource.AddAPIError(diags, op, "customer group", subject, err, func(field string) string {
		if apiFields[field] {
			return field
		}
		return ""
	})
}

// addPartialSave reports a 207: the group was saved, its rules were not.
func addPartialSave(diags *diag.Diagnostics, op string, e *bigcommerce.PartialSaveError) {
	diags.AddAttributeError(path.Root("discount_rules"), "Discount rules not saved",
		fmt.Sprintf("BigCommerce %sd customer group %d but did not save its discount_rules, even when asked a second time (it answered 207: %s). "+
			"The state holds the rules the store has, so the next terraform apply tries again. "+
			"If this keeps happening, check the store's discount settings in the control panel.",
			op, e.Group.ID, strings.TrimSpace(e.Message)))
}
