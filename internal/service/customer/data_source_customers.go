package customer

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ datasource.DataSourceWithConfigure = (*customersDataSource)(nil)

// NewCustomersDataSource returns the bigcommerce_customers data source.
func NewCustomersDataSource() datasource.DataSource {
	return &customersDataSource{DataSourceBase: fwresource.NewDataSourceBase("customers")}
}

type customersDataSource struct {
	fwresource.DataSourceBase
}

type customersDataSourceModel struct {
	filterModel
	IDs       types.List  `tfsdk:"ids"`
	Customers types.List  `tfsdk:"customers"`
	Total     types.Int64 `tfsdk:"total"`
}

func (d *customersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := filterDataSourceAttributes()
	attrs["ids"] = schema.ListAttribute{
		ElementType:         types.StringType,
		Computed:            true,
		MarkdownDescription: "The ids of the matching customers, in the order the store returned them; handy for `for_each` in `import` blocks.",
	}
	attrs["customers"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The matching customers, with every attribute of the `bigcommerce_customer` resource except the write-only ones.",
		NestedObject:        schema.NestedAttributeObject{Attributes: customerDataAttributes(ctx)},
	}
	attrs["total"] = schema.Int64Attribute{
		Computed:            true,
		MarkdownDescription: "How many customers matched. (Named `total` because `count` is a Terraform meta-argument.)",
	}
	resp.Schema = schema.Schema{
		Description: "Lists the store's customers that match every filter given, following every page of results (250 a page). Without filters it lists the whole store. Filters marked as applied by the provider are V2 filters that V3 lacks: the provider reads the customers the other filters select and keeps those that match.",
		Attributes:  attrs,
	}
}

func (d *customersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model customersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter, match, diags := model.apiFilter(ctx)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}

	customers := []customerDataModel{}
	for c, err := range d.Client().ListCustomers(ctx, filter) {
		if err != nil {
			resp.Diagnostics.AddError("Unable to list customers", err.Error())
			return
		}
		if !match(&c) {
			continue
		}
		m, diags := newCustomerDataModel(ctx, &c)
		resp.Diagnostics.Append(diags...)
		if diags.HasError() {
			return
		}
		customers = append(customers, m)
	}

	model.Customers, model.IDs, diags = fwresource.ListOf(ctx, fwresource.ObjectType(customerDataAttributes(ctx)), customers)
	resp.Diagnostics.Append(diags...)
	model.Total = types.Int64Value(int64(len(customers)))
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
