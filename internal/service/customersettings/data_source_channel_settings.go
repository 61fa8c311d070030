package customersettings

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ datasource.DataSourceWithConfigure = (*channelDataSource)(nil)

// NewChannelDataSource returns the bigcommerce_customer_channel_settings
// data source.
func NewChannelDataSource() datasource.DataSource {
	return &channelDataSource{DataSourceBase: fwresource.NewDataSourceBase("customer_channel_settings")}
}

type channelDataSource struct {
	fwresource.DataSourceBase
}

// channelDataModel is a channel's settings, as the resource shows them
// too, and the values that apply on the channel.
type channelDataModel struct {
	channelSettingsModel
	Effective types.Object `tfsdk:"effective"`
}

var effectiveAttrTypes = map[string]attr.Type{
	"privacy_settings":        types.ObjectType{AttrTypes: privacyAttrTypes},
	"customer_group_settings": types.ObjectType{AttrTypes: groupAttrTypes},
}

func (d *channelDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := settingsDataAttributes("The channel's own")
	for _, name := range []string{"privacy_settings", "customer_group_settings"} {
		a := attrs[name].(schema.SingleNestedAttribute) //nolint:forcetypeassert // settingsDataAttributes builds both as single nested attributes
		a.MarkdownDescription += " Always present; a value is null when the channel inherits the global one."
		attrs[name] = a
	}
	attrs["channel_id"] = schema.Int64Attribute{
		MarkdownDescription: "The channel to read (`channel_id` in the path).",
		Required:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
	attrs["allow_global_logins"] = schema.BoolAttribute{
		MarkdownDescription: "Whether customers with global access (no `channel_ids`) can sign in on the channel (`allow_global_logins`).",
		Computed:            true,
	}
	attrs["effective"] = schema.SingleNestedAttribute{
		MarkdownDescription: "What applies on the channel: its own values, and the global ones where it inherits. No value in it is null.",
		Computed:            true,
		Attributes:          settingsDataAttributes("The effective"),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one channel's customer settings (`/v3/customers/settings/channels/{channel_id}`): the values the channel " +
			"overrides (null where it inherits the store's global settings), and in `effective` the values that apply on the channel.",
		Attributes: attrs,
	}
}

func (d *channelDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m channelDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	channel := int(m.ChannelID.ValueInt64())
	got, err := d.Client().GetChannelCustomerSettings(ctx, channel)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		resp.Diagnostics.AddAttributeError(path.Root("channel_id"), "Channel not found", fmt.Sprintf("The store has no channel %d.", channel))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", channelSubject(channel), err, nil)
		return
	}
	global, err := d.Client().GetCustomerSettings(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", "of the store", err, nil)
		return
	}
	// Objects of nulls rather than null objects, so that
	// privacy_settings.policy_url reads as null, not as an error.
	privacy, groups, diags := settingsObjects(channelValues(got), true, true)
	resp.Diagnostics.Append(diags...)
	effectiveSettings := got.Effective(*global)
	effPrivacy, effGroups, diags := globalObjects(&effectiveSettings)
	resp.Diagnostics.Append(diags...)
	effective, diags := types.ObjectValue(effectiveAttrTypes, map[string]attr.Value{"privacy_settings": effPrivacy, "customer_group_settings": effGroups})
	resp.Diagnostics.Append(diags...)
	m.PrivacySettings, m.CustomerGroupSettings = privacy, groups
	m.AllowGlobalLogins = types.BoolValue(got.AllowGlobalLogins)
	m.Effective = effective
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
