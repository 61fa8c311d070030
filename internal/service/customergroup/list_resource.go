package customergroup

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwlist"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// NewListResource returns the list resource for bigcommerce_customer_group,
// which `terraform query` (Terraform 1.14 and later) uses to find groups to
// import, and `-generate-config-out` to write their configuration.
func NewListResource() list.ListResource {
	return &fwlist.Resource[listConfigModel, bigcommerce.CustomerGroup]{
		TypeName: "customer_group",
		Schema: listschema.Schema{
			MarkdownDescription: "Finds the store's customer groups for `terraform query`: every group, or those whose name contains a text. Each result carries the group's identity and its name as display name.",
			Attributes: map[string]listschema.Attribute{
				"name_contains": fwlist.OptionalString("Only groups whose name (`name`) contains this text, without regard to case (the V2 API's `name:like` filter).", stringvalidator.LengthBetween(1, 255)),
			},
		},
		Find:         findGroups,
		ErrorSummary: "Unable to list customer groups",
		Result:       listResult,
	}
}

type listConfigModel struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func findGroups(ctx context.Context, config listConfigModel, client *bigcommerce.Client) (fwlist.Items[bigcommerce.CustomerGroup], diag.Diagnostics) {
	want := config.NameContains.ValueString()
	found := fwlist.Slice(client.ListCustomerGroups(ctx, bigcommerce.CustomerGroupFilter{NameLike: want}))
	if want == "" {
		return found, nil
	}
	// The store's name:like may read % and _ as wildcards: keep only the
	// names that contain the text itself.
	return fwlist.Where(found, func(g *bigcommerce.CustomerGroup) bool {
		return strings.Contains(strings.ToLower(g.Name), strings.ToLower(want))
	}), nil
}

func listResult(ctx context.Context, g *bigcommerce.CustomerGroup, nullTimeouts timeouts.Value) (fwlist.Result, diag.Diagnostics) {
	// A null prior discount_rules reads a group without rules as null, as
	// an import does.
	m := resourceModel{
		groupModel: groupModel{DiscountRules: types.ListNull(discountRuleType)},
		Timeouts:   nullTimeouts,
	}
	diags := flatten(ctx, g, &m.groupModel)
	return fwlist.Result{DisplayName: g.Name, Identity: fwresource.IDIdentity{ID: m.ID}, Resource: m}, diags
}
