package customersubscriber

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwtypes"
)

var _ list.ListResourceWithConfigure = (*subscriberListResource)(nil)

// NewListResource returns the list resource for
// bigcommerce_customer_subscriber, which `terraform query` (Terraform 1.14
// and later) uses to find subscribers to import, and
// `-generate-config-out` to write their configuration.
func NewListResource() list.ListResource { return &subscriberListResource{} }

type subscriberListResource struct {
	fwresource.WithClient // list resources are configured as resources are
}

func (r *subscriberListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_customer_subscriber"
}

func (r *subscriberListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the store's newsletter subscribers that match every filter given (all of them without filters), for `terraform query`. Each result carries the subscriber's identity and a display name \"First Last <email>\" (the e-mail alone for a subscriber without a name).",
		Attributes:          filterListAttributes(),
	}
}

func (r *subscriberListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config filterModel
	diags := req.Config.Get(ctx, &config)
	filter, d := config.apiFilter(ctx)
	diags.Append(d...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	found, err := r.Client().ListSubscribers(ctx, filter)
	if err != nil {
		diags.AddError("Unable to list customer subscribers", err.Error())
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
			s := &found[i]
			result := req.NewListResult(ctx)
			result.DisplayName = displayName(s)
			m := resourceModel{
				subscriberModel: subscriberModel{FirstName: types.StringNull(), LastName: types.StringNull()},
				Email:           fwtypes.CaseInsensitiveStringNull(),
				Timeouts:        timeouts.Value{Object: types.ObjectNull(timeoutsType.AttributeTypes())},
			}
			flattenState(s, &m)
			result.Diagnostics.Append(result.Identity.Set(ctx, identityModel{ID: m.ID})...)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, m)...)
			}
			if !push(result) {
				return
			}
		}
	}
}
