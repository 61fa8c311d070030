package customerattributevalue

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwlist"
)

// NewListResource returns the list resource for
// bigcommerce_customer_attribute_value, which `terraform query` (Terraform
// 1.14 and later) uses to find customers' attribute values to import, and
// `-generate-config-out` to write their configuration.
func NewListResource() list.ListResource {
	return &fwlist.Resource[listConfigModel, bigcommerce.AttributeValue]{
		TypeName: "customer_attribute_value",
		Schema: listschema.Schema{
			MarkdownDescription: "Finds customers' attribute values for `terraform query`: those that match every filter given, or every value of the store (every page) without filters. " +
				"Each result carries the value's identity (`customer_id`, `attribute_id`) and a display name \"attribute A of customer C\".",
			Attributes: map[string]listschema.Attribute{
				"customer_id_in":  fwlist.OptionalIDs("Only the values of these customers (the V3 `customer_id:in` filter, sent 50 ids to a request)."),
				"attribute_id_in": fwlist.OptionalIDs("Only the values of these attributes (the V3 `attribute_id:in` filter)."),
			},
		},
		Find:         findValues,
		ErrorSummary: "Unable to list customer attribute values",
		Result:       listResult,
	}
}

type listConfigModel struct {
	CustomerIDIn  types.List `tfsdk:"customer_id_in"`
	AttributeIDIn types.List `tfsdk:"attribute_id_in"`
}

func findValues(ctx context.Context, config listConfigModel, client *bigcommerce.Client) (fwlist.Items[bigcommerce.AttributeValue], diag.Diagnostics) {
	var diags diag.Diagnostics
	var filter bigcommerce.AttributeValueFilter
	filter.CustomerIDs = listIDs(ctx, config.CustomerIDIn, &diags)
	filter.AttributeIDs = listIDs(ctx, config.AttributeIDIn, &diags)
	if diags.HasError() {
		return nil, diags
	}
	return fwlist.Slice(client.ListAttributeValues(ctx, filter)), diags
}

// listIDs reads an optional list of ids; nil when it is null.
func listIDs(ctx context.Context, l types.List, diags *diag.Diagnostics) []int {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	var in []int64
	diags.Append(l.ElementsAs(ctx, &in, false)...)
	out := make([]int, len(in))
	for i, id := range in {
		out[i] = int(id)
	}
	return out
}

func listResult(_ context.Context, v *bigcommerce.AttributeValue, nullTimeouts timeouts.Value) (fwlist.Result, diag.Diagnostics) {
	m := resourceModel{Timeouts: nullTimeouts}
	flatten(v, &m)
	return fwlist.Result{DisplayName: fmt.Sprintf("attribute %d of customer %d", v.AttributeID, v.CustomerID), Identity: m.identity(), Resource: m}, nil
}
