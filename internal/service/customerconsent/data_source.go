package customerconsent

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ datasource.DataSourceWithConfigure = (*consentDataSource)(nil)

// NewDataSource returns the bigcommerce_customer_consent data source.
func NewDataSource() datasource.DataSource {
	return &consentDataSource{DataSourceBase: fwresource.NewDataSourceBase("customer_consent")}
}

type consentDataSource struct {
	fwresource.DataSourceBase
}

func (d *consentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a customer's consent to data collection by the storefront's cookies and scripts (V3 `GET /customers/{customerId}/consent`).",
		Attributes: map[string]schema.Attribute{
			"customer_id": schema.Int64Attribute{
				MarkdownDescription: "The customer's id (`customerId`).",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"allow":      schema.SetAttribute{MarkdownDescription: "The categories the customer allows (`allow`).", ElementType: types.StringType, Computed: true},
			"deny":       schema.SetAttribute{MarkdownDescription: "The categories the customer denies (`deny`).", ElementType: types.StringType, Computed: true},
			"updated_at": schema.StringAttribute{MarkdownDescription: "What BigCommerce answers as `updated_at`: currently the time of this read, not of the last change, as its documentation says.", Computed: true},
		},
	}
}

func (d *consentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m consentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := int(m.CustomerID.ValueInt64())
	got, err := read(ctx, d, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		resp.Diagnostics.AddError("Customer not found", fmt.Sprintf("The store has no customer with id %d.", id))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to read customer consent", err.Error())
		return
	}
	resp.Diagnostics.Append(flatten(ctx, got, &m)...)
	m.UpdatedAt = types.StringValue(got.UpdatedAt)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
