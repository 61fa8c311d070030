package customer

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ list.ListResourceWithConfigure = (*customerListResource)(nil)

// NewListResource returns the list resource for bigcommerce_customer, which
// `terraform query` (Terraform 1.14 and later) uses to find customers to
// import, and `-generate-config-out` to write their configuration.
func NewListResource() list.ListResource { return &customerListResource{} }

type customerListResource struct {
	fwresource.WithClient // list resources are configured as resources are
}

func (r *customerListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_customer"
}

func (r *customerListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		Description: "Finds the store's customers that match every filter given (all of them without filters), for `terraform query`. Each result carries the customer's identity and a display name \"First Last <email>\".",
		Attributes:  filterListAttributes(),
	}
}

func (r *customerListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config filterModel
	diags := req.Config.Get(ctx, &config)
	filter, match, d := config.apiFilter(ctx)
	diags.Append(d...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	// The timeouts attribute's type is an object type with its own name.
	timeoutsType := req.ResourceSchema.GetAttributes()["timeouts"].GetType().(attr.TypeWithAttributeTypes) //nolint:forcetypeassert // the resource schema's timeouts attribute is an object

	stream.Results = func(push func(list.ListResult) bool) {
		var pushed int64
		for c, err := range r.Client().ListCustomers(ctx, filter) {
			if err != nil {
				result := req.NewListResult(ctx)
				result.Diagnostics.AddError("Unable to list customers", err.Error())
				push(result)
				return
			}
			if !match(&c) {
				continue
			}
			result := req.NewListResult(ctx)
			result.DisplayName = displayName(&c)
			result.Diagnostics.Append(result.Identity.Set(ctx, identityModel{ID: types.StringValue(strconv.Itoa(c.ID))})...)
			if req.IncludeResource {
				m := resourceModel{Timeouts: timeouts.Value{Object: types.ObjectNull(timeoutsType.AttributeTypes())}}
				result.Diagnostics.Append(flattenState(ctx, &c, &m)...)
				result.Diagnostics.Append(result.Resource.Set(ctx, m)...)
			}
			if !push(result) {
				return
			}
			if pushed++; req.Limit > 0 && pushed >= req.Limit {
				return
			}
		}
	}
}
