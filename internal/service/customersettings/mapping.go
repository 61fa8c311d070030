// Package customersettings implements the bigcommerce_customer_settings and
// bigcommerce_customer_channel_settings resources and their data sources,
// on BigCommerce's V3 Customer Settings API (global and per channel).
package customersettings

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// privacyModel is a privacy_settings object.
type privacyModel struct {
	AskShopperForTrackingConsent types.Bool   `tfsdk:"ask_shopper_for_tracking_consent"`
	PolicyURL                    types.String `tfsdk:"policy_url"`
}

// globalSettingsModel is the store's global settings as the resource and
// the data source show them.
type globalSettingsModel struct {
	PrivacySettings       types.Object `tfsdk:"privacy_settings"`
	CustomerGroupSettings types.Object `tfsdk:"customer_group_settings"`
}

// flatten records the store's global settings in m.
func (m *globalSettingsModel) flatten(s *bigcommerce.CustomerSettings) diag.Diagnostics {
	privacy, groups, diags := globalObjects(s)
	m.PrivacySettings, m.CustomerGroupSettings = privacy, groups
	return diags
}

// channelSettingsModel is a channel's settings as the resource and the
// data source show them.
type channelSettingsModel struct {
	ChannelID             types.Int64  `tfsdk:"channel_id"`
	PrivacySettings       types.Object `tfsdk:"privacy_settings"`
	CustomerGroupSettings types.Object `tfsdk:"customer_group_settings"`
	AllowGlobalLogins     types.Bool   `tfsdk:"allow_global_logins"`
}

// groupSettingsModel is a customer_group_settings object.
type groupSettingsModel struct {
	GuestCustomerGroupID   types.Int64 `tfsdk:"guest_customer_group_id"`
	DefaultCustomerGroupID types.Int64 `tfsdk:"default_customer_group_id"`
}

var (
	privacyAttrTypes = map[string]attr.Type{
		"ask_shopper_for_tracking_consent": types.BoolType,
		"policy_url":                       types.StringType,
	}
	groupAttrTypes = map[string]attr.Type{
		"guest_customer_group_id":   types.Int64Type,
		"default_customer_group_id": types.Int64Type,
	}
	objectOptions = basetypes.ObjectAsOptions{UnhandledNullAsEmpty: true, UnhandledUnknownAsEmpty: true}
)

// Descriptions the resources and data sources share.
const (
	descAskConsent   = "Whether shoppers are asked for consent to tracking cookies (`privacy_settings.ask_shopper_for_tracking_consent`)."
	descPolicyURL    = "The URL of the store's privacy policy (`privacy_settings.policy_url`): an absolute `http` or `https` URL, or `\"\"` for none."
	descGuestGroup   = "The customer group whose access and discounts shoppers who are not signed in get (`customer_group_settings.guest_customer_group_id`); `0` for none."
	descDefaultGroup = "The customer group new customers join (`customer_group_settings.default_customer_group_id`); `0` for none."
)

// values are the four settings, flattened. A nil value is one a global
// update leaves alone, or one a channel inherits.
type values struct {
	askConsent   *bool
	policyURL    *string
	guestGroup   *int
	defaultGroup *int
}

// valuesOf reads the settings objects of a plan or state; null and unknown
// values (and objects) are nil.
func valuesOf(ctx context.Context, privacy, groups types.Object) (values, diag.Diagnostics) {
	var v values
	var p privacyModel
	var g groupSettingsModel
	var diags diag.Diagnostics
	if fwresource.Known(privacy) {
		diags.Append(privacy.As(ctx, &p, objectOptions)...)
	}
	if fwresource.Known(groups) {
		diags.Append(groups.As(ctx, &g, objectOptions)...)
	}
	v.askConsent = knownPtr(p.AskShopperForTrackingConsent, p.AskShopperForTrackingConsent.ValueBool)
	v.policyURL = knownPtr(p.PolicyURL, p.PolicyURL.ValueString)
	v.guestGroup = knownPtr(g.GuestCustomerGroupID, func() int { return int(g.GuestCustomerGroupID.ValueInt64()) })
	v.defaultGroup = knownPtr(g.DefaultCustomerGroupID, func() int { return int(g.DefaultCustomerGroupID.ValueInt64()) })
	return v, diags
}

func knownPtr[T any](v interface {
	IsNull() bool
	IsUnknown() bool
}, get func() T,
) *T {
	if !fwresource.Known(v) {
		return nil
	}
	x := get()
	return &x
}

func globalValues(s *bigcommerce.CustomerSettings) values {
	return values{
		askConsent:   &s.PrivacySettings.AskShopperForTrackingConsent,
		policyURL:    &s.PrivacySettings.PolicyURL,
		guestGroup:   &s.CustomerGroupSettings.GuestCustomerGroupID,
		defaultGroup: &s.CustomerGroupSettings.DefaultCustomerGroupID,
	}
}

func channelValues(s *bigcommerce.ChannelCustomerSettings) values {
	return values{askConsent: s.AskShopperForTrackingConsent, policyURL: s.PolicyURL, guestGroup: s.GuestCustomerGroupID, defaultGroup: s.DefaultCustomerGroupID}
}

// changedTo is want when it is set and differs from have, else nil.
func changedTo[T comparable](want, have *T) *T {
	if want == nil || (have != nil && *want == *have) {
		return nil
	}
	return want
}

// globalUpdate sends the values want sets that differ from have.
func globalUpdate(want, have values) (bigcommerce.CustomerSettingsUpdate, bool) {
	u := bigcommerce.CustomerSettingsUpdate{
		AskShopperForTrackingConsent: changedTo(want.askConsent, have.askConsent),
		PolicyURL:                    changedTo(want.policyURL, have.policyURL),
		GuestCustomerGroupID:         changedTo(want.guestGroup, have.guestGroup),
		DefaultCustomerGroupID:       changedTo(want.defaultGroup, have.defaultGroup),
	}
	changed := u.AskShopperForTrackingConsent != nil || u.PolicyURL != nil || u.GuestCustomerGroupID != nil || u.DefaultCustomerGroupID != nil
	return u, changed
}

// channelValue moves a channel's setting from have to want: Override to a
// new value, Inherit when want is nil and the channel has its own value.
func channelValue[T bool | string | int](want, have *T) bigcommerce.ChannelValue[T] {
	switch {
	case want == nil && have != nil:
		return bigcommerce.Inherit[T]()
	case want != nil && (have == nil || *want != *have):
		return bigcommerce.Override(*want)
	}
	return bigcommerce.ChannelValue[T]{}
}

// channelUpdate moves a channel's settings from have to want, and its
// allow_global_logins to logins when that is known and differs.
func channelUpdate(want, have values, logins types.Bool, haveLogins bool) (bigcommerce.ChannelCustomerSettingsUpdate, bool) {
	u := bigcommerce.ChannelCustomerSettingsUpdate{
		AskShopperForTrackingConsent: channelValue(want.askConsent, have.askConsent),
		PolicyURL:                    channelValue(want.policyURL, have.policyURL),
		GuestCustomerGroupID:         channelValue(want.guestGroup, have.guestGroup),
		DefaultCustomerGroupID:       channelValue(want.defaultGroup, have.defaultGroup),
	}
	if fwresource.Known(logins) && logins.ValueBool() != haveLogins {
		u.AllowGlobalLogins = logins.ValueBoolPointer()
	}
	changed := u.AskShopperForTrackingConsent.IsSet() || u.PolicyURL.IsSet() || u.GuestCustomerGroupID.IsSet() ||
		u.DefaultCustomerGroupID.IsSet() || u.AllowGlobalLogins != nil
	return u, changed
}

// inheritedPaths names the settings an update from have to want returns to
// the global value.
func inheritedPaths(want, have values) []string {
	var out []string
	add := func(name string, wantNil, haveSet bool) {
		if wantNil && haveSet {
			out = append(out, name)
		}
	}
	add("privacy_settings.ask_shopper_for_tracking_consent", want.askConsent == nil, have.askConsent != nil)
	add("privacy_settings.policy_url", want.policyURL == nil, have.policyURL != nil)
	add("customer_group_settings.guest_customer_group_id", want.guestGroup == nil, have.guestGroup != nil)
	add("customer_group_settings.default_customer_group_id", want.defaultGroup == nil, have.defaultGroup != nil)
	return out
}

// settingsObjects turns values into the two objects; nil values are null.
// An object whose values are all nil is null unless keepPrivacy (or
// keepGroups) asks for an object of nulls, as when its prior value was one
// (so that `privacy_settings = {}` in a configuration stays as it is).
func settingsObjects(v values, keepPrivacy, keepGroups bool) (types.Object, types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	privacy := types.ObjectNull(privacyAttrTypes)
	if v.askConsent != nil || v.policyURL != nil || keepPrivacy {
		obj, d := types.ObjectValue(privacyAttrTypes, map[string]attr.Value{
			"ask_shopper_for_tracking_consent": types.BoolPointerValue(v.askConsent),
			"policy_url":                       types.StringPointerValue(v.policyURL),
		})
		diags.Append(d...)
		privacy = obj
	}
	groups := types.ObjectNull(groupAttrTypes)
	if v.guestGroup != nil || v.defaultGroup != nil || keepGroups {
		obj, d := types.ObjectValue(groupAttrTypes, map[string]attr.Value{
			"guest_customer_group_id":   int64Value(v.guestGroup),
			"default_customer_group_id": int64Value(v.defaultGroup),
		})
		diags.Append(d...)
		groups = obj
	}
	return privacy, groups, diags
}

func int64Value(p *int) types.Int64 {
	if p == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*p))
}

// globalObjects are the store's global settings as the two objects.
func globalObjects(s *bigcommerce.CustomerSettings) (types.Object, types.Object, diag.Diagnostics) {
	return settingsObjects(globalValues(s), true, true)
}

// settingPaths are the attribute paths of the store's field names.
var settingPaths = map[string]path.Path{
	"ask_shopper_for_tracking_consent": path.Root("privacy_settings").AtName("ask_shopper_for_tracking_consent"),
	"policy_url":                       path.Root("privacy_settings").AtName("policy_url"),
	"guest_customer_group_id":          path.Root("customer_group_settings").AtName("guest_customer_group_id"),
	"default_customer_group_id":        path.Root("customer_group_settings").AtName("default_customer_group_id"),
	"allow_global_logins":              path.Root("allow_global_logins"),
	"privacy_settings":                 path.Root("privacy_settings"),
	"customer_group_settings":          path.Root("customer_group_settings"),
}

// fieldPath finds the attribute of a field key such as
// "customer_group_settings.guest_customer_group_id".
func fieldPath(key string) (path.Path, bool) {
	parts := strings.FieldsFunc(key, func(r rune) bool { return r == '.' || r == '[' || r == ']' })
	for i := len(parts) - 1; i >= 0; i-- {
		if p, ok := settingPaths[parts[i]]; ok {
			return p, true
		}
	}
	return path.Empty(), false
}

// addAPIError turns a client error into diagnostics, on the attributes the
// store named; subject is such as "of the store" or "of channel 2".
// inheriting names the settings the request returned to the global value:
// the store refuses that while the channel does not allow global logins,
// and the diagnostic then says how to fix the configuration.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error, inheriting []string) {
	what := "customer settings " + subject
	var apiErr *bigcommerce.APIError
	if errors.Is(err, bigcommerce.ErrValidation) && errors.As(err, &apiErr) && len(apiErr.Fields) > 0 {
		keys := make([]string, 0, len(apiErr.Fields))
		for k := range apiErr.Fields {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			msg := apiErr.Fields[k]
			p, ok := fieldPath(k)
			switch {
			case ok && p.Equal(path.Root("allow_global_logins")) && len(inheriting) > 0:
				diags.AddAttributeError(p, "Channel must allow global logins to inherit global settings", inheritRefused(inheriting)+
					fmt.Sprintf(" (While trying to %s %s, the store answered: %s)", op, what, msg))
			case ok:
				diags.AddAttributeError(p, "BigCommerce refused "+p.String(), fmt.Sprintf("While trying to %s %s, the store answered: %s", op, what, msg))
			default:
				diags.AddError("BigCommerce refused to "+op+" "+what, fmt.Sprintf("%s: %s", k, msg))
			}
		}
		return
	}
	fwresource.AddAPIError(diags, op, "customer settings", subject, err, func(string) string { return "" })
}

// inheritRefused explains why a channel cannot go back to global values
// while allow_global_logins is false, and how to fix it.
func inheritRefused(inheriting []string) string {
	return fmt.Sprintf("Leaving %s out of the configuration means the channel inherits the global value, which BigCommerce "+
		"allows only while the channel's allow_global_logins is true (the store's values would be sent as null). "+
		"Set allow_global_logins = true, or keep an explicit value for %s.",
		strings.Join(inheriting, ", "), strings.Join(inheriting, ", "))
}
