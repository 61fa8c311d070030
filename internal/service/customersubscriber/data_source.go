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

// NewDataSource returns the bigcommerce_customer_subscriber data source.
func NewDataSource() datasource.DataSource {
	return &fwresource.LookupDataSource[dataModel, bigcommerce.Subscriber]{
		DataSourceBase: fwresource.NewDataSourceBase("customer_subscriber"),
		Definition:     dataSourceSchema,
		KeyAttribute:   "email",
		Lookup: func(api fwresource.API) fwresource.Lookup[bigcommerce.Subscriber] {
			return fwresource.Lookup[bigcommerce.Subscriber]{
				What:     "customer subscriber",
				NotFound: "The store has no subscriber with %s.",
				Key:      "e-mail",
				ParseID: func(s string) (int, diag.Diagnostics) {
					return fwresource.ParseIDWith(s, "customer subscriber", "id must be a subscriber's numeric id such as \"123\", got %q.")
				},
				ByID: api.Client().GetSubscriber,
				ByKey: func(ctx context.Context, email string) (*bigcommerce.Subscriber, error) {
					return findByEmail(ctx, api.Client(), email)
				},
			}
		},
		Model: func(_ context.Context, s *bigcommerce.Subscriber) (dataModel, diag.Diagnostics) {
			return newDataModel(s), nil
		},
	}
}

// subscriberDataAttributes describe one subscriber as the data sources
// show it; each maps to the V3 field of the same name.
func subscriberDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "The subscriber's numeric id (`id`)."},
		"email":         schema.StringAttribute{Computed: true, MarkdownDescription: "The subscriber's e-mail address (`email`), as the store spells it."},
		"first_name":    schema.StringAttribute{Computed: true, MarkdownDescription: "The subscriber's first name (`first_name`), empty when none."},
		"last_name":     schema.StringAttribute{Computed: true, MarkdownDescription: "The subscriber's last name (`last_name`), empty when none."},
		"source":        schema.StringAttribute{Computed: true, MarkdownDescription: "Where the subscription came from (`source`): `storefront`, `order` or `custom`."},
		"order_id":      schema.Int64Attribute{Computed: true, MarkdownDescription: "The id of the order the subscription came from (`order_id`); null when none."},
		"channel_id":    schema.Int64Attribute{Computed: true, MarkdownDescription: "The id of the subscriber's channel (`channel_id`)."},
		"consents":      schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "What the subscriber consented to (`consents`)."},
		"date_created":  schema.StringAttribute{Computed: true, MarkdownDescription: "When the subscriber was created (`date_created`)."},
		"date_modified": schema.StringAttribute{Computed: true, MarkdownDescription: "When the subscriber was last changed (`date_modified`)."},
	}
}

func dataSourceSchema(context.Context) schema.Schema {
	attrs := subscriberDataAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The subscriber's numeric id (`id`). Exactly one of `id` and `email` must be set.",
		Optional:            true,
		Computed:            true,
	}
	attrs["email"] = schema.StringAttribute{
		MarkdownDescription: "The subscriber's e-mail address (`email`), matched without regard to case; the store's spelling is read back. Exactly one of `id` and `email` must be set.",
		Optional:            true,
		Computed:            true,
	}
	return schema.Schema{
		MarkdownDescription: "Reads one newsletter subscriber of the store (V3 `/customers/subscribers`), by id or by e-mail address.",
		Attributes:          attrs,
	}
}
