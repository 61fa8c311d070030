package sandbox

import (
	"strings"
	"testing"
)

func TestSettingsAreTheGroupsFlags(t *testing.T) {
	a := newAPI(t, Options{})
	retail, guests := a.store.SeedGroup("Retail"), a.store.SeedGroup("Guests")

	var got struct{ Data settingsV3 }
	a.do("GET", "/v3/customers/settings", nil).want(t, 200).decode(t, &got)
	if got.Data != (settingsV3{}) {
		t.Fatalf("a new store's settings are %+v, want every value zero", got.Data)
	}
	a.do("PUT", "/v3/customers/settings", map[string]any{
		"privacy_settings":        map[string]any{"ask_shopper_for_tracking_consent": true, "policy_url": "https://example.com/privacy"},
		"customer_group_settings": map[string]any{"guest_customer_group_id": guests, "default_customer_group_id": retail},
	}).want(t, 200).decode(t, &got)
	want := settingsV3{privacyV3{true, "https://example.com/privacy"}, groupSettingsV3{guests, retail}}
	if got.Data != want {
		t.Fatalf("after PUT: %+v, want %+v", got.Data, want)
	}
	// A partial PUT keeps what it leaves out; 0 clears a group setting.
	a.do("PUT", "/v3/customers/settings", map[string]any{"customer_group_settings": map[string]any{"guest_customer_group_id": 0}}).want(t, 200).decode(t, &got)
	want.CustomerGroupSettings.GuestCustomerGroupID = 0
	if got.Data != want {
		t.Fatalf("after clearing the guest group: %+v, want %+v", got.Data, want)
	}
	a.store.mu.Lock()
	isDefault, isGuest := a.store.st.groups[retail].IsDefault, a.store.st.groups[guests].IsGuest
	a.store.mu.Unlock()
	if !isDefault || isGuest {
		t.Fatalf("groups: retail default %v, guests for guests %v; want true, false", isDefault, isGuest)
	}

	for name, body := range map[string]any{
		"unknown group":      map[string]any{"customer_group_settings": map[string]any{"default_customer_group_id": 999}},
		"group id as string": map[string]any{"customer_group_settings": map[string]any{"default_customer_group_id": "1"}},
		"null group":         map[string]any{"customer_group_settings": map[string]any{"guest_customer_group_id": nil}},
		"policy not a URL":   map[string]any{"privacy_settings": map[string]any{"policy_url": "privacy page"}},
		"policy null":        map[string]any{"privacy_settings": map[string]any{"policy_url": nil}},
		"consent not bool":   map[string]any{"privacy_settings": map[string]any{"ask_shopper_for_tracking_consent": "yes"}},
		"objects null":       map[string]any{"privacy_settings": nil},
		"not an object":      []any{},
	} {
		t.Run(name, func(t *testing.T) { a.do("PUT", "/v3/customers/settings", body).want(t, 422) })
	}
}

func TestChannelSettingsInheritWithNull(t *testing.T) {
	a := newAPI(t, Options{})
	g := a.store.SeedGroup("Wholesale")
	a.store.SeedChannel(2)
	a.do("GET", "/v3/customers/settings/channels/3", nil).want(t, 404)
	a.do("PUT", "/v3/customers/settings/channels/3", map[string]any{"allow_global_logins": true}).want(t, 404)

	fresh := a.do("GET", "/v3/customers/settings/channels/2", nil).want(t, 200)
	for _, member := range []string{`"ask_shopper_for_tracking_consent":null`, `"policy_url":null`, `"guest_customer_group_id":null`, `"default_customer_group_id":null`, `"allow_global_logins":true`} {
		if !strings.Contains(string(fresh.body), member) {
			t.Errorf("a new channel's settings %s lack %s", fresh.body, member)
		}
	}
	put := a.do("PUT", "/v3/customers/settings/channels/2", map[string]any{
		"privacy_settings":        map[string]any{"ask_shopper_for_tracking_consent": false, "policy_url": "https://example.com/eu"},
		"customer_group_settings": map[string]any{"default_customer_group_id": g},
	}).want(t, 200)
	if strings.Contains(string(put.body), "allow_global_logins") {
		t.Errorf("PUT answered %s; CustomerSettingsObject has no allow_global_logins", put.body)
	}
	var got struct{ Data channelSettingsV3 }
	a.do("GET", "/v3/customers/settings/channels/2", nil).want(t, 200).decode(t, &got)
	if p := got.Data.PrivacySettings; p.AskShopperForTrackingConsent == nil || *p.AskShopperForTrackingConsent || p.PolicyURL == nil ||
		*got.Data.CustomerGroupSettings.DefaultCustomerGroupID != g || got.Data.CustomerGroupSettings.GuestCustomerGroupID != nil {
		t.Fatalf("overrides not kept: %+v", got.Data)
	}
	// null drops an override, for one setting or a whole object.
	a.do("PUT", "/v3/customers/settings/channels/2", map[string]any{"privacy_settings": map[string]any{"policy_url": nil}, "customer_group_settings": nil}).want(t, 200)
	a.do("GET", "/v3/customers/settings/channels/2", nil).want(t, 200).decode(t, &got)
	if p := got.Data.PrivacySettings; p.PolicyURL != nil || p.AskShopperForTrackingConsent == nil || got.Data.CustomerGroupSettings.DefaultCustomerGroupID != nil {
		t.Fatalf("null did not drop the overrides: %+v", got.Data)
	}
	// The global settings are untouched.
	var global struct{ Data settingsV3 }
	a.do("GET", "/v3/customers/settings", nil).want(t, 200).decode(t, &global)
	if global.Data != (settingsV3{}) {
		t.Fatalf("a channel's PUT changed the global settings: %+v", global.Data)
	}

	for name, body := range map[string]any{
		"allow_global_logins null":     map[string]any{"allow_global_logins": nil},
		"null without global logins":   map[string]any{"allow_global_logins": false, "privacy_settings": map[string]any{"policy_url": nil}},
		"unknown group":                map[string]any{"customer_group_settings": map[string]any{"guest_customer_group_id": 999}},
		"policy not a URL":             map[string]any{"privacy_settings": map[string]any{"policy_url": "ftp://example.com"}},
		"privacy settings not objects": map[string]any{"privacy_settings": true},
	} {
		t.Run(name, func(t *testing.T) { a.do("PUT", "/v3/customers/settings/channels/2", body).want(t, 422) })
	}
	a.do("PUT", "/v3/customers/settings/channels/2", map[string]any{"allow_global_logins": false}).want(t, 200)
	a.do("PUT", "/v3/customers/settings/channels/2", map[string]any{"privacy_settings": nil}).want(t, 422)
}
