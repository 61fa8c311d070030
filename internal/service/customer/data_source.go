package customer

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/formfields"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// NewDataSource returns the bigcommerce_customer data source.
func NewDataSource() datasource.DataSource {
	return &fwresource.LookupDataSource[customerDataModel, bigcommerce.Customer]{
		DataSourceBase: fwresource.NewDataSourceBase("customer"),
		Definition:     dataSourceSchema,
		KeyAttribute:   "email",
		Lookup: func(api fwresource.API) fwresource.Lookup[bigcommerce.Customer] {
			return fwresource.Lookup[bigcommerce.Customer]{
				What:     "customer",
				NotFound: "The store has no customer with %s.",
				Key:      "e-mail",
				ParseID: func(s string) (int, diag.Diagnostics) {
					return fwresource.ParseIDWith(s, "customer", "id must be a customer's numeric id such as \"123\", got %q.")
				},
				ByID:  api.Customers().GetCustomer,
				ByKey: api.Client().FindCustomerByEmail,
			}
		},
		Model: newCustomerDataModel,
	}
}

// customerDataModel is a customer as the data sources show it: the e-mail
// as the store spells it.
type customerDataModel struct {
	customerModel
	Email types.String `tfsdk:"email"`
}

func dataSourceSchema(ctx context.Context) schema.Schema {
	attrs := customerDataAttributes(ctx)
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The customer's numeric id. Exactly one of `id` and `email` must be set.",
		Optional:            true,
		Computed:            true,
	}
	attrs["email"] = schema.StringAttribute{
		MarkdownDescription: "The customer's e-mail address, matched without regard to case. Exactly one of `id` and `email` must be set.",
		Optional:            true,
		Computed:            true,
	}
	return schema.Schema{
		MarkdownDescription: "Reads one customer of the store, by id or by e-mail address. Every attribute of the `bigcommerce_customer` resource is available except the write-only password.",
		Attributes:          attrs,
	}
}

// customerDataAttributes derives the data sources' attributes from the
// resource's schema, so the two never disagree: same names, types and
// descriptions, all computed, without the write-only attributes.
func customerDataAttributes(ctx context.Context) map[string]schema.Attribute {
	var rs resource.SchemaResponse
	(&customerResource{}).Schema(ctx, resource.SchemaRequest{}, &rs)
	out := map[string]schema.Attribute{}
	for name, a := range rs.Schema.Attributes {
		if a.IsWriteOnly() || name == "timeouts" || name == "password_wo_version" {
			continue
		}
		desc := a.GetMarkdownDescription()
		if desc == "" {
			desc = a.GetDescription()
		}
		switch a := a.(type) {
		case rschema.StringAttribute:
			out[name] = schema.StringAttribute{Computed: true, MarkdownDescription: desc}
		case rschema.Int64Attribute:
			out[name] = schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
		case rschema.BoolAttribute:
			out[name] = schema.BoolAttribute{Computed: true, MarkdownDescription: desc}
		case rschema.NumberAttribute:
			out[name] = schema.NumberAttribute{Computed: true, MarkdownDescription: desc}
		case rschema.SetAttribute:
			out[name] = schema.SetAttribute{Computed: true, MarkdownDescription: desc, ElementType: a.ElementType}
		case rschema.MapNestedAttribute:
			out[name] = formfields.DataSourceAttribute(desc)
		default:
			panic(fmt.Sprintf("customer attribute %s has a type the data sources do not map: %T", name, a))
		}
	}
	return out
}

// newCustomerDataModel reads a customer as the data sources show it: empty
// strings stay empty rather than null, since nothing was configured.
func newCustomerDataModel(ctx context.Context, c *bigcommerce.Customer) (customerDataModel, diag.Diagnostics) {
	empty := types.StringValue("")
	m := customerModel{
		Company: empty, Phone: empty, Notes: empty, TaxExemptCategory: empty,
		CustomerGroupID:    types.Int64Value(0),
		StoreCredit:        types.NumberUnknown(),
		ForcePasswordReset: types.BoolUnknown(),
		FormFields:         types.MapUnknown(formfields.ObjectType),
	}
	diags := flatten(ctx, c, &m)
	return customerDataModel{customerModel: m, Email: types.StringValue(c.Email)}, diags
}
