package customermetafield

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// NewMetafieldsDataSource returns the bigcommerce_customer_metafields data
// source.
func NewMetafieldsDataSource() datasource.DataSource {
	return &fwresource.ListDataSource[metafieldsDataSourceModel, bigcommerce.Metafield, metafieldModel]{
		DataSourceBase: fwresource.NewDataSourceBase("customer_metafields"),
		Definition:     metafieldsDataSourceSchema,
		ListAttribute:  "metafields",
		ObjectType:     fwresource.ObjectType(metafieldDataAttributes),
		List:           listMetafields,
		Object: func(_ context.Context, mf *bigcommerce.Metafield) (metafieldModel, diag.Diagnostics) {
			// Listed, an empty description is "" rather than null.
			m := metafieldModel{Description: types.StringValue("")}
			flatten(mf, &m)
			return m, nil
		},
	}
}

type metafieldsDataSourceModel struct {
	CustomerID types.Int64  `tfsdk:"customer_id"`
	Namespace  types.String `tfsdk:"namespace"`
	Key        types.String `tfsdk:"key"`
	IDs        types.List   `tfsdk:"ids"`
	Metafields types.List   `tfsdk:"metafields"`
}

// metafieldDataAttributes describe one listed metafield; each maps to the
// V3 field of the same name.
var metafieldDataAttributes = map[string]schema.Attribute{
	"id":              schema.StringAttribute{Computed: true, MarkdownDescription: "The metafield's numeric id (`id`)."},
	"customer_id":     schema.Int64Attribute{Computed: true, MarkdownDescription: "The customer's id (`resource_id`)."},
	"namespace":       schema.StringAttribute{Computed: true, MarkdownDescription: "The namespace (`namespace`)."},
	"key":             schema.StringAttribute{Computed: true, MarkdownDescription: "The key (`key`)."},
	"value":           schema.StringAttribute{Computed: true, MarkdownDescription: "The value (`value`)."},
	"permission_set":  schema.StringAttribute{Computed: true, MarkdownDescription: "Who else may read and write the metafield (`permission_set`)."},
	"description":     schema.StringAttribute{Computed: true, MarkdownDescription: "The description (`description`), empty when none."},
	"owner_client_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The client id of the API account that owns the metafield (`owner_client_id`)."},
	"date_created":    schema.StringAttribute{Computed: true, MarkdownDescription: "When the metafield was created (`date_created`)."},
	"date_modified":   schema.StringAttribute{Computed: true, MarkdownDescription: "When the metafield was last changed (`date_modified`)."},
}

func metafieldsDataSourceSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists the metafields of one customer (V3 `GET /customers/{customerId}/metafields`), optionally of one namespace or one key, following every page.",
		Attributes: map[string]schema.Attribute{
			"customer_id": schema.Int64Attribute{
				MarkdownDescription: "The customer whose metafields to list (`customerId`).",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"namespace": schema.StringAttribute{
				MarkdownDescription: "Only metafields in this namespace (`namespace` filter).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, bigcommerce.MaxMetafieldNamespaceLength)},
			},
			"key": schema.StringAttribute{
				MarkdownDescription: "Only metafields with this key (`key` filter).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, bigcommerce.MaxMetafieldKeyLength)},
			},
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "The ids of the metafields (`id`), in the order the store returned them.",
			},
			"metafields": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The metafields, with the attributes of the `bigcommerce_customer_metafield` resource. Empty when none matches.",
				NestedObject:        schema.NestedAttributeObject{Attributes: metafieldDataAttributes},
			},
		},
	}
}

// listMetafields lists the metafields of the configured customer, of one
// namespace and one key when they are set.
func listMetafields(ctx context.Context, api fwresource.API, config metafieldsDataSourceModel) ([]bigcommerce.Metafield, diag.Diagnostics) {
	var diags diag.Diagnostics
	cid := int(config.CustomerID.ValueInt64())
	list, err := api.Client().ListCustomerMetafields(ctx, filterOf(cid, config.Namespace, config.Key))
	if errors.Is(err, bigcommerce.ErrNotFound) {
		diags.AddAttributeError(path.Root("customer_id"), "Customer not found", fmt.Sprintf("The store has no customer with id %d.", cid))
		return nil, diags
	}
	return list, fwresource.ErrorDiagnostics("Unable to list customer metafields", err)
}

// filterOf is the store's filter of a customer's metafields, of one
// namespace and one key when they are set.
func filterOf(customerID int, namespace, key types.String) bigcommerce.MetafieldFilter {
	f := bigcommerce.MetafieldFilter{CustomerID: customerID}
	if fwresource.Known(namespace) {
		f.Namespaces = []string{namespace.ValueString()}
	}
	if fwresource.Known(key) {
		f.Keys = []string{key.ValueString()}
	}
	return f
}
