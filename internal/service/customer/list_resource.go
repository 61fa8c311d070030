package customer

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwlist"
)

// NewListResource returns the list resource for bigcommerce_customer, which
// `terraform query` (Terraform 1.14 and later) uses to find customers to
// import, and `-generate-config-out` to write their configuration.
func NewListResource() list.ListResource {
	return &fwlist.Resource[filterModel, bigcommerce.Customer]{
		TypeName: "customer",
		Schema: listschema.Schema{
			Description: "Finds the store's customers that match every filter given (all of them without filters), for `terraform query`. Each result carries the customer's identity and a display name \"First Last <email>\".",
			Attributes:  filterListAttributes(),
		},
		Find:         findCustomers,
		ErrorSummary: "Unable to list customers",
		Result:       listResult,
	}
}

// findCustomers reads the customers page by page, as the results are taken.
func findCustomers(ctx context.Context, config filterModel, client *bigcommerce.Client) (fwlist.Items[bigcommerce.Customer], diag.Diagnostics) {
	filter, match, diags := config.apiFilter(ctx)
	return fwlist.Where(client.ListCustomers(ctx, filter), match), diags
}

func listResult(ctx context.Context, c *bigcommerce.Customer, nullTimeouts timeouts.Value) (fwlist.Result, diag.Diagnostics) {
	m := resourceModel{Timeouts: nullTimeouts}
	diags := flattenState(ctx, c, &m)
	return fwlist.Result{DisplayName: displayName(c), Identity: identityModel{ID: types.StringValue(idString(c.ID))}, Resource: m}, diags
}
