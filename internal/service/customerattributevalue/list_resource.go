package customerattributevalue

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ list.ListResourceWithConfigure = (*valueListResource)(nil)

// NewListResource returns the list resource for
// bigcommerce_customer_attribute_value, which `terraform query` (Terraform
// 1.14 and later) uses to find customers' attribute values to import, and
// `-generate-config-out` to write their configuration.
func NewListResource() list.ListResource { return &valueListResource{} }

type valueListResource struct {
	fwresource.WithClient // list resources are configured as resources are
}

type listConfigModel struct {
	CustomerIDIn  types.List `tfsdk:"customer_id_in"`
	AttributeIDIn types.List `tfsdk:"attribute_id_in"`
}

func (r *valueListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_customer_attribute_value"
}

func idListAttribute(description string) listschema.ListAttribute {
	return listschema.ListAttribute{
		MarkdownDescription: description,
		ElementType:         types.Int64Type,
		Optional:            true,
		Validators: []validator.List{
			listvalidator.SizeAtLeast(1),
			listvalidator.ValueInt64sAre(int64validator.AtLeast(1)),
		},
	}
}

func (r *valueListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds customers' attribute values for `terraform query`: those that match every filter given, or every value of the store (every page) without filters. " +
			"Each result carries the value's identity (`customer_id`, `attribute_id`) and a display name \"attribute A of customer C\".",
		Attributes: map[string]listschema.Attribute{
			"customer_id_in":  idListAttribute("Only the values of these customers (the V3 `customer_id:in` filter, sent 50 ids to a request)."),
			"attribute_id_in": idListAttribute("Only the values of these attributes (the V3 `attribute_id:in` filter)."),
		},
	}
}

func (r *valueListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config listConfigModel
	diags := req.Config.Get(ctx, &config)
	var filter bigcommerce.AttributeValueFilter
	filter.CustomerIDs = listIDs(ctx, config.CustomerIDIn, &diags)
	filter.AttributeIDs = listIDs(ctx, config.AttributeIDIn, &diags)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	found, err := r.Client().ListAttributeValues(ctx, filter)
	if err != nil {
		diags.AddError("Unable to list customer attribute values", err.Error())
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
			v := &found[i]
			result := req.NewListResult(ctx)
			result.DisplayName = fmt.Sprintf("attribute %d of customer %d", v.AttributeID, v.CustomerID)
			m := resourceModel{Timeouts: timeouts.Value{Object: types.ObjectNull(timeoutsType.AttributeTypes())}}
			flatten(v, &m)
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
