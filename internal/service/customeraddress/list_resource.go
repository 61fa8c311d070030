package customeraddress

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/formfields"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ list.ListResourceWithConfigure = (*addressListResource)(nil)

// NewListResource returns the list resource for
// bigcommerce_customer_address, which `terraform query` (Terraform 1.14 and
// later) uses to find addresses to import, and `-generate-config-out` to
// write their configuration.
func NewListResource() list.ListResource { return &addressListResource{} }

type addressListResource struct {
	fwresource.WithClient // list resources are configured as resources are
}

type listConfigModel struct {
	CustomerIDIn types.List `tfsdk:"customer_id_in"`
}

func (r *addressListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_customer_address"
}

func (r *addressListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds customer addresses for `terraform query`: those of the given customers, or every address of the store (every page) without a filter. " +
			"Each result carries the address's identity and a display name \"address1, city (customer N)\".",
		Attributes: map[string]listschema.Attribute{
			"customer_id_in": listschema.ListAttribute{
				MarkdownDescription: "Only the addresses of these customers (the V3 `customer_id:in` filter, sent 50 ids to a request).",
				ElementType:         types.Int64Type,
				Optional:            true,
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					listvalidator.ValueInt64sAre(int64validator.AtLeast(1)),
				},
			},
		},
	}
}

func (r *addressListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config listConfigModel
	diags := req.Config.Get(ctx, &config)
	var filter bigcommerce.AddressFilter
	if !config.CustomerIDIn.IsNull() {
		var ids []int64
		diags.Append(config.CustomerIDIn.ElementsAs(ctx, &ids, false)...)
		for _, id := range ids {
			filter.CustomerIDs = append(filter.CustomerIDs, int(id))
		}
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	found, err := r.Client().ListAddresses(ctx, filter)
	if err != nil {
		diags.AddError("Unable to list customer addresses", err.Error())
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
			a := &found[i]
			result := req.NewListResult(ctx)
			result.DisplayName = fmt.Sprintf("%s, %s (customer %d)", a.Address1, a.City, a.CustomerID)
			// Null optional strings and form fields, as an import starts
			// from: empty fields stay null, and every form field is shown.
			m := resourceModel{
				addressModel: addressModel{
					Company: types.StringNull(), Address2: types.StringNull(), StateOrProvince: types.StringNull(),
					PostalCode: types.StringNull(), Phone: types.StringNull(), FormFields: types.MapNull(formfields.ObjectType),
				},
				Timeouts: timeouts.Value{Object: types.ObjectNull(timeoutsType.AttributeTypes())},
			}
			result.Diagnostics.Append(flatten(ctx, a, &m.addressModel)...)
			result.Diagnostics.Append(result.Identity.Set(ctx, fwresource.IDIdentity{ID: m.ID})...)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, m)...)
			}
			if !push(result) {
				return
			}
		}
	}
}
