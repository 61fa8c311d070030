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

var _ datasource.DataSourceWithConfigure = (*groupsDataSource)(nil)

var numericID = regexp.MustCompile(`^[1-9][0-9]*$`)

// NewGroupsDataSource returns the bigcommerce_customer_groups data source.
func NewGroupsDataSource() datasource.DataSource {
	return &groupsDataSource{DataSourceBase: fwresource.NewDataSourceBase("customer_groups")}
}

type groupsDataSource struct {
	fwresource.DataSourceBase
}

type groupsDataModel struct {
	Name     types.String `tfsdk:"name"`
	NameLike types.String `tfsdk:"name_like"`
	Groups   types.List   `tfsdk:"groups"`
	IDs      types.List   `tfsdk:"ids"`
}

func (d *groupsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
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

func (d *groupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model groupsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := d.Client().ListCustomerGroups(ctx, bigcommerce.CustomerGroupFilter{Name: model.Name.ValueString(), NameLike: model.NameLike.ValueString()})
	if err != nil {
		resp.Diagnostics.AddError("Unable to list customer groups", err.Error())
		return
	}
	groups := make([]groupModel, 0, len(found))
	for i := range found {
		g, diags := newGroupDataModel(ctx, &found[i])
		resp.Diagnostics.Append(diags...)
		groups = append(groups, g)
	}
	var diags diag.Diagnostics
	model.Groups, model.IDs, diags = fwresource.ListOf(ctx, types.ObjectType{AttrTypes: groupAttrTypes}, groups)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
