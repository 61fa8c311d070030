package customerattribute

import (
	"context"

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

var _ list.ListResourceWithConfigure = (*attributeListResource)(nil)

// NewListResource returns the list resource for
// bigcommerce_customer_attribute, which `terraform query` (Terraform 1.14
// and later) uses to find attributes to import, and `-generate-config-out`
// to write their configuration.
func NewListResource() list.ListResource { return &attributeListResource{} }

type attributeListResource struct {
	fwresource.WithClient // list resources are configured as resources are
}

type listConfigModel struct {
	Type types.String `tfsdk:"type"`
}

func (r *attributeListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_customer_attribute"
}

func (r *attributeListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the store's customer attributes (at most 50) for `terraform query`: every one, or those of one type. Each result carries the attribute's identity and its name as display name.",
		Attributes: map[string]listschema.Attribute{
			"type": listschema.StringAttribute{
				MarkdownDescription: "Only attributes of this type (the V3 `type` filter): `string`, `number` or `date`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(bigcommerce.AttributeTypes...)},
			},
		},
	}
}

func (r *attributeListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config listConfigModel
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	found, err := r.Client().ListAttributes(ctx, bigcommerce.AttributeFilter{Type: config.Type.ValueString()})
	if err != nil {
		diags.AddError("Unable to list customer attributes", err.Error())
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
			result := req.NewListResult(ctx)
			result.DisplayName = found[i].Name
			m := resourceModel{Timeouts: timeouts.Value{Object: types.ObjectNull(timeoutsType.AttributeTypes())}}
			flatten(&found[i], &m)
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
