package customersettings_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
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

func TestMain(m *testing.M) { os.Exit(acctest.Main(m)) }

const settingsAddr = "bigcommerce_customer_settings.test"

// The tests of the store's one set of settings use resource.Test, never
// ParallelTest: they share the package's store.

// newGroup creates a customer group out of band, deleted after the test.
func newGroup(t *testing.T, prefix string) int {
	t.Helper()
	c := acctest.Client(t)
	g, err := c.CreateCustomerGroup(context.Background(), bigcommerce.CustomerGroupInput{Name: fmt.Sprintf("tf-acc-%s-%08x", prefix, rand.Uint32())})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.DeleteCustomerGroup(context.Background(), g.ID) })
	return g.ID
}

// resetGlobal puts the store's settings back as a new store has them,
// after the test.
func resetGlobal(t *testing.T) {
	t.Helper()
	t.Cleanup(func() {
		no, empty, none := false, "", 0
		_, err := acctest.Client(t).UpdateCustomerSettings(context.Background(), bigcommerce.CustomerSettingsUpdate{
			AskShopperForTrackingConsent: &no, PolicyURL: &empty, GuestCustomerGroupID: &none, DefaultCustomerGroupID: &none,
		})
		if err != nil {
			t.Error(err)
		}
	})
}

func storeSettings(t *testing.T) *bigcommerce.CustomerSettings {
	t.Helper()
	s, err := acctest.Client(t).GetCustomerSettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// expectStore checks the store's global settings.
func expectStore(t *testing.T, want bigcommerce.CustomerSettings) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := *storeSettings(t); got != want {
			return fmt.Errorf("the store holds %+v, want %+v", got, want)
		}
		return nil
	}
}

func configSettings(askConsent bool, policyURL string, guest, dflt int) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_settings" "test" {
  privacy_settings = {
    ask_shopper_for_tracking_consent = %t
    policy_url                       = %q
  }
  customer_group_settings = {
    guest_customer_group_id   = %d
    default_customer_group_id = %d
  }
}
`, askConsent, policyURL, guest, dflt)
}

func settingsChecks(askConsent bool, policyURL string, guest, dflt int) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("id"), knownvalue.StringExact("settings")),
		statecheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("privacy_settings"), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"ask_shopper_for_tracking_consent": knownvalue.Bool(askConsent),
			"policy_url":                       knownvalue.StringExact(policyURL),
		})),
		statecheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("customer_group_settings"), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"guest_customer_group_id":   knownvalue.Int64Exact(int64(guest)),
			"default_customer_group_id": knownvalue.Int64Exact(int64(dflt)),
		})),
	}
}

func settingsOf(policyURL string, guest, dflt int) bigcommerce.CustomerSettings {
	const askConsent = true // every test configuration asks
	return bigcommerce.CustomerSettings{
		PrivacySettings:       bigcommerce.PrivacySettings{AskShopperForTrackingConsent: askConsent, PolicyURL: policyURL},
		CustomerGroupSettings: bigcommerce.CustomerGroupSettings{GuestCustomerGroupID: guest, DefaultCustomerGroupID: dflt},
	}
}

// Create, an update in place that sends only what changed, every kind of
// import, and a destroy that leaves the store's settings as they are.
func TestAccCustomerSettings_basic(t *testing.T) {
	resetGlobal(t)
	writes := acctest.RecordWrites(t)
	guest, dflt, other := newGroup(t, "guest"), newGroup(t, "default"), newGroup(t, "other")
	created := configSettings(true, "https://example.com/privacy", guest, dflt)
	updated := configSettings(true, "https://example.com/privacy-v2", other, dflt)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		// Destroy forgets the settings: the store keeps them.
		CheckDestroy: expectStore(t, settingsOf("https://example.com/privacy-v2", other, dflt)),
		Steps: append([]resource.TestStep{
			{
				Config:            created,
				ConfigStateChecks: settingsChecks(true, "https://example.com/privacy", guest, dflt),
				Check:             expectStore(t, settingsOf("https://example.com/privacy", guest, dflt)),
			},
			{
				PreConfig: writes.Start,
				Config:    updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(settingsAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: settingsChecks(true, "https://example.com/privacy-v2", other, dflt),
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne("PUT /v3/customers/settings", settingsAddr,
						fmt.Sprintf(`{"privacy_settings":{"policy_url":"https://example.com/privacy-v2"},"customer_group_settings":{"guest_customer_group_id":%d}}`, other)),
					expectStore(t, settingsOf("https://example.com/privacy-v2", other, dflt)),
				),
			},
		}, acctest.ImportSteps(settingsAddr, updated, "id")...),
	})
}

// Values the configuration leaves out keep the store's, even when the
// store changes them; a configured value changed out of band is drift
// that apply repairs.
func TestAccCustomerSettings_unconfiguredKeptDriftRepaired(t *testing.T) {
	resetGlobal(t)
	writes := acctest.RecordWrites(t)
	guest := newGroup(t, "guest")
	config := `
resource "bigcommerce_customer_settings" "test" {
  privacy_settings = {
    policy_url = "https://example.com/policy"
  }
}
`
	client := acctest.Client(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: writes.Start,
				Config:    config,
				// Creating sends only the configured value that differs.
				Check: writes.SentOne("PUT /v3/customers/settings", settingsAddr, `{"privacy_settings":{"policy_url":"https://example.com/policy"}}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("privacy_settings").AtMapKey("ask_shopper_for_tracking_consent"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("customer_group_settings").AtMapKey("guest_customer_group_id"), knownvalue.Int64Exact(0)),
				},
			},
			{
				// Unconfigured values changed in the store: no diff.
				PreConfig: func() {
					yes := true
					if _, err := client.UpdateCustomerSettings(context.Background(), bigcommerce.CustomerSettingsUpdate{
						AskShopperForTrackingConsent: &yes, GuestCustomerGroupID: &guest,
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("privacy_settings").AtMapKey("ask_shopper_for_tracking_consent"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("customer_group_settings").AtMapKey("guest_customer_group_id"), knownvalue.Int64Exact(int64(guest))),
				},
			},
			{
				// The configured value changed in the store: drift, repaired.
				PreConfig: func() {
					other := "https://example.com/other"
					if _, err := client.UpdateCustomerSettings(context.Background(), bigcommerce.CustomerSettingsUpdate{PolicyURL: &other}); err != nil {
						t.Fatal(err)
					}
					writes.Start()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(settingsAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("privacy_settings").AtMapKey("policy_url"), knownvalue.StringExact("https://example.com/policy")),
						plancheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("privacy_settings").AtMapKey("ask_shopper_for_tracking_consent"), knownvalue.Bool(true)),
					},
				},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne("PUT /v3/customers/settings", settingsAddr, `{"privacy_settings":{"policy_url":"https://example.com/policy"}}`),
					expectStore(t, settingsOf("https://example.com/policy", guest, 0)),
				),
			},
		},
	})
}

// Bad values are refused at plan time; a group that does not exist is
// refused by the store, on the attribute.
func TestAccCustomerSettings_validation(t *testing.T) {
	resetGlobal(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      configSettings(false, "ftp://example.com/privacy", 0, 0),
				PlanOnly:    true,
				ExpectError: acctest.ExpectErrorText(`Invalid privacy policy URL .* must be an absolute http or https URL`),
			},
			{
				Config:      configSettings(false, "privacy.html", 0, 0),
				PlanOnly:    true,
				ExpectError: acctest.ExpectErrorText(`Invalid privacy policy URL`),
			},
			{
				Config:      configSettings(false, "", -1, 0),
				PlanOnly:    true,
				ExpectError: acctest.ExpectErrorText(`customer_group_settings.guest_customer_group_id value must be at least 0`),
			},
			{
				Config:      configSettings(false, "", 0, 987654),
				ExpectError: acctest.ExpectErrorText(`BigCommerce refused customer_group_settings.default_customer_group_id .* must be 0 or the id of a customer group`),
			},
		},
	})
}

// A second instance is refused at plan time, whether a second resource or
// count; one instance applies and plans no change afterwards.
func TestAccCustomerSettings_onlyOnePerConfiguration(t *testing.T) {
	resetGlobal(t)
	two := `
resource "bigcommerce_customer_settings" "test" {
  privacy_settings = { ask_shopper_for_tracking_consent = true }
}

resource "bigcommerce_customer_settings" "other" {
  privacy_settings = { ask_shopper_for_tracking_consent = false }
}
`
	counted := `
resource "bigcommerce_customer_settings" "test" {
  count = 2
}
`
	one := `
resource "bigcommerce_customer_settings" "test" {
  privacy_settings = { ask_shopper_for_tracking_consent = true }
}
`
	onlyOne := acctest.ExpectErrorText(`Only one bigcommerce_customer_settings per configuration .* overwrite each other`)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: two, ExpectError: onlyOne},
			{Config: counted, ExpectError: onlyOne},
			{
				// Plan, apply, and the plans after it each count afresh.
				Config: one,
				Check:  expectStore(t, settingsOf("", 0, 0)),
			},
			{Config: one, PlanOnly: true},
			{Config: two, PlanOnly: true, ExpectError: onlyOne},
		},
	})
}

func TestAccCustomerSettings_importRefusesOtherIDs(t *testing.T) {
	resetGlobal(t)
	config := configSettings(false, "", 0, 0)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				Config:        config,
				ResourceName:  settingsAddr,
				ImportState:   true,
				ImportStateId: "1",
				ExpectError:   acctest.ExpectErrorText(`Invalid import ID .* imported with the id "settings"; got "1"`),
			},
		},
	})
}
