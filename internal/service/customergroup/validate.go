package customergroup

import (
	"context"
	"fmt"
	"math/big"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/flex"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// amountScale is how many decimal places BigCommerce keeps for an amount.
const amountScale = 4

// ValidateConfig checks what depends on more than one attribute: categories
// against the access type, and each discount rule against its type.
func (r *groupResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config resourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateCategoryAccess(ctx, config.CategoryAccess)...)
	resp.Diagnostics.Append(validateDiscountRules(ctx, config.DiscountRules)...)
}

func validateCategoryAccess(ctx context.Context, obj types.Object) diag.Diagnostics {
	var diags diag.Diagnostics
	if !fwresource.Known(obj) {
		return diags
	}
	var access categoryAccessModel
	if diags.Append(obj.As(ctx, &access, objectOptions)...); diags.HasError() {
		return diags
	}
	if access.Type.IsNull() {
		diags.AddAttributeError(path.Root("category_access").AtName("type"), "Missing category_access.type",
			`category_access.type is required when category_access is set: "all", "specific" or "none".`)
		return diags
	}
	if !fwresource.Known(access.Type) {
		return diags
	}
	at := path.Root("category_access").AtName("categories")
	switch typ := access.Type.ValueString(); {
	case typ == "specific" && access.Categories.IsNull():
		diags.AddAttributeError(at, "Missing category_access.categories",
			`category_access.categories is required when category_access.type is "specific": list the ids of the categories the group's customers may see, or set type to "all" or "none".`)
	case typ != "specific" && fwresource.Known(access.Categories):
		diags.AddAttributeError(at, "Unexpected category_access.categories",
			fmt.Sprintf(`category_access.categories is allowed only when category_access.type is "specific", not %q: remove categories, or set type = "specific".`, typ))
	}
	return diags
}

// ruleTargets names the id attribute each rule type needs.
var ruleTargets = map[string]string{"category": "category_id", "product": "product_id", "price_list": "price_list_id"}

func validateDiscountRules(ctx context.Context, list types.List) diag.Diagnostics {
	var diags diag.Diagnostics
	if !fwresource.Known(list) {
		return diags
	}
	var rules []discountRuleModel
	if diags.Append(list.ElementsAs(ctx, &rules, false)...); diags.HasError() {
		return diags
	}
	alls, priceLists := 0, 0
	targets := map[string]int{}
	for i, rule := range rules {
		at := path.Root("discount_rules").AtListIndex(i)
		if !fwresource.Known(rule.Type) {
			continue
		}
		typ := rule.Type.ValueString()
		ids := []struct {
			name  string
			value types.Int64
		}{{"category_id", rule.CategoryID}, {"product_id", rule.ProductID}, {"price_list_id", rule.PriceListID}}
		for _, id := range ids {
			p := at.AtName(id.name)
			switch {
			case ruleTargets[typ] == id.name && id.value.IsNull():
				diags.AddAttributeError(p, "Missing "+id.name, fmt.Sprintf("%s is required in a %q discount rule.", p, typ))
			case ruleTargets[typ] != id.name && fwresource.Known(id.value):
				diags.AddAttributeError(p, "Unexpected "+id.name, fmt.Sprintf("%s does not apply to a %q discount rule: remove it, or change the rule's type.", p, typ))
			case fwresource.Known(id.value) && ruleTargets[typ] == id.name && typ != "price_list":
				key := typ + ":" + strconv.FormatInt(id.value.ValueInt64(), 10)
				if j, dup := targets[key]; dup {
					diags.AddAttributeError(p, "Duplicate discount rule", fmt.Sprintf("%s: %s %d already has a discount rule (discount_rules[%d]); merge the two rules.", p, typ, id.value.ValueInt64(), j))
				}
				targets[key] = i
			}
		}
		if typ == "price_list" {
			priceLists++
			for name, set := range map[string]bool{"method": fwresource.Known(rule.Method), "amount": fwresource.Known(rule.Amount)} {
				if set {
					p := at.AtName(name)
					diags.AddAttributeError(p, "Unexpected "+name, fmt.Sprintf("%s does not apply to a \"price_list\" discount rule, whose prices come from the price list: remove it.", p))
				}
			}
			continue
		}
		if typ == "all" {
			alls++
		}
		if rule.Method.IsNull() {
			p := at.AtName("method")
			diags.AddAttributeError(p, "Missing method", fmt.Sprintf("%s is required in a %q discount rule: set \"percent\", \"fixed\" or \"price\".", p, typ))
		}
		if rule.Amount.IsNull() {
			p := at.AtName("amount")
			diags.AddAttributeError(p, "Missing amount", fmt.Sprintf("%s is required in a %q discount rule.", p, typ))
		}
		if !fwresource.Known(rule.Amount) {
			continue
		}
		p := at.AtName("amount")
		amount := flex.NumberDecimal(rule.Amount)
		if amount.Places() > amountScale {
			diags.AddAttributeError(p, "Too many decimal places", fmt.Sprintf("%s must have at most %d decimal places, as BigCommerce keeps; got %s.", p, amountScale, amount))
		}
		if rule.Method.ValueString() == "percent" && rule.Amount.ValueBigFloat().Cmp(big.NewFloat(100)) > 0 {
			diags.AddAttributeError(p, "Percentage over 100", fmt.Sprintf("%s must be at most 100 when method is \"percent\"; got %s.", p, amount))
		}
	}
	if priceLists > 0 && len(rules) > 1 {
		diags.AddAttributeError(path.Root("discount_rules"), "A price list rule must be alone",
			"discount_rules holds a \"price_list\" rule and other rules; BigCommerce takes a price_list rule only as the group's single rule. Keep either the price list or the other rules.")
	}
	if alls > 1 {
		diags.AddAttributeError(path.Root("discount_rules"), "More than one storewide rule",
			fmt.Sprintf("discount_rules holds %d rules of type \"all\"; a group may have one at most. Merge them into one.", alls))
	}
	return diags
}
