package customersegment

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
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

var _ list.ListResourceWithConfigure = (*segmentListResource)(nil)

// NewListResource returns the list resource for
// bigcommerce_customer_segment, which `terraform query` (Terraform 1.14
// and later) uses to find segments to import.
func NewListResource() list.ListResource { return &segmentListResource{} }

type segmentListResource struct {
	fwresource.WithClient // list resources are configured as resources are
}

type listConfigModel struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (r *segmentListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_customer_segment"
}

func (r *segmentListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		Description: "Finds the store's customer segments for `terraform query`: every segment, or those whose name contains a text. Each result carries the segment's identity and its name as display name.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": listschema.StringAttribute{
				Description: "Only segments whose name (`name`) contains this text, without regard to case. The API has no such filter: every segment is read and filtered by the provider.",
				Optional:    true,
				Validators:  []validator.String{stringvalidator.LengthBetween(1, maxSegmentText)},
			},
		},
	}
}

func (r *segmentListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config listConfigModel
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	found, err := r.Client().ListSegments(ctx, bigcommerce.SegmentFilter{})
	if err != nil {
		diags.AddError("Unable to list customer segments", err.Error())
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	if want := strings.ToLower(config.NameContains.ValueString()); want != "" {
		var kept []bigcommerce.Segment
		for _, sg := range found {
			if strings.Contains(strings.ToLower(sg.Name), want) {
				kept = append(kept, sg)
			}
		}
		found = kept
	}
	// The timeouts attribute's type is an object type with its own name.
	timeoutsType := req.ResourceSchema.GetAttributes()["timeouts"].GetType().(attr.TypeWithAttributeTypes) //nolint:forcetypeassert // the resource schema's timeouts attribute is an object

	stream.Results = func(push func(list.ListResult) bool) {
		for i := range found {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			result := req.NewListResult(ctx)
			result.DisplayName = found[i].Name
			m := resourceModel{Timeouts: timeouts.Value{Object: types.ObjectNull(timeoutsType.AttributeTypes())}}
			flatten(&found[i], &m.segmentModel)
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
