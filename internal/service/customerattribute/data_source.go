package customerattribute

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// NewAttributesDataSource returns the bigcommerce_customer_attributes data
// source.
func NewAttributesDataSource() datasource.DataSource {
	return &fwresource.ListDataSource[attributesDataSourceModel, bigcommerce.Attribute, attributeModel]{
		DataSourceBase: fwresource.NewDataSourceBase("customer_attributes"),
		Definition:     attributesDataSourceSchema,
		ListAttribute:  "attributes",
		ObjectType:     fwresource.ObjectType(attributeDataAttributes),
		List: func(ctx context.Context, api fwresource.API, config attributesDataSourceModel) ([]bigcommerce.Attribute, diag.Diagnostics) {
			list, err := api.Client().ListAttributes(ctx, bigcommerce.AttributeFilter{Name: config.Name.ValueString(), Type: config.Type.ValueString()})
			return list, fwresource.ErrorDiagnostics("Unable to list customer attributes", err)
		},
		Object: func(_ context.Context, a *bigcommerce.Attribute) (attributeModel, diag.Diagnostics) {
			return newAttributeModel(a), nil
		},
	}
}

type attributesDataSourceModel struct {
	Name       types.String `tfsdk:"name"`
	Type       types.String `tfsdk:"type"`
	IDs        types.List   `tfsdk:"ids"`
	Attributes types.List   `tfsdk:"attributes"`
}

// attributeDataAttributes describe one listed attribute; each maps to the
// V3 field of the same name.
var attributeDataAttributes = map[string]schema.Attribute{
	"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "The attribute's numeric id (`id`)."},
	"name":          schema.StringAttribute{Computed: true, MarkdownDescription: "The attribute's name (`name`)."},
	"type":          schema.StringAttribute{Computed: true, MarkdownDescription: "The type of its values (`type`): `string`, `number` or `date`."},
	"date_created":  schema.StringAttribute{Computed: true, MarkdownDescription: "When it was created (`date_created`, RFC 3339)."},
	"date_modified": schema.StringAttribute{Computed: true, MarkdownDescription: "When it was last changed (`date_modified`, RFC 3339)."},
}

func attributesDataSourceSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists the store's customer attributes (V3 `GET /customers/attributes`), all of them or those that match the filters.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Only the attribute with this exact name (`name` filter), compared without regard to case.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Only attributes of this type (`type` filter): `string`, `number` or `date`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(bigcommerce.AttributeTypes...)},
			},
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "The ids of the matching attributes (`id`), in the order the store returned them.",
			},
			"attributes": schema.ListNestedAttribute{
				Computed:     true,
				Description:  "The matching attributes.",
				NestedObject: schema.NestedAttributeObject{Attributes: attributeDataAttributes},
			},
		},
	}
}
