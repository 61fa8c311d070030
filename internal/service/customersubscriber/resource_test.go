package customersubscriber_test

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

const (
	resourceName = "bigcommerce_customer_subscriber.test"
	put          = "PUT /v3/customers/subscribers/{id}"
)

func TestAccCustomerSubscriber_lifecycle(t *testing.T) {
	seedChannel(t)
	email := acctest.RandomEmail("sub")
	renamed := acctest.RandomEmail("sub-renamed")
	writes := acctest.RecordWrites(t)
	noWrites := recordNone(t)
	var firstID string
	sameID := statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
		if v != firstID {
			return fmt.Errorf("id went from %s to %s; an update keeps it", firstID, v)
		}
		return nil
	}))
	update := func(pre ...plancheck.PlanCheck) resource.ConfigPlanChecks {
		return resource.ConfigPlanChecks{PreApply: append([]plancheck.PlanCheck{
			plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
			plancheck.ExpectUnknownValue(resourceName, tfjsonpath.New("date_modified")),
			plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_created"), knownvalue.NotNull()),
		}, pre...)}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config(email, `first_name = "Jane"`, `last_name = "Doe"`, `source = "storefront"`, `consents = ["marketing_newsletter"]`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						firstID = v
						return nil
					})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("channel_id"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("order_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_created"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_modified"), knownvalue.NotNull()),
					statecheck.ExpectIdentityValueMatchesState(resourceName, tfjsonpath.New("id")),
				},
				Check: storeHas(t, want{email, "Jane", "Doe", "storefront", 0, 1, []string{"marketing_newsletter"}}),
			},
			{
				// Only what changed is sent.
				PreConfig:         writes.Start,
				Config:            config(email, `first_name = "Jane"`, `last_name = "Smith"`, `source = "storefront"`, `consents = ["marketing_newsletter", "abandoned_cart"]`),
				ConfigPlanChecks:  update(),
				ConfigStateChecks: []statecheck.StateCheck{sameID},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne(put, resourceName, `{"last_name": "Smith", "consents": ["abandoned_cart", "marketing_newsletter"]}`),
					storeHas(t, want{email, "Jane", "Smith", "storefront", 0, 1, []string{"abandoned_cart", "marketing_newsletter"}}),
				),
			},
			{
				// A subscription from an order, on another channel.
				PreConfig:        writes.Start,
				Config:           config(email, `first_name = "Jane"`, `last_name = "Smith"`, `source = "order"`, `order_id = 42`, `channel_id = 2`, `consents = ["marketing_newsletter", "abandoned_cart"]`),
				ConfigPlanChecks: update(),
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne(put, resourceName, `{"source": "order", "order_id": 42, "channel_id": 2}`),
					storeHas(t, want{email, "Jane", "Smith", "order", 42, 2, []string{"abandoned_cart", "marketing_newsletter"}}),
				),
			},
			{
				// Removing order_id sends null; an empty set withdraws every consent.
				PreConfig:        writes.Start,
				Config:           config(email, `first_name = "Jane"`, `last_name = "Smith"`, `source = "custom"`, `channel_id = 2`, `consents = []`),
				ConfigPlanChecks: update(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("order_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("consents"), knownvalue.SetExact(nil)),
				},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne(put, resourceName, `{"source": "custom", "order_id": null, "consents": []}`),
					storeHas(t, want{email, "Jane", "Smith", "custom", 0, 2, nil}),
				),
			},
			{
				// The e-mail in another case is the same e-mail: the state
				// takes the configuration's spelling, and nothing is written.
				PreConfig: noWrites.Start,
				Config:    config(strings.ToUpper(email), `first_name = "Jane"`, `last_name = "Smith"`, `source = "custom"`, `channel_id = 2`, `consents = []`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("email"), knownvalue.StringExact(strings.ToUpper(email))),
				},
				Check: resource.ComposeTestCheckFunc(
					noWrites.SentNone(put),
					storeHas(t, want{email, "Jane", "Smith", "custom", 0, 2, nil}),
				),
			},
			{
				// Removing a name clears it with "".
				PreConfig:        writes.Start,
				Config:           config(email, `last_name = "Smith"`, `source = "custom"`, `channel_id = 2`, `consents = []`),
				ConfigPlanChecks: update(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("first_name"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne(put, resourceName, `{"first_name": ""}`),
					storeHas(t, want{email, "", "Smith", "custom", 0, 2, nil}),
				),
			},
			{
				// A new e-mail is an update in place.
				PreConfig:         writes.Start,
				Config:            config(renamed, `last_name = "Smith"`, `source = "custom"`, `channel_id = 2`, `consents = []`),
				ConfigPlanChecks:  update(),
				ConfigStateChecks: []statecheck.StateCheck{sameID},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne(put, resourceName, fmt.Sprintf(`{"email": %q}`, renamed)),
					storeHas(t, want{renamed, "", "Smith", "custom", 0, 2, nil}),
				),
			},
		},
	})
}

// TestAccCustomerSubscriber_unmanagedNeverSent changes source, channel and
// consents in the store while the configuration leaves them out: no plan
// shows them, and an update sends only the managed attribute that changed.
func TestAccCustomerSubscriber_unmanagedNeverSent(t *testing.T) {
	seedChannel(t)
	email := acctest.RandomEmail("unmanaged")
	writes := acctest.RecordWrites(t)
	ctx := context.Background()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config(email, `first_name = "Jane"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("source"), knownvalue.StringExact("custom")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("consents"), knownvalue.SetExact(nil)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("last_name"), knownvalue.Null()),
				},
				Check: func(s *terraform.State) error {
					source, channel, consents := "storefront", 2, []string{"abandoned_cart"}
					_, err := acctest.Client(t).UpdateSubscriber(ctx, bigcommerce.SubscriberUpdate{ID: subscriberID(t, s), Source: &source, ChannelID: &channel, Consents: &consents})
					return err
				},
			},
			{
				Config: config(email, `first_name = "Jane"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("source"), knownvalue.StringExact("storefront")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("channel_id"), knownvalue.Int64Exact(2)),
				},
			},
			{
				PreConfig: writes.Start,
				Config:    config(email, `first_name = "Janet"`),
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne(put, resourceName, `{"first_name": "Janet"}`),
					storeHas(t, want{email, "Janet", "", "storefront", 0, 2, []string{"abandoned_cart"}}),
				),
			},
		},
	})
}

func TestAccCustomerSubscriber_driftAndOutOfBandDelete(t *testing.T) {
	email := acctest.RandomEmail("drift")
	cfg := config(email, `first_name = "Jane"`, `last_name = "Doe"`, `source = "storefront"`, `consents = ["marketing_newsletter"]`)
	ctx := context.Background()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) error {
					first, source, consents := "Drifted", "custom", []string{"abandoned_cart"}
					_, err := acctest.Client(t).UpdateSubscriber(ctx, bigcommerce.SubscriberUpdate{ID: subscriberID(t, s), FirstName: &first, Source: &source, Consents: &consents})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("first_name"), knownvalue.StringExact("Jane")),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("source"), knownvalue.StringExact("storefront")),
					},
				},
				Check: resource.ComposeTestCheckFunc(
					storeHas(t, want{email, "Jane", "Doe", "storefront", 0, 1, []string{"marketing_newsletter"}}),
					func(s *terraform.State) error {
						return acctest.Client(t).DeleteSubscriber(ctx, subscriberID(t, s))
					},
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate)},
				},
				Check: storeHas(t, want{email, "Jane", "Doe", "storefront", 0, 1, []string{"marketing_newsletter"}}),
			},
		},
	})
}

func TestAccCustomerSubscriber_import(t *testing.T) {
	email := acctest.RandomEmail("imp")
	cfg := config(email, `first_name = "Jane"`, `source = "order"`, `order_id = 7`, `consents = ["abandoned_cart"]`)
	badImport := func(id, want string) resource.TestStep {
		return resource.TestStep{Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateId: id, ExpectError: acctest.ExpectErrorText(want)}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		CheckDestroy:             checkDestroyed(t),
		Steps: append(acctest.ImportSteps(resourceName, cfg, "id"),
			// By e-mail, in another case.
			resource.TestStep{Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateId: strings.ToUpper(email), ImportStateVerify: true},
			resource.TestStep{
				Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateId: strings.ToUpper(email),
				ImportStateKind: resource.ImportBlockWithID,
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionNoop)},
				},
			},
			badImport("0", `Invalid import ID.*a subscriber id is a positive number, got "0"`),
			badImport("nobody-00000000@example.com", `Customer subscriber not found.*No subscriber of the store has the e-mail address "nobody-00000000@example.com" (in any case)`),
		),
	})
}

func TestAccCustomerSubscriber_validation(t *testing.T) {
	email := "plan-only@example.com"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(email, `source = "newsletter"`), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute source value must be one of: ["storefront" "order" "custom"], got: "newsletter"`)},
			{Config: config(email, `order_id = 42`), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`order_id requires source "order".*order_id.*may be set only together with source = "order"; here source is not set (the store then uses "custom"). Set source = "order", or remove order_id.`)},
			{Config: config(email, `source = "custom"`, `order_id = 42`), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`order_id requires source "order".*here source is "custom".`)},
			{Config: config(email, `consents = ["marketing_newsletter", "spam"]`), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`value must be one of: ["marketing_newsletter" "abandoned_cart"], got: "spam"`)},
			{Config: config(email, fmt.Sprintf(`first_name = %q`, strings.Repeat("x", 256))), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute first_name string length must be at most 255, got: 256`)},
			{Config: config(email, `channel_id = 0`), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute channel_id value must be between 1 and 2147483647, got: 0`)},
		},
	})
}

func TestAccCustomerSubscriber_emailTakenSaysHowToImport(t *testing.T) {
	ctx := context.Background()
	c := acctest.Client(t)
	email, other := acctest.RandomEmail("taken"), acctest.RandomEmail("other")
	existing, err := c.CreateSubscriber(ctx, bigcommerce.SubscriberCreate{Email: email, FirstName: "Set", LastName: "Elsewhere"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.DeleteSubscriber(ctx, existing.ID) })
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config(strings.ToUpper(email), `first_name = "Mine"`),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Customer subscriber already exists.*with bigcommerce_customer_subscriber.test,.*email = .*The store already has subscriber %[1]d with the e-mail %[2]s.*terraform import <resource address> %[1]d.*import {.*to = <resource address>.*id = "%[1]d".*}`,
					existing.ID, email)),
			},
			{Config: config(other, `first_name = "Mine"`)},
			{
				// An update to the e-mail another subscriber has names it.
				Config: config(email, `first_name = "Mine"`),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Customer subscriber e-mail already in use.*Subscriber %d already has the e-mail %s, so subscriber .* cannot take it`,
					existing.ID, email)),
			},
		},
	})
	if got, err := c.GetSubscriber(ctx, existing.ID); err != nil || got.FirstName != "Set" {
		t.Fatalf("the existing subscriber became %+v, %v", got, err)
	}
}
