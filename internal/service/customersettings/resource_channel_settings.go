package customersettings

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
)

var (
	_ fwresource.Resource             = (*channelResource)(nil)
	_ resource.ResourceWithModifyPlan = (*channelResource)(nil)
)

// NewChannelResource returns the bigcommerce_customer_channel_settings
// resource.
func NewChannelResource() resource.Resource {
	return &channelResource{ResourceBase: fwresource.NewResourceBase("customer_channel_settings")}
}

type channelResource struct {
	fwresource.ResourceBase
}

type channelModel struct {
	ID types.String `tfsdk:"id"`
	channelSettingsModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// channelDescription explains inheritance, destroy and the interaction
// with customers' channel_ids.
const channelDescription = "One channel's customer settings (`/v3/customers/settings/channels/{channel_id}`): values of its own that " +
	"override the store's global customer settings (`bigcommerce_customer_settings`) on that channel.\n\n" +
	"**Inheriting.** A value left out of the configuration (null) means the channel has no value of its own and inherits the global " +
	"one; the plan shows it as null. Removing a value from the configuration sends null, so the channel goes back to the global value, " +
	"and a value the channel overrides outside Terraform shows as drift to be removed. BigCommerce lets a channel inherit only while its " +
	"`allow_global_logins` is true: a change that returns a value to the global one while `allow_global_logins` is (or becomes) false " +
	"is refused, at plan time when the plan shows it.\n\n" +
	"**Global logins.** A customer with global access (no `channel_ids`, see `bigcommerce_customer`) can sign in on this channel only " +
	"while its `allow_global_logins` is true; customers whose `channel_ids` list the channel can sign in regardless.\n\n" +
	"**Destroy** returns every value the resource holds to the global one (sends null for it) and leaves `allow_global_logins` as it is. " +
	"While `allow_global_logins` is false the store refuses that, so destroy then leaves the channel's values in place, with a warning. " +
	"Import with the channel's id, such as `1`."

// Schema: the inner settings are Optional only, so that null (inherit) is
// a value the configuration states and the plan shows.
func (r *channelResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	const inherits = " When omitted, the channel inherits the global value."
	resp.Schema = schema.Schema{
		MarkdownDescription: channelDescription,
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("The channel's id, as a string (`channel_id`)."),
			"channel_id": schema.Int64Attribute{
				MarkdownDescription: "The channel whose settings these are (`channel_id` in the path). Changing it moves the settings: the old " +
					"channel goes back to the global values and the new one gets these.",
				Required:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"privacy_settings": schema.SingleNestedAttribute{
				MarkdownDescription: "The channel's own privacy settings (`privacy_settings`). When omitted, the channel inherits both global values.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"ask_shopper_for_tracking_consent": schema.BoolAttribute{MarkdownDescription: descAskConsent + inherits, Optional: true},
					"policy_url":                       fwschema.OptionalString(descPolicyURL+inherits, policyURL{}),
				},
			},
			"customer_group_settings": schema.SingleNestedAttribute{
				MarkdownDescription: "The channel's own guest and default customer groups (`customer_group_settings`). When omitted, the " +
					"channel inherits both global values.",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"guest_customer_group_id":   fwschema.OptionalInt64(descGuestGroup+inherits, int64validator.AtLeast(0)),
					"default_customer_group_id": fwschema.OptionalInt64(descDefaultGroup+inherits, int64validator.AtLeast(0)),
				},
			},
			"allow_global_logins": schema.BoolAttribute{
				MarkdownDescription: "Whether customers with global access (no `channel_ids`) can sign in on the channel (`allow_global_logins`). " +
					"It has no global value: when omitted, the store's value is kept. It must be true while the channel inherits any value.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *channelResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("The channel's numeric id.")
}

// ModifyPlan refuses, at plan time, an update that returns values to the
// global ones while the channel will not allow global logins.
func (r *channelResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var plan, state channelModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !plan.ChannelID.Equal(state.ChannelID) {
		return
	}
	if !fwresource.Known(plan.AllowGlobalLogins) || plan.AllowGlobalLogins.ValueBool() {
		return
	}
	want, d := planValues(ctx, plan)
	resp.Diagnostics.Append(d...)
	have, d := valuesOf(ctx, state.PrivacySettings, state.CustomerGroupSettings)
	resp.Diagnostics.Append(d...)
	if inheriting := inheritedPaths(want, have); len(inheriting) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("allow_global_logins"), "Channel must allow global logins to inherit global settings",
			inheritRefused(inheriting))
	}
}

// planValues reads a plan's settings; an unknown value (one that comes
// from another resource) counts as set, so that it is never taken for an
// inherited one.
func planValues(ctx context.Context, plan channelModel) (values, diag.Diagnostics) {
	v, diags := valuesOf(ctx, plan.PrivacySettings, plan.CustomerGroupSettings)
	var p privacyModel
	var g groupSettingsModel
	if fwresource.Known(plan.PrivacySettings) {
		diags.Append(plan.PrivacySettings.As(ctx, &p, objectOptions)...)
	}
	if fwresource.Known(plan.CustomerGroupSettings) {
		diags.Append(plan.CustomerGroupSettings.As(ctx, &g, objectOptions)...)
	}
	placeholder := func(set bool, into func()) {
		if set {
			into()
		}
	}
	placeholder(plan.PrivacySettings.IsUnknown() || p.AskShopperForTrackingConsent.IsUnknown(), func() { v.askConsent = new(bool) })
	placeholder(plan.PrivacySettings.IsUnknown() || p.PolicyURL.IsUnknown(), func() { v.policyURL = new(string) })
	placeholder(plan.CustomerGroupSettings.IsUnknown() || g.GuestCustomerGroupID.IsUnknown(), func() { v.guestGroup = new(int) })
	placeholder(plan.CustomerGroupSettings.IsUnknown() || g.DefaultCustomerGroupID.IsUnknown(), func() { v.defaultGroup = new(int) })
	return v, diags
}

func (r *channelResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan channelModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	// The channel has settings already: send what differs from them,
	// including null for the values it overrides and the configuration
	// leaves to the global settings.
	channel := int(plan.ChannelID.ValueInt64())
	current, err := r.Client().GetChannelCustomerSettings(ctx, channel)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		resp.Diagnostics.AddAttributeError(path.Root("channel_id"), "Channel not found",
			fmt.Sprintf("The store has no channel %d. Use the id of one of the store's channels (channel 1 is the default storefront).", channel))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", channelSubject(channel), err, nil)
		return
	}
	r.write(ctx, &plan, channelValues(current), current.AllowGlobalLogins, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

func channelSubject(channel int) string { return "of channel " + strconv.Itoa(channel) }

// write moves the channel from have (and haveLogins) to the plan m, and
// records the store's answer in m.
func (r *channelResource) write(ctx context.Context, m *channelModel, have values, haveLogins bool, diags *diag.Diagnostics) {
	want, d := valuesOf(ctx, m.PrivacySettings, m.CustomerGroupSettings)
	if diags.Append(d...); diags.HasError() {
		return
	}
	channel := int(m.ChannelID.ValueInt64())
	var got *bigcommerce.ChannelCustomerSettings
	var err error
	if u, changed := channelUpdate(want, have, m.AllowGlobalLogins, haveLogins); changed {
		got, err = r.Client().UpdateChannelCustomerSettings(ctx, channel, u)
	} else {
		got, err = r.Client().GetChannelCustomerSettings(ctx, channel)
	}
	if err != nil {
		addAPIError(diags, "update", channelSubject(channel), err, inheritedPaths(want, have))
		return
	}
	diags.Append(flattenChannel(got, channel, m)...)
}

// flattenChannel records a channel's settings in m; m's objects decide
// between a null object and one of nulls when the channel has no values
// of its own.
func flattenChannel(s *bigcommerce.ChannelCustomerSettings, channel int, m *channelModel) diag.Diagnostics {
	privacy, groups, diags := settingsObjects(channelValues(s), fwresource.Known(m.PrivacySettings), fwresource.Known(m.CustomerGroupSettings))
	m.ID = types.StringValue(strconv.Itoa(channel))
	m.ChannelID = types.Int64Value(int64(channel))
	m.PrivacySettings, m.CustomerGroupSettings = privacy, groups
	m.AllowGlobalLogins = types.BoolValue(s.AllowGlobalLogins)
	return diags
}

func (r *channelResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state channelModel
	ctx, cancel, ok := fwresource.ReadState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	// An import sets only the id.
	channel, diags := fwresource.ParseID(state.ID.ValueString(), "channel")
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	got, err := r.Client().GetChannelCustomerSettings(ctx, channel)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, fwresource.IDIdentity{ID: state.ID}, "Channel no longer exists",
			fmt.Sprintf("Channel %d no longer exists in the store; its customer settings are removed from the state.", channel))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", channelSubject(channel), err, nil)
		return
	}
	resp.Diagnostics.Append(flattenChannel(got, channel, &state)...)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, fwresource.IDIdentity{ID: state.ID}, &resp.Diagnostics)
}

func (r *channelResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state channelModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	have, diags := valuesOf(ctx, state.PrivacySettings, state.CustomerGroupSettings)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	r.write(ctx, &plan, have, state.AllowGlobalLogins.ValueBool(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		// The state stays as it was, not as planned.
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		return
	}
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

// Delete returns the channel's values to the global ones and leaves
// allow_global_logins as it is; while that is false the store refuses, and
// the values stay, with a warning.
func (r *channelResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state channelModel
	ctx, cancel, ok := fwresource.DeleteState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	channel := int(state.ChannelID.ValueInt64())
	have, diags := valuesOf(ctx, state.PrivacySettings, state.CustomerGroupSettings)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	inheriting := inheritedPaths(values{}, have)
	if len(inheriting) == 0 {
		return
	}
	if !state.AllowGlobalLogins.ValueBool() {
		resp.Diagnostics.AddWarning("Channel customer settings left in place",
			fmt.Sprintf("Channel %d keeps its own %s: BigCommerce lets a channel go back to the global customer settings only while its "+
				"allow_global_logins is true, and it is false. The settings are removed from the Terraform state only. To return the channel "+
				"to the global values, set allow_global_logins = true and apply before destroying.", channel, strings.Join(inheriting, ", ")))
		return
	}
	u, _ := channelUpdate(values{}, have, types.BoolNull(), true)
	_, err := r.Client().UpdateChannelCustomerSettings(ctx, channel, u)
	if err != nil && !errors.Is(err, bigcommerce.ErrNotFound) {
		addAPIError(&resp.Diagnostics, "reset", channelSubject(channel), err, inheriting)
	}
}

// ImportState accepts a channel's numeric id, or an identity.
func (r *channelResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	fwresource.ImportNumericID(ctx, req, resp, "Expected a channel's numeric id, such as 1, got %q.")
}
