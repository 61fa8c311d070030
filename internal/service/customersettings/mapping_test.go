package customersettings

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

func ptr[T any](v T) *T { return &v }

func TestGlobalUpdateSendsOnlyChangedValues(t *testing.T) {
	have := values{askConsent: ptr(false), policyURL: ptr("https://a.example"), guestGroup: ptr(0), defaultGroup: ptr(3)}
	u, changed := globalUpdate(values{policyURL: ptr("https://a.example"), defaultGroup: ptr(4)}, have)
	want := bigcommerce.CustomerSettingsUpdate{DefaultCustomerGroupID: ptr(4)}
	if !changed || !reflect.DeepEqual(u, want) {
		t.Errorf("globalUpdate = %+v, %v; want %+v", u, changed, want)
	}
	if _, changed := globalUpdate(values{askConsent: ptr(false)}, have); changed {
		t.Error("an unchanged value is sent")
	}
}

func TestChannelUpdateOverridesAndInherits(t *testing.T) {
	have := values{askConsent: ptr(true), policyURL: ptr("https://a.example")}
	want := values{policyURL: ptr("https://b.example"), guestGroup: ptr(2)}
	u, changed := channelUpdate(want, have, types.BoolNull(), true)
	if !changed {
		t.Fatal("no change")
	}
	if !u.AskShopperForTrackingConsent.Inherits() {
		t.Error("a value the plan drops is not inherited")
	}
	if !u.PolicyURL.IsSet() || u.PolicyURL.Inherits() || u.PolicyURL.Value() != "https://b.example" {
		t.Errorf("policy_url %+v", u.PolicyURL)
	}
	if u.GuestCustomerGroupID.Value() != 2 || u.DefaultCustomerGroupID.IsSet() || u.AllowGlobalLogins != nil {
		t.Errorf("update %+v", u)
	}
	if got := inheritedPaths(want, have); !reflect.DeepEqual(got, []string{"privacy_settings.ask_shopper_for_tracking_consent"}) {
		t.Errorf("inheritedPaths = %v", got)
	}
	if _, changed := channelUpdate(have, have, types.BoolValue(true), true); changed {
		t.Error("an unchanged channel is sent an update")
	}
	if u, _ := channelUpdate(have, have, types.BoolValue(false), true); u.AllowGlobalLogins == nil || *u.AllowGlobalLogins {
		t.Error("allow_global_logins not sent")
	}
}

func TestFieldPath(t *testing.T) {
	for key, want := range map[string]string{
		"customer_group_settings.guest_customer_group_id": "customer_group_settings.guest_customer_group_id",
		"privacy_settings.policy_url":                     "privacy_settings.policy_url",
		"allow_global_logins":                             "allow_global_logins",
		"[0].privacy_settings":                            "privacy_settings",
	} {
		if p, ok := fieldPath(key); !ok || p.String() != want {
			t.Errorf("fieldPath(%q) = %s, %v", key, p, ok)
		}
	}
	if _, ok := fieldPath("channel"); ok {
		t.Error("unknown field mapped")
	}
}
