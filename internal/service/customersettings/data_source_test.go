package customersettings_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// The data source shows the global settings another app put in the store.
func TestAccCustomerSettingsDataSource(t *testing.T) {
	resetGlobal(t)
	guest := newGroup(t, "ds-guest")
	yes, url := true, "https://example.com/ds-privacy"
	if _, err := acctest.Client(t).UpdateCustomerSettings(context.Background(), bigcommerce.CustomerSettingsUpdate{
		AskShopperForTrackingConsent: &yes, PolicyURL: &url, GuestCustomerGroupID: &guest,
	}); err != nil {
		t.Fatal(err)
	}
	const addr = "data.bigcommerce_customer_settings.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `data "bigcommerce_customer_settings" "test" {}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("privacy_settings"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"ask_shopper_for_tracking_consent": knownvalue.Bool(true),
						"policy_url":                       knownvalue.StringExact(url),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("customer_group_settings"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"guest_customer_group_id":   knownvalue.Int64Exact(int64(guest)),
						"default_customer_group_id": knownvalue.Int64Exact(0),
					})),
				},
			},
		},
	})
}

// The channel data source shows the channel's own values, null where it
// inherits, and in effective what applies: its own values, else the
// global ones.
func TestAccCustomerChannelSettingsDataSource(t *testing.T) {
	resetGlobal(t)
	channel := newChannel(t, 8)
	dflt := newGroup(t, "ds-default")
	yes, globalURL := true, "https://example.com/global"
	client := acctest.Client(t)
	if _, err := client.UpdateCustomerSettings(context.Background(), bigcommerce.CustomerSettingsUpdate{
		AskShopperForTrackingConsent: &yes, PolicyURL: &globalURL,
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.UpdateChannelCustomerSettings(context.Background(), channel, bigcommerce.ChannelCustomerSettingsUpdate{
		PolicyURL: bigcommerce.Override("https://example.com/channel"), DefaultCustomerGroupID: bigcommerce.Override(dflt),
	}); err != nil {
		t.Fatal(err)
	}
	const addr = "data.bigcommerce_customer_channel_settings.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
data "bigcommerce_customer_channel_settings" "test" {
  channel_id = %d
}
`, channel),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("privacy_settings"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"ask_shopper_for_tracking_consent": knownvalue.Null(),
						"policy_url":                       knownvalue.StringExact("https://example.com/channel"),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("customer_group_settings"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"guest_customer_group_id":   knownvalue.Null(),
						"default_customer_group_id": knownvalue.Int64Exact(int64(dflt)),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("allow_global_logins"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("effective"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"privacy_settings": knownvalue.ObjectExact(map[string]knownvalue.Check{
							"ask_shopper_for_tracking_consent": knownvalue.Bool(true),
							"policy_url":                       knownvalue.StringExact("https://example.com/channel"),
						}),
						"customer_group_settings": knownvalue.ObjectExact(map[string]knownvalue.Check{
							"guest_customer_group_id":   knownvalue.Int64Exact(0),
							"default_customer_group_id": knownvalue.Int64Exact(int64(dflt)),
						}),
					})),
				},
			},
			{
				Config:      `data "bigcommerce_customer_channel_settings" "test" { channel_id = 97531 }`,
				ExpectError: acctest.ExpectErrorText(`Channel not found .* no channel 97531`),
			},
		},
	})
}
