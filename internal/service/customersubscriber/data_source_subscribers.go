package customersubscriber

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ datasource.DataSourceWithConfigure = (*subscribersDataSource)(nil)

// NewSubscribersDataSource returns the bigcommerce_customer_subscribers
// data source.
func NewSubscribersDataSource() datasource.DataSource {
	return &subscribersDataSource{DataSourceBase: fwresource.NewDataSourceBase("customer_subscribers")}
}

type subscribersDataSource struct {
	fwresource.DataSourceBase
}

type subscribersDataSourceModel struct {
	filterModel
	IDs         types.List `tfsdk:"ids"`
	Subscribers types.List `tfsdk:"subscribers"`
}

func (d *subscribersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := filterDataSourceAttributes()
	attrs["ids"] = schema.ListAttribute{
		ElementType:         types.StringType,
		Computed:            true,
		MarkdownDescription: "The ids of the matching subscribers (`id`), in the order the store returned them; handy for `for_each` in `import` blocks.",
	}
	attrs["subscribers"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The matching subscribers, with the attributes of the `bigcommerce_customer_subscriber` resource. Empty when none matches.",
		NestedObject:        schema.NestedAttributeObject{Attributes: subscriberDataAttributes()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the store's newsletter subscribers (V3 `GET /customers/subscribers`) that match every filter given, following every page of results. Without filters it lists every subscriber.",
		Attributes:          attrs,
	}
}

func (d *subscribersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model subscribersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter, diags := model.apiFilter(ctx)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	list, err := d.Client().ListSubscribers(ctx, filter)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list customer subscribers", err.Error())
		return
	}
	objects := make([]dataModel, 0, len(list))
	for i := range list {
		objects = append(objects, newDataModel(&list[i]))
	}
	model.Subscribers, model.IDs, diags = fwresource.ListOf(ctx, fwresource.ObjectType(subscriberDataAttributes()), objects)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
