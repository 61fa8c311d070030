package customergroup

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

var _ list.ListResourceWithConfigure = (*groupListResource)(nil)

// NewListResource returns the list resource for bigcommerce_customer_group,
// which `terraform query` (Terraform 1.14 and later) uses to find groups to
// import, and `-generate-config-out` to write their configuration.
func NewListResource() list.ListResource { return &groupListResource{} }

type groupListResource struct {
	fwresource.WithClient // list resources are configured as resources are
}

type listConfigModel struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (r *groupListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_customer_group"
}

func (r *groupListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the store's customer groups for `terraform query`: every group, or those whose name contains a text. Each result carries the group's identity and its name as display name.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": listschema.StringAttribute{
				MarkdownDescription: "Only groups whose name (`name`) contains this text, without regard to case (the V2 API's `name:like` filter).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
			},
		},
	}
}

func (r *groupListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config listConfigModel
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	want := config.NameContains.ValueString()
	found, err := r.Client().ListCustomerGroups(ctx, bigcommerce.CustomerGroupFilter{NameLike: want})
	if err != nil {
		diags.AddError("Unable to list customer groups", err.Error())
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	// The store's name:like may read % and _ as wildcards: keep only the
	// names that contain the text itself.
	if want != "" {
		kept := found[:0]
		for _, g := range found {
			if strings.Contains(strings.ToLower(g.Name), strings.ToLower(want)) {
				kept = append(kept, g)
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
			g := &found[i]
			result := req.NewListResult(ctx)
			result.DisplayName = g.Name
			// A null prior discount_rules reads a group without rules as
			// null, as an import does.
			m := resourceModel{
				groupModel: groupModel{DiscountRules: types.ListNull(discountRuleType)},
				Timeouts:   timeouts.Value{Object: types.ObjectNull(timeoutsType.AttributeTypes())},
			}
			result.Diagnostics.Append(flatten(ctx, g, &m.groupModel)...)
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
