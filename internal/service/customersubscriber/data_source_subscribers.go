package customersubscriber

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// NewSubscribersDataSource returns the bigcommerce_customer_subscribers
// data source.
func NewSubscribersDataSource() datasource.DataSource {
	return &fwresource.ListDataSource[subscribersDataSourceModel, bigcommerce.Subscriber, dataModel]{
		DataSourceBase: fwresource.NewDataSourceBase("customer_subscribers"),
		Definition:     subscribersDataSourceSchema,
		ListAttribute:  "subscribers",
		ObjectType:     fwresource.ObjectType(subscriberDataAttributes()),
		List: func(ctx context.Context, api fwresource.API, config subscribersDataSourceModel) ([]bigcommerce.Subscriber, diag.Diagnostics) {
			filter, diags := config.apiFilter(ctx)
			if diags.HasError() {
				return nil, diags
			}
			list, err := api.Client().ListSubscribers(ctx, filter)
			diags.Append(fwresource.ErrorDiagnostics("Unable to list customer subscribers", err)...)
			return list, diags
		},
		Object: func(_ context.Context, s *bigcommerce.Subscriber) (dataModel, diag.Diagnostics) {
			return newDataModel(s), nil
		},
	}
}

type subscribersDataSourceModel struct {
	filterModel
	IDs         types.List `tfsdk:"ids"`
	Subscribers types.List `tfsdk:"subscribers"`
}

func subscribersDataSourceSchema(context.Context) schema.Schema {
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
	return schema.Schema{
		MarkdownDescription: "Lists the store's newsletter subscribers (V3 `GET /customers/subscribers`) that match every filter given, following every page of results. Without filters it lists every subscriber.",
		Attributes:          attrs,
	}
}
