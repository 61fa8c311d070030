package customermetafield

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwlist"
)

// NewListResource returns the list resource for
// bigcommerce_customer_metafield, which `terraform query` (Terraform 1.14
// and later) uses to find a customer's metafields to import.
func NewListResource() list.ListResource {
	return &fwlist.Resource[listConfigModel, bigcommerce.Metafield]{
		TypeName: "customer_metafield",
		Schema: listschema.Schema{
			Description: "Finds the metafields of one customer, of one namespace when given, for `terraform query`. Each result carries the metafield's identity and a display name \"namespace/key\".",
			Attributes: map[string]listschema.Attribute{
				"customer_id": listschema.Int64Attribute{
					Description: "The customer whose metafields to list (`customerId`).",
					Required:    true,
					Validators:  []validator.Int64{int64validator.AtLeast(1)},
				},
				"namespace": listschema.StringAttribute{
					Description: "Only metafields in this namespace (`namespace` filter).",
					Optional:    true,
					Validators:  []validator.String{stringvalidator.LengthBetween(1, bigcommerce.MaxMetafieldNamespaceLength)},
				},
			},
		},
		Find:         findMetafields,
		ErrorSummary: "Unable to list customer metafields",
		ErrorDetail: func(config listConfigModel, err error) string {
			return fmt.Sprintf("Listing the metafields of customer %d: %s", config.CustomerID.ValueInt64(), err)
		},
		Result: listResult,
	}
}

type listConfigModel struct {
	CustomerID types.Int64  `tfsdk:"customer_id"`
	Namespace  types.String `tfsdk:"namespace"`
}

func findMetafields(ctx context.Context, config listConfigModel, client *bigcommerce.Client) (fwlist.Items[bigcommerce.Metafield], diag.Diagnostics) {
	filter := filterOf(int(config.CustomerID.ValueInt64()), config.Namespace, types.StringNull())
	return fwlist.Slice(client.ListCustomerMetafields(ctx, filter)), nil
}

func listResult(_ context.Context, mf *bigcommerce.Metafield, nullTimeouts timeouts.Value) (fwlist.Result, diag.Diagnostics) {
	m := resourceModel{Timeouts: nullTimeouts}
	flatten(mf, &m.metafieldModel)
	return fwlist.Result{DisplayName: mf.Namespace + "/" + mf.Key, Identity: m.identity(), Resource: m}, nil
}
