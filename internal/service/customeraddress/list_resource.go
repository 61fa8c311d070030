package customeraddress

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/formfields"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwlist"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// NewListResource returns the list resource for
// bigcommerce_customer_address, which `terraform query` (Terraform 1.14 and
// later) uses to find addresses to import, and `-generate-config-out` to
// write their configuration.
func NewListResource() list.ListResource {
	return &fwlist.Resource[listConfigModel, bigcommerce.Address]{
		TypeName: "customer_address",
		Schema: listschema.Schema{
			MarkdownDescription: "Finds customer addresses for `terraform query`: those of the given customers, or every address of the store (every page) without a filter. " +
				"Each result carries the address's identity and a display name \"address1, city (customer N)\".",
			Attributes: map[string]listschema.Attribute{
				"customer_id_in": fwlist.OptionalIDs("Only the addresses of these customers (the V3 `customer_id:in` filter, sent 50 ids to a request)."),
			},
		},
		Find:         findAddresses,
		ErrorSummary: "Unable to list customer addresses",
		Result:       listResult,
	}
}

type listConfigModel struct {
	CustomerIDIn types.List `tfsdk:"customer_id_in"`
}

func findAddresses(ctx context.Context, config listConfigModel, client *bigcommerce.Client) (fwlist.Items[bigcommerce.Address], diag.Diagnostics) {
	var diags diag.Diagnostics
	var filter bigcommerce.AddressFilter
	if !config.CustomerIDIn.IsNull() {
		var ids []int64
		diags.Append(config.CustomerIDIn.ElementsAs(ctx, &ids, false)...)
		for _, id := range ids {
			filter.CustomerIDs = append(filter.CustomerIDs, int(id))
		}
	}
	if diags.HasError() {
		return nil, diags
	}
	return fwlist.Slice(client.ListAddresses(ctx, filter)), diags
}

func listResult(ctx context.Context, a *bigcommerce.Address, nullTimeouts timeouts.Value) (fwlist.Result, diag.Diagnostics) {
	// Null optional strings and form fields, as an import starts from:
	// empty fields stay null, and every form field is shown.
	m := resourceModel{
		addressModel: addressModel{
			Company: types.StringNull(), Address2: types.StringNull(), StateOrProvince: types.StringNull(),
			PostalCode: types.StringNull(), Phone: types.StringNull(), FormFields: types.MapNull(formfields.ObjectType),
		},
		Timeouts: nullTimeouts,
	}
	diags := flatten(ctx, a, &m.addressModel)
	return fwlist.Result{
		DisplayName: fmt.Sprintf("%s, %s (customer %d)", a.Address1, a.City, a.CustomerID),
		Identity:    fwresource.IDIdentity{ID: m.ID},
		Resource:    m,
	}, diags
}
