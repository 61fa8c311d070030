package customerattribute

import (
	"context"

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

// NewListResource returns the list resource for
// bigcommerce_customer_attribute, which `terraform query` (Terraform 1.14
// and later) uses to find attributes to import, and `-generate-config-out`
// to write their configuration.
func NewListResource() list.ListResource {
	return &fwlist.Resource[listConfigModel, bigcommerce.Attribute]{
		TypeName: "customer_attribute",
		Schema: listschema.Schema{
			MarkdownDescription: "Finds the store's customer attributes (at most 50) for `terraform query`: every one, or those of one type. Each result carries the attribute's identity and its name as display name.",
			Attributes: map[string]listschema.Attribute{
				"type": fwlist.OptionalString("Only attributes of this type (the V3 `type` filter): `string`, `number` or `date`.", stringvalidator.OneOf(bigcommerce.AttributeTypes...)),
			},
		},
		Find:         findAttributes,
		ErrorSummary: "Unable to list customer attributes",
		Result:       listResult,
	}
}

type listConfigModel struct {
	Type types.String `tfsdk:"type"`
}

func findAttributes(ctx context.Context, config listConfigModel, client *bigcommerce.Client) (fwlist.Items[bigcommerce.Attribute], diag.Diagnostics) {
	return fwlist.Slice(client.ListAttributes(ctx, bigcommerce.AttributeFilter{Type: config.Type.ValueString()})), nil
}

func listResult(_ context.Context, a *bigcommerce.Attribute, nullTimeouts timeouts.Value) (fwlist.Result, diag.Diagnostics) {
	m := resourceModel{Timeouts: nullTimeouts}
	flatten(a, &m)
	return fwlist.Result{DisplayName: a.Name, Identity: fwresource.IDIdentity{ID: m.ID}, Resource: m}, nil
}
