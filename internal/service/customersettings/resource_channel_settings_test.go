package customersettings_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

const channelAddr = "bigcommerce_customer_channel_settings.test"

// newChannel adds a channel to the sandbox store (which has channel 1
// only); each test takes its own.
func newChannel(t *testing.T, id int) int {
	t.Helper()
	acctest.Sandbox(t).SeedChannel(id)
	return id
}

func storeChannel(t *testing.T, channel int) *bigcommerce.ChannelCustomerSettings {
	t.Helper()
	s, err := acctest.Client(t).GetChannelCustomerSettings(context.Background(), channel)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// expectChannel checks a channel's own values in the store; "-" in want
// is a value the channel inherits.
func expectChannel(t *testing.T, channel int, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := describeChannel(storeChannel(t, channel)); got != want {
			return fmt.Errorf("channel %d holds %s, want %s", channel, got, want)
		}
		return nil
	}
}

func describeChannel(s *bigcommerce.ChannelCustomerSettings) string {
	var parts []string
	for _, v := range []any{s.AskShopperForTrackingConsent, s.PolicyURL, s.GuestCustomerGroupID, s.DefaultCustomerGroupID} {
		switch p := v.(type) {
		case *bool:
			parts = append(parts, show(p))
		case *string:
			parts = append(parts, show(p))
		case *int:
			parts = append(parts, show(p))
		}
	}
	return strings.Join(parts, " ") + fmt.Sprintf(" logins=%t", s.AllowGlobalLogins)
}

func show[T any](p *T) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

// checkChannelsInherit is the CheckDestroy of tests whose resources allow
// global logins: destroy returns every value to the global one.
func checkChannelsInherit(t *testing.T, channels ...int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, ch := range channels {
			if got := describeChannel(storeChannel(t, ch)); !strings.HasPrefix(got, "- - - - ") {
				return fmt.Errorf("channel %d keeps values of its own after destroy: %s", ch, got)
			}
		}
		return nil
	}
}

// Create, an update that changes one value and returns another to the
// global one (sent as null), every kind of import, and a destroy that
// returns the channel to the global settings.
func TestAccCustomerChannelSettings_basic(t *testing.T) {
	channel := newChannel(t, 2)
	writes := acctest.RecordWrites(t)
	guest := newGroup(t, "channel-guest")
	created := fmt.Sprintf(`
resource "bigcommerce_customer_channel_settings" "test" {
  channel_id = %d
  privacy_settings = {
    ask_shopper_for_tracking_consent = true
    policy_url                       = "https://example.com/channel-privacy"
  }
  customer_group_settings = {
    guest_customer_group_id = %d
  }
}
`, channel, guest)
	updated := fmt.Sprintf(`
resource "bigcommerce_customer_channel_settings" "test" {
  channel_id = %d
  privacy_settings = {
    ask_shopper_for_tracking_consent = false
    policy_url                       = "https://example.com/channel-privacy"
  }
  allow_global_logins = true
}
`, channel)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		CheckDestroy:             checkChannelsInherit(t, channel),
		Steps: append([]resource.TestStep{
			{
				Config: created,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(channelAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(channel))),
					statecheck.ExpectKnownValue(channelAddr, tfjsonpath.New("customer_group_settings"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"guest_customer_group_id":   knownvalue.Int64Exact(int64(guest)),
						"default_customer_group_id": knownvalue.Null(),
					})),
					statecheck.ExpectKnownValue(channelAddr, tfjsonpath.New("allow_global_logins"), knownvalue.Bool(true)),
				},
				Check: expectChannel(t, channel, fmt.Sprintf("true https://example.com/channel-privacy %d - logins=true", guest)),
			},
			{
				PreConfig: writes.Start,
				Config:    updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(channelAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(channelAddr, tfjsonpath.New("customer_group_settings"), knownvalue.Null()),
					},
				},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne("PUT /v3/customers/settings/channels/{id}", channelAddr,
						`{"privacy_settings":{"ask_shopper_for_tracking_consent":false},"customer_group_settings":{"guest_customer_group_id":null}}`),
					expectChannel(t, channel, "false https://example.com/channel-privacy - - logins=true"),
				),
			},
		}, acctest.ImportSteps(channelAddr, updated, "id")...),
	})
}

// A value the channel overrides outside Terraform, where the configuration
// inherits, is drift: the plan shows it going back to null, and apply
// sends null.
func TestAccCustomerChannelSettings_driftBackToInherit(t *testing.T) {
	channel := newChannel(t, 3)
	writes := acctest.RecordWrites(t)
	config := fmt.Sprintf(`
resource "bigcommerce_customer_channel_settings" "test" {
  channel_id = %d
  privacy_settings = {
    policy_url = "https://example.com/p"
  }
}
`, channel)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkChannelsInherit(t, channel),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(channelAddr, tfjsonpath.New("privacy_settings"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"ask_shopper_for_tracking_consent": knownvalue.Null(),
						"policy_url":                       knownvalue.StringExact("https://example.com/p"),
					})),
					statecheck.ExpectKnownValue(channelAddr, tfjsonpath.New("customer_group_settings"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					yes, none := true, 0
					_, err := acctest.Client(t).UpdateChannelCustomerSettings(context.Background(), channel, bigcommerce.ChannelCustomerSettingsUpdate{
						AskShopperForTrackingConsent: bigcommerce.Override(yes),
						DefaultCustomerGroupID:       bigcommerce.Override(none),
					})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig: writes.Start,
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(channelAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(channelAddr, tfjsonpath.New("privacy_settings").AtMapKey("ask_shopper_for_tracking_consent"), knownvalue.Null()),
						plancheck.ExpectKnownValue(channelAddr, tfjsonpath.New("customer_group_settings"), knownvalue.Null()),
					},
				},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne("PUT /v3/customers/settings/channels/{id}", channelAddr,
						`{"privacy_settings":{"ask_shopper_for_tracking_consent":null},"customer_group_settings":{"default_customer_group_id":null}}`),
					expectChannel(t, channel, "- https://example.com/p - - logins=true"),
				),
			},
		},
	})
}

// While allow_global_logins is false, returning a value to the global one
// is refused at plan time, with the fix; the store's refusal, where the
// plan could not tell, lands on allow_global_logins with the same fix. A
// destroy then leaves the channel's values in place.
func TestAccCustomerChannelSettings_inheritNeedsGlobalLogins(t *testing.T) {
	channel := newChannel(t, 4)
	cfg := func(logins, policy string) string {
		var body []string
		if policy != "" {
			body = append(body, fmt.Sprintf("  privacy_settings = {\n    policy_url = %q\n  }", policy))
		}
		if logins != "" {
			body = append(body, "  allow_global_logins = "+logins)
		}
		return fmt.Sprintf("resource \"bigcommerce_customer_channel_settings\" \"test\" {\n  channel_id = %d\n%s\n}\n", channel, strings.Join(body, "\n"))
	}
	refused := acctest.ExpectErrorText(`Channel must allow global logins to inherit global settings .* privacy_settings.policy_url .* Set allow_global_logins = true`)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// The last apply left logins off and a value of the channel's own.
		CheckDestroy: expectChannel(t, channel, "- https://example.com/kept - - logins=false"),
		Steps: []resource.TestStep{
			{
				Config: cfg("false", "https://example.com/kept"),
				Check:  expectChannel(t, channel, "- https://example.com/kept - - logins=false"),
			},
			// Removing the value, logins explicitly off, or left as the store has them.
			{Config: cfg("false", ""), PlanOnly: true, ExpectError: refused},
			{Config: cfg("", ""), PlanOnly: true, ExpectError: refused},
			{
				// Turning logins on in the same change works.
				Config: cfg("true", ""),
				Check:  expectChannel(t, channel, "- - - - logins=true"),
			},
			{
				// The store holds a value the plan could not know of.
				Config: cfg("true", "https://example.com/kept"),
			},
			{
				PreConfig: func() {
					no := false
					if _, err := acctest.Client(t).UpdateChannelCustomerSettings(context.Background(), channel, bigcommerce.ChannelCustomerSettingsUpdate{
						AllowGlobalLogins: &no,
					}); err != nil {
						t.Fatal(err)
					}
				},
				// Refreshed, the state shows logins off: refused at plan time.
				Config:      cfg("", ""),
				ExpectError: refused,
			},
			{Config: cfg("false", "https://example.com/kept")},
		},
	})
}

// A create on a channel whose values the configuration leaves to the
// global ones, while the channel does not allow global logins, is refused
// by the store; the error says how to fix it.
func TestAccCustomerChannelSettings_createRefusedWithoutGlobalLogins(t *testing.T) {
	channel := newChannel(t, 5)
	no, url := false, "https://example.com/own"
	if _, err := acctest.Client(t).UpdateChannelCustomerSettings(context.Background(), channel, bigcommerce.ChannelCustomerSettingsUpdate{
		PolicyURL: bigcommerce.Override(url), AllowGlobalLogins: &no,
	}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      fmt.Sprintf("resource \"bigcommerce_customer_channel_settings\" \"test\" {\n  channel_id = %d\n}\n", channel),
				ExpectError: acctest.ExpectErrorText(`Channel must allow global logins to inherit global settings .* privacy_settings.policy_url .* Set allow_global_logins = true.*the store answered`),
			},
		},
	})
}

func TestAccCustomerChannelSettings_badInput(t *testing.T) {
	config := func(channel int, extra string) string {
		return fmt.Sprintf("resource \"bigcommerce_customer_channel_settings\" \"test\" {\n  channel_id = %d\n%s\n}\n", channel, extra)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(0, ""), PlanOnly: true, ExpectError: acctest.ExpectErrorText(`channel_id value must be at least 1`)},
			{
				Config:      config(1, `  privacy_settings = { policy_url = "mailto:privacy@example.com" }`),
				PlanOnly:    true,
				ExpectError: acctest.ExpectErrorText(`Invalid privacy policy URL`),
			},
			{
				Config:      config(1, `  customer_group_settings = { default_customer_group_id = -2 }`),
				PlanOnly:    true,
				ExpectError: acctest.ExpectErrorText(`value must be at least 0`),
			},
			{Config: config(98765, ""), ExpectError: acctest.ExpectErrorText(`Channel not found .* no channel 98765`)},
			{
				Config:        config(1, ""),
				ResourceName:  channelAddr,
				ImportState:   true,
				ImportStateId: "storefront",
				ExpectError:   acctest.ExpectErrorText(`Invalid import ID .* channel's numeric id, such as 1, got "storefront"`),
			},
		},
	})
}

// Changing channel_id moves the settings: the old channel inherits again.
func TestAccCustomerChannelSettings_changeChannel(t *testing.T) {
	from, to := newChannel(t, 6), newChannel(t, 7)
	config := func(channel int) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_channel_settings" "test" {
  channel_id       = %d
  privacy_settings = { ask_shopper_for_tracking_consent = true }
}
`, channel)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkChannelsInherit(t, from, to),
		Steps: []resource.TestStep{
			{Config: config(from), Check: expectChannel(t, from, "true - - - logins=true")},
			{
				Config: config(to),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(channelAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: resource.ComposeTestCheckFunc(
					expectChannel(t, from, "- - - - logins=true"),
					expectChannel(t, to, "true - - - logins=true"),
				),
			},
		},
	})
}
