package customersettings

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ datasource.DataSourceWithConfigure = (*settingsDataSource)(nil)

// NewDataSource returns the bigcommerce_customer_settings data source.
func NewDataSource() datasource.DataSource {
	return &settingsDataSource{DataSourceBase: fwresource.NewDataSourceBase("customer_settings")}
}

type settingsDataSource struct {
	fwresource.DataSourceBase
}

func (d *settingsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the store's global customer settings (`/v3/customers/settings`), which apply on every channel that does " +
			"not override them. It takes no arguments.",
		Attributes: settingsDataAttributes("The store's"),
	}
}

// settingsDataAttributes are the two settings objects, computed; whose
// starts their descriptions, such as "The store's".
func settingsDataAttributes(whose string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"privacy_settings": schema.SingleNestedAttribute{
			MarkdownDescription: whose + " privacy settings (`privacy_settings`).",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"ask_shopper_for_tracking_consent": schema.BoolAttribute{MarkdownDescription: descAskConsent, Computed: true},
				"policy_url":                       schema.StringAttribute{MarkdownDescription: descPolicyURL, Computed: true},
			},
		},
		"customer_group_settings": schema.SingleNestedAttribute{
			MarkdownDescription: whose + " guest and default customer groups (`customer_group_settings`).",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"guest_customer_group_id":   schema.Int64Attribute{MarkdownDescription: descGuestGroup, Computed: true},
				"default_customer_group_id": schema.Int64Attribute{MarkdownDescription: descDefaultGroup, Computed: true},
			},
		},
	}
}

func (d *settingsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	got, err := d.Client().GetCustomerSettings(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", "of the store", err, nil)
		return
	}
	var m globalSettingsModel
	resp.Diagnostics.Append(m.flatten(got)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
