package bigcommerce

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func TestCustomerSettings(t *testing.T) {
	c, store := startSandbox(t, sandbox.Options{Quota: -1}, nil)
	ctx := context.Background()
	group := store.SeedGroup("Retail")
	got, err := c.UpdateCustomerSettings(ctx, CustomerSettingsUpdate{PolicyURL: ptr("https://example.com/privacy"), DefaultCustomerGroupID: &group})
	if err != nil {
		t.Fatal(err)
	}
	want := CustomerSettings{PrivacySettings{false, "https://example.com/privacy"}, CustomerGroupSettings{0, group}}
	if *got != want {
		t.Fatalf("update: %+v, want %+v", *got, want)
	}
	if got, err = c.GetCustomerSettings(ctx); err != nil || *got != want {
		t.Fatalf("get: %+v, %v", got, err)
	}
	_, err = c.UpdateCustomerSettings(ctx, CustomerSettingsUpdate{GuestCustomerGroupID: ptr(999)})
	if !errors.Is(err, ErrValidation) {
		t.Fatalf("an unknown group: %v, want ErrValidation", err)
	}
}

func TestChannelCustomerSettingsInherit(t *testing.T) {
	c, store := startSandbox(t, sandbox.Options{Quota: -1}, nil)
	ctx := context.Background()
	store.SeedChannel(2)
	global, err := c.UpdateCustomerSettings(ctx, CustomerSettingsUpdate{AskShopperForTrackingConsent: ptr(true), PolicyURL: ptr("https://example.com/global")})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := c.GetChannelCustomerSettings(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if *fresh != (ChannelCustomerSettings{AllowGlobalLogins: true}) || fresh.Effective(*global) != *global {
		t.Fatalf("a new channel: %+v, want every setting inherited", fresh)
	}

	rec := store.Record()
	defer rec.Stop()
	own, err := c.UpdateChannelCustomerSettings(ctx, 2, ChannelCustomerSettingsUpdate{
		AskShopperForTrackingConsent: Override(false),
		PolicyURL:                    Override("https://example.com/eu"),
		GuestCustomerGroupID:         Override(0),
	})
	if err != nil {
		t.Fatal(err)
	}
	if own.AskShopperForTrackingConsent == nil || *own.AskShopperForTrackingConsent || *own.PolicyURL != "https://example.com/eu" ||
		*own.GuestCustomerGroupID != 0 || own.DefaultCustomerGroupID != nil || !own.AllowGlobalLogins {
		t.Fatalf("overrides: %+v", own)
	}
	eff := own.Effective(*global)
	if eff.PrivacySettings != (PrivacySettings{false, "https://example.com/eu"}) {
		t.Fatalf("effective: %+v", eff)
	}

	back, err := c.UpdateChannelCustomerSettings(ctx, 2, ChannelCustomerSettingsUpdate{PolicyURL: Inherit[string](), GuestCustomerGroupID: Inherit[int]()})
	if err != nil {
		t.Fatal(err)
	}
	if back.PolicyURL != nil || back.GuestCustomerGroupID != nil || back.AskShopperForTrackingConsent == nil {
		t.Fatalf("after inheriting two settings: %+v", back)
	}
	sent := rec.Requests("PUT /v3/customers/settings/channels/{id}")
	var body map[string]map[string]any
	if len(sent) != 2 || json.Unmarshal(sent[1].Body, &body) != nil {
		t.Fatalf("recorded %d channel PUTs", len(sent))
	}
	if v, ok := body["privacy_settings"]["policy_url"]; !ok || v != nil || len(body["privacy_settings"]) != 1 || body["customer_group_settings"]["guest_customer_group_id"] != nil {
		t.Fatalf("inheriting sent %s; want null for the two settings and nothing else", sent[1].Body)
	}

	if _, err := c.UpdateChannelCustomerSettings(ctx, 2, ChannelCustomerSettingsUpdate{AllowGlobalLogins: ptr(false), PolicyURL: Inherit[string]()}); !errors.Is(err, ErrValidation) {
		t.Fatalf("inheriting without global logins: %v, want ErrValidation", err)
	}
	if _, err := c.GetChannelCustomerSettings(ctx, 3); !errors.Is(err, ErrNotFound) {
		t.Fatalf("an unknown channel: %v, want ErrNotFound", err)
	}
}

func ptr[T any](v T) *T { return &v }
