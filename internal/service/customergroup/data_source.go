package customergroup

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// NewDataSource returns the bigcommerce_customer_group data source.
func NewDataSource() datasource.DataSource {
	return &fwresource.LookupDataSource[groupModel, bigcommerce.CustomerGroup]{
		DataSourceBase: fwresource.NewDataSourceBase("customer_group"),
		Definition:     dataSourceSchema,
		KeyAttribute:   "name",
		Lookup: func(api fwresource.API) fwresource.Lookup[bigcommerce.CustomerGroup] {
			return fwresource.Lookup[bigcommerce.CustomerGroup]{
				What:     "customer group",
				NotFound: "The store has no customer group with %s. The bigcommerce_customer_groups data source lists the groups it has.",
				Key:      "name",
				QuoteKey: true,
				ParseID:  parseID,
				ByID:     api.Client().GetCustomerGroup,
				ByKey:    api.Client().FindCustomerGroupByName,
			}
		},
		Model: newGroupDataModel,
	}
}

func dataSourceSchema(ctx context.Context) schema.Schema {
	attrs := groupDataAttributes(ctx)
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The group's numeric id. Exactly one of `id` and `name` must be set.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.RegexMatches(numericID, "must be a customer group's numeric id, such as \"12\"")},
	}
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: "The group's name: an exact match, or else the one group whose name differs only in case. Exactly one of `id` and `name` must be set.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	return schema.Schema{
		MarkdownDescription: "Reads one customer group of the store, by id or by name, with the same attributes as the `bigcommerce_customer_group` resource.",
		Attributes:          attrs,
	}
}

// groupDataAttributes derives the data sources' attributes from the
// resource's schema, so the two never disagree: same names, types and
// descriptions, all computed.
func groupDataAttributes(ctx context.Context) map[string]schema.Attribute {
	var rs resource.SchemaResponse
	(&groupResource{}).Schema(ctx, resource.SchemaRequest{}, &rs)
	delete(rs.Schema.Attributes, "timeouts")
	return computedAttributes(rs.Schema.Attributes)
}

func computedAttributes(in map[string]rschema.Attribute) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(in))
	for name, a := range in {
		desc := a.GetDescription()
		switch a := a.(type) {
		case rschema.StringAttribute:
			out[name] = schema.StringAttribute{Computed: true, Description: desc}
		case rschema.BoolAttribute:
			out[name] = schema.BoolAttribute{Computed: true, Description: desc}
		case rschema.Int64Attribute:
			out[name] = schema.Int64Attribute{Computed: true, Description: desc}
		case rschema.NumberAttribute:
			out[name] = schema.NumberAttribute{Computed: true, Description: desc}
		case rschema.SetAttribute:
			out[name] = schema.SetAttribute{Computed: true, Description: desc, ElementType: a.ElementType}
		case rschema.SingleNestedAttribute:
			out[name] = schema.SingleNestedAttribute{Computed: true, Description: desc, Attributes: computedAttributes(a.Attributes)}
		case rschema.ListNestedAttribute:
			out[name] = schema.ListNestedAttribute{Computed: true, Description: desc,
				NestedObject: schema.NestedAttributeObject{Attributes: computedAttributes(a.NestedObject.Attributes)}}
		default:
			panic(fmt.Sprintf("customer group attribute %s has a type the data sources do not map: %T", name, a))
		}
	}
	return out
}

// newGroupDataModel reads a group as the data sources show it: no discount
// rules is an empty list rather than null, since nothing was configured.
func newGroupDataModel(ctx context.Context, g *bigcommerce.CustomerGroup) (groupModel, diag.Diagnostics) {
	m := groupModel{DiscountRules: types.ListValueMust(discountRuleType, nil)}
	diags := flatten(ctx, g, &m)
	return m, diags
}
