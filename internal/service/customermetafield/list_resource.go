package customermetafield

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ list.ListResourceWithConfigure = (*metafieldListResource)(nil)

// NewListResource returns the list resource for
// bigcommerce_customer_metafield, which `terraform query` (Terraform 1.14
// and later) uses to find a customer's metafields to import.
func NewListResource() list.ListResource { return &metafieldListResource{} }

type metafieldListResource struct {
	fwresource.WithClient // list resources are configured as resources are
}

type listConfigModel struct {
	CustomerID types.Int64  `tfsdk:"customer_id"`
	Namespace  types.String `tfsdk:"namespace"`
}

func (r *metafieldListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_customer_metafield"
}

func (r *metafieldListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
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
	}
}

func (r *metafieldListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config listConfigModel
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	cid := int(config.CustomerID.ValueInt64())
	found, err := r.Client().ListCustomerMetafields(ctx, filterOf(cid, config.Namespace, types.StringNull()))
	if err != nil {
		diags.AddError("Unable to list customer metafields", fmt.Sprintf("Listing the metafields of customer %d: %s", cid, err))
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	// The timeouts attribute's type is an object type with its own name.
	timeoutsType := req.ResourceSchema.GetAttributes()["timeouts"].GetType().(attr.TypeWithAttributeTypes) //nolint:forcetypeassert // the resource schema's timeouts attribute is an object

	stream.Results = func(push func(list.ListResult) bool) {
		for i := range found {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			mf := &found[i]
			result := req.NewListResult(ctx)
			result.DisplayName = mf.Namespace + "/" + mf.Key
			m := resourceModel{Timeouts: timeouts.Value{Object: types.ObjectNull(timeoutsType.AttributeTypes())}}
			flatten(mf, &m.metafieldModel)
			result.Diagnostics.Append(result.Identity.Set(ctx, m.identity())...)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, m)...)
			}
			if !push(result) {
				return
			}
		}
	}
}
