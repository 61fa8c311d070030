package customergroup

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var numericID = regexp.MustCompile(`^[1-9][0-9]*$`)

// NewGroupsDataSource returns the bigcommerce_customer_groups data source.
func NewGroupsDataSource() datasource.DataSource {
	return &fwresource.ListDataSource[groupsDataModel, bigcommerce.CustomerGroup, groupModel]{
		DataSourceBase: fwresource.NewDataSourceBase("customer_groups"),
		Definition:     groupsDataSourceSchema,
		ListAttribute:  "groups",
		ObjectType:     types.ObjectType{AttrTypes: groupAttrTypes},
		List: func(ctx context.Context, api fwresource.API, config groupsDataModel) ([]bigcommerce.CustomerGroup, diag.Diagnostics) {
			found, err := api.Client().ListCustomerGroups(ctx, bigcommerce.CustomerGroupFilter{Name: config.Name.ValueString(), NameLike: config.NameLike.ValueString()})
			return found, fwresource.ErrorDiagnostics("Unable to list customer groups", err)
		},
		Object: newGroupDataModel,
	}
}

type groupsDataModel struct {
	Name     types.String `tfsdk:"name"`
	NameLike types.String `tfsdk:"name_like"`
	Groups   types.List   `tfsdk:"groups"`
	IDs      types.List   `tfsdk:"ids"`
}

func groupsDataSourceSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		Description: "Lists the store's customer groups, every one or those whose name matches, in id order.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Only the group with exactly this name (the API's `name` filter). Omit it for every group.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name_like": schema.StringAttribute{
				MarkdownDescription: "Only the groups whose name contains this text (the API's `name:like` filter).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"groups": schema.ListNestedAttribute{
				MarkdownDescription: "The matching groups, in id order, with the same attributes as the `bigcommerce_customer_group` resource.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: groupDataAttributes(ctx)},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "The ids of the matching groups, in the same order as `groups`.",
				Computed:            true,
				ElementType:         types.StringType,
			},
		},
	}
}
