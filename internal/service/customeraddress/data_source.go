package customeraddress

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/formfields"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// NewAddressesDataSource returns the bigcommerce_customer_addresses data
// source.
func NewAddressesDataSource() datasource.DataSource {
	return &fwresource.ListDataSource[addressesDataSourceModel, bigcommerce.Address, addressModel]{
		DataSourceBase: fwresource.NewDataSourceBase("customer_addresses"),
		Definition:     addressesDataSourceSchema,
		ListAttribute:  "addresses",
		ObjectType:     fwresource.ObjectType(addressDataAttributes),
		List: func(ctx context.Context, api fwresource.API, config addressesDataSourceModel) ([]bigcommerce.Address, diag.Diagnostics) {
			list, err := api.Client().ListAddresses(ctx, bigcommerce.AddressFilter{CustomerIDs: []int{int(config.CustomerID.ValueInt64())}})
			return list, fwresource.ErrorDiagnostics("Unable to list customer addresses", err)
		},
		Object: newAddressDataModel,
	}
}

type addressesDataSourceModel struct {
	CustomerID types.Int64 `tfsdk:"customer_id"`
	IDs        types.List  `tfsdk:"ids"`
	Addresses  types.List  `tfsdk:"addresses"`
}

// addressModel is one address's attributes, each the V3 field of the same
// name.
type addressModel struct {
	ID              types.String `tfsdk:"id"`
	CustomerID      types.Int64  `tfsdk:"customer_id"`
	FirstName       types.String `tfsdk:"first_name"`
	LastName        types.String `tfsdk:"last_name"`
	Company         types.String `tfsdk:"company"`
	Address1        types.String `tfsdk:"address1"`
	Address2        types.String `tfsdk:"address2"`
	City            types.String `tfsdk:"city"`
	StateOrProvince types.String `tfsdk:"state_or_province"`
	PostalCode      types.String `tfsdk:"postal_code"`
	CountryCode     types.String `tfsdk:"country_code"`
	Country         types.String `tfsdk:"country"`
	Phone           types.String `tfsdk:"phone"`
	AddressType     types.String `tfsdk:"address_type"`
	FormFields      types.Map    `tfsdk:"form_fields"` // of formfields.Model
}

// addressDataAttributes describe one listed address; each maps to the V3
// field of the same name.
var addressDataAttributes = map[string]schema.Attribute{
	"id":                schema.StringAttribute{Computed: true, MarkdownDescription: "The address's numeric id (`id`)."},
	"customer_id":       schema.Int64Attribute{Computed: true, MarkdownDescription: "The customer's id (`customer_id`)."},
	"first_name":        schema.StringAttribute{Computed: true, MarkdownDescription: "First name (`first_name`)."},
	"last_name":         schema.StringAttribute{Computed: true, MarkdownDescription: "Last name (`last_name`)."},
	"company":           schema.StringAttribute{Computed: true, MarkdownDescription: "Company (`company`), empty when none."},
	"address1":          schema.StringAttribute{Computed: true, MarkdownDescription: "First address line (`address1`)."},
	"address2":          schema.StringAttribute{Computed: true, MarkdownDescription: "Second address line (`address2`), empty when none."},
	"city":              schema.StringAttribute{Computed: true, MarkdownDescription: "City (`city`)."},
	"state_or_province": schema.StringAttribute{Computed: true, MarkdownDescription: "State or province (`state_or_province`), empty when none."},
	"postal_code":       schema.StringAttribute{Computed: true, MarkdownDescription: "Postal code (`postal_code`), empty when none."},
	"country_code":      schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 3166-1 alpha-2 country code (`country_code`)."},
	"country":           schema.StringAttribute{Computed: true, MarkdownDescription: "The country's name (`country`)."},
	"phone":             schema.StringAttribute{Computed: true, MarkdownDescription: "Phone number (`phone`), empty when none."},
	"address_type":      schema.StringAttribute{Computed: true, MarkdownDescription: "`residential` or `commercial` (`address_type`)."},
	"form_fields":       formfields.DataSourceAttribute("The address form's values, by field name (`form_fields`): `value` for text fields, `number` for number fields, `values` for checkbox fields."),
}

func addressesDataSourceSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists the addresses of one customer (V3 `GET /customers/addresses?customer_id:in=`), following every page.",
		Attributes: map[string]schema.Attribute{
			"customer_id": schema.Int64Attribute{
				MarkdownDescription: "The customer whose addresses to list (`customer_id:in` filter).",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "The ids of the customer's addresses (`id`), in the order the store returned them; handy for `for_each` in `import` blocks.",
			},
			"addresses": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The customer's addresses, with the attributes of the `bigcommerce_customer_address` resource. Empty when the customer has none or does not exist.",
				NestedObject:        schema.NestedAttributeObject{Attributes: addressDataAttributes},
			},
		},
	}
}

// newAddressDataModel reads an address as the data source lists it: an
// empty field is "" rather than null, since nothing was configured.
func newAddressDataModel(ctx context.Context, a *bigcommerce.Address) (addressModel, diag.Diagnostics) {
	empty := types.StringValue("")
	m := addressModel{Company: empty, Address2: empty, StateOrProvince: empty, PostalCode: empty, Phone: empty}
	diags := flatten(ctx, a, &m)
	return m, diags
}
