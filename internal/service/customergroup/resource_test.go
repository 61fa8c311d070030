package customergroup_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

const resourceName = "bigcommerce_customer_group.test"

func TestAccCustomerGroup_basic(t *testing.T) {
	name := randomName("basic")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configBasic(name),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[1-9][0-9]*$`))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					// Omitted optional attributes show the store's defaults.
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("is_group_for_guests"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("category_access"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"type": knownvalue.StringExact("all"), "categories": knownvalue.Null(),
					})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("discount_rules"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_created"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\d`))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_modified"), knownvalue.NotNull()),
				},
			},
			{
				ResourceName:      resourceName,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccCustomerGroup_allAttributesAndUpdate(t *testing.T) {
	name := randomName("full")
	renamed := randomName("renamed")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
resource "bigcommerce_customer_group" "test" {
  name                = %q
  is_default          = true
  is_group_for_guests = true
  category_access = {
    type       = "specific"
    categories = [18, 19]
  }
  discount_rules = [
    { type = "all", method = "percent", amount = 12.5 },
    { type = "category", method = "fixed", amount = 43.15, category_id = 18 },
    { type = "product", method = "price", amount = 0.1, product_id = 3 },
  ]
  timeouts = {
    create = "5m"
  }
}
`, name),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(resourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("is_default"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("is_group_for_guests"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("category_access"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"type":       knownvalue.StringExact("specific"),
						"categories": knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(18), knownvalue.Int64Exact(19)}),
					})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("discount_rules"), knownvalue.ListExact([]knownvalue.Check{
						rule("all", "percent", "12.5", 0, 0, 0),
						rule("category", "fixed", "43.15", 18, 0, 0),
						rule("product", "price", "0.1", 0, 3, 0),
					})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("timeouts"), knownvalue.ObjectPartial(map[string]knownvalue.Check{"create": knownvalue.StringExact("5m")})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_created"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_modified"), knownvalue.NotNull()),
				},
				Check: func(s *terraform.State) error {
					g := storeGroup(t, s)
					want := []bigcommerce.DiscountRule{
						{Type: "all", Method: "percent", Amount: "12.5"},
						{Type: "category", Method: "fixed", Amount: "43.15", CategoryID: 18},
						{Type: "product", Method: "price", Amount: "0.1", ProductID: 3},
					}
					if err := sameRules(want, g.DiscountRules); err != nil {
						return err
					}
					if !g.IsDefault || !g.IsGroupForGuests || g.CategoryAccess.Type != "specific" || len(g.CategoryAccess.Categories) != 2 {
						return fmt.Errorf("store holds %+v", g)
					}
					return nil
				},
			},
			{
				// Every attribute changes in place, and the rules are replaced.
				Config: fmt.Sprintf(`
resource "bigcommerce_customer_group" "test" {
  name                = %q
  is_default          = false
  is_group_for_guests = false
  category_access = {
    type = "none"
  }
  discount_rules = [
    { type = "category", method = "percent", amount = 7.25, category_id = 18 },
    { type = "category", method = "percent", amount = 100, category_id = 21 },
    { type = "all", method = "fixed", amount = 2 },
  ]
}
`, renamed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(resourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("name"), knownvalue.StringExact(renamed)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("is_group_for_guests"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("category_access"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"type": knownvalue.StringExact("none"), "categories": knownvalue.Null(),
					})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("discount_rules"), knownvalue.ListExact([]knownvalue.Check{
						rule("category", "percent", "7.25", 18, 0, 0),
						rule("category", "percent", "100", 21, 0, 0),
						rule("all", "fixed", "2", 0, 0, 0),
					})),
				},
				Check: func(s *terraform.State) error {
					g := storeGroup(t, s)
					if g.Name != renamed || g.IsDefault || g.IsGroupForGuests || g.CategoryAccess.Type != "none" {
						return fmt.Errorf("store holds %+v", g)
					}
					return sameRules([]bigcommerce.DiscountRule{
						{Type: "category", Method: "percent", Amount: "7.25", CategoryID: 18},
						{Type: "category", Method: "percent", Amount: "100", CategoryID: 21},
						{Type: "all", Method: "fixed", Amount: "2"},
					}, g.DiscountRules)
				},
			},
			{
				// A price list replaces the other rules; category_access, now
				// omitted, keeps the store's value.
				Config: fmt.Sprintf(`
resource "bigcommerce_customer_group" "test" {
  name = %q
  discount_rules = [
    { type = "price_list", price_list_id = 3 },
  ]
}
`, renamed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(resourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("category_access").AtMapKey("type"), knownvalue.StringExact("none")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("discount_rules"), knownvalue.ListExact([]knownvalue.Check{
						rule("price_list", "", "", 0, 0, 3),
					})),
				},
				Check: func(s *terraform.State) error {
					return sameRules([]bigcommerce.DiscountRule{{Type: "price_list", PriceListID: 3}}, storeGroup(t, s).DiscountRules)
				},
			},
			{
				// Removing discount_rules removes them from the store.
				Config: configBasic(renamed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(resourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("discount_rules"), knownvalue.Null()),
				},
				Check: func(s *terraform.State) error {
					if rules := storeGroup(t, s).DiscountRules; len(rules) != 0 {
						return fmt.Errorf("store still holds rules %+v", rules)
					}
					return nil
				},
			},
			{
				Config:            configBasic(renamed),
				ResourceName:      resourceName,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccCustomerGroup_disappears(t *testing.T) {
	name := randomName("gone")
	var firstID string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configBasic(name),
				Check: func(s *terraform.State) error {
					firstID = s.RootModule().Resources[resourceName].Primary.ID
					id, _ := strconv.Atoi(firstID)
					return acctest.Client(t).DeleteCustomerGroup(context.Background(), id)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: configBasic(name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate)},
				},
				Check: func(s *terraform.State) error {
					if id := s.RootModule().Resources[resourceName].Primary.ID; id == firstID {
						return fmt.Errorf("expected a new group, still %s", id)
					}
					return nil
				},
			},
		},
	})
}

func TestAccCustomerGroup_driftIsShownAndCorrected(t *testing.T) {
	name := randomName("drift")
	config := configWithRule(name, "category", "percent", "5", 18)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					g := storeGroup(t, s)
					_, err := acctest.Client(t).UpdateCustomerGroup(context.Background(), g.ID, bigcommerce.CustomerGroupInput{
						Name:           g.Name,
						CategoryAccess: &bigcommerce.CategoryAccess{Type: "none"},
						DiscountRules:  &[]bigcommerce.DiscountRule{{Type: "all", Method: "percent", Amount: "50"}},
					})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("category_access").AtMapKey("type"), knownvalue.StringExact("all")),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("discount_rules"), knownvalue.ListExact([]knownvalue.Check{
							rule("category", "percent", "5", 18, 0, 0),
						})),
					},
				},
				Check: func(s *terraform.State) error {
					g := storeGroup(t, s)
					if g.CategoryAccess.Type != "all" {
						return fmt.Errorf("category access not corrected: %+v", g.CategoryAccess)
					}
					return sameRules([]bigcommerce.DiscountRule{{Type: "category", Method: "percent", Amount: "5", CategoryID: 18}}, g.DiscountRules)
				},
			},
		},
	})
}

func TestAccCustomerGroup_importBlocks(t *testing.T) {
	name := randomName("import")
	config := configWithRule(name, "all", "fixed", "3.5", 0)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: append(acctest.ImportSteps(resourceName, config),
			resource.TestStep{
				Config:        config,
				ResourceName:  resourceName,
				ImportState:   true,
				ImportStateId: "wholesale",
				ExpectError:   regexp.MustCompile(`(?s)Invalid import ID.*numeric id, such as 12`),
			},
		),
	})
}

func TestAccCustomerGroup_importByIdentity(t *testing.T) {
	name := randomName("identity")
	config := configBasic(name)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		CheckDestroy:             checkDestroyed(t),
		Steps:                    acctest.ImportSteps(resourceName, config, "id"),
	})
}

func TestAccCustomerGroup_duplicateNameSaysHowToImport(t *testing.T) {
	name := randomName("taken")
	existing, err := acctest.Client(t).CreateCustomerGroup(context.Background(), bigcommerce.CustomerGroupInput{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = acctest.Client(t).DeleteCustomerGroup(context.Background(), existing.ID) })
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      configBasic(name),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Customer group name already exists.*terraform import <resource address> %d`, existing.ID)),
			},
		},
	})
}

// TestAccCustomerGroup_discountRulesNotSaved makes the store answer 207 (the
// group saved, its discount rules not) and expects an error naming
// discount_rules, then a clean retry once the store recovers.
func TestAccCustomerGroup_discountRulesNotSaved(t *testing.T) {
	store := acctest.Sandbox(t)
	t.Cleanup(func() { store.SetFaults(sandbox.Faults{}) })
	before := store.Stats().InjectedFaults["group_discount_207"]
	failDiscounts := func() { store.SetFaults(sandbox.Faults{GroupDiscount207: true}) }
	heal := func() { store.SetFaults(sandbox.Faults{}) }
	name := randomName("partial")
	notSaved := regexp.MustCompile(`(?s)Discount rules not saved.*did not save its discount_rules.*207`)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				PreConfig:   failDiscounts,
				Config:      configWithRule(name, "all", "percent", "10", 0),
				ExpectError: notSaved,
			},
			{
				// The group was kept in the state, tainted, so it is replaced
				// rather than created a second time.
				PreConfig: func() {
					heal()
					if n := countNamed(t, name); n != 1 {
						t.Fatalf("%d groups named %s after the 207, want 1", n, name)
					}
				},
				Config: configWithRule(name, "all", "percent", "10", 0),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: func(s *terraform.State) error {
					return sameRules([]bigcommerce.DiscountRule{{Type: "all", Method: "percent", Amount: "10"}}, storeGroup(t, s).DiscountRules)
				},
			},
			{
				PreConfig:   failDiscounts,
				Config:      configWithRule(name, "all", "percent", "20", 0),
				ExpectError: notSaved,
			},
			{
				// The state holds the rules the store kept, so the change is
				// planned again.
				PreConfig: heal,
				Config:    configWithRule(name, "all", "percent", "20", 0),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("discount_rules"), knownvalue.ListExact([]knownvalue.Check{rule("all", "percent", "20", 0, 0, 0)})),
					},
				},
				Check: func(s *terraform.State) error {
					return sameRules([]bigcommerce.DiscountRule{{Type: "all", Method: "percent", Amount: "20"}}, storeGroup(t, s).DiscountRules)
				},
			},
		},
	})
	if n := store.Stats().InjectedFaults["group_discount_207"] - before; n != 4 {
		t.Errorf("the store answered 207 %d times, want 4 (two requests, each retried once)", n)
	}
}

// TestAccCustomerGroup_customerMembership puts a customer in a group, then
// deletes the group: the customer stays, with no group.
func TestAccCustomerGroup_customerMembership(t *testing.T) {
	name := randomName("members")
	email := acctest.RandomEmail("member")
	var groupID, customerID int
	customer := func(group string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer" "member" {
  email      = %q
  first_name = "Jane"
  last_name  = "Doe"
  %s
}
`, email, group)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configBasic(name) + customer("customer_group_id = bigcommerce_customer_group.test.id"),
				Check: func(s *terraform.State) error {
					groupID, _ = strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
					member := s.RootModule().Resources["bigcommerce_customer.member"].Primary
					customerID, _ = strconv.Atoi(member.ID)
					if got := member.Attributes["customer_group_id"]; got != strconv.Itoa(groupID) {
						return fmt.Errorf("customer_group_id in state is %q, want the group's id %d", got, groupID)
					}
					c, err := acctest.Client(t).GetCustomer(context.Background(), customerID)
					if err != nil {
						return err
					}
					if c.CustomerGroupID != groupID {
						return fmt.Errorf("customer is in group %d, want %d", c.CustomerGroupID, groupID)
					}
					return nil
				},
			},
			{
				// Only the group goes; the customer is left as it is.
				Config: customer("lifecycle {\n    ignore_changes = [customer_group_id]\n  }"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionDestroy),
						plancheck.ExpectResourceAction("bigcommerce_customer.member", plancheck.ResourceActionNoop),
					},
				},
				Check: func(*terraform.State) error {
					client := acctest.Client(t)
					if _, err := client.GetCustomerGroup(context.Background(), groupID); !errors.Is(err, bigcommerce.ErrNotFound) {
						return fmt.Errorf("group %d still readable: %v", groupID, err)
					}
					c, err := client.GetCustomer(context.Background(), customerID)
					if err != nil {
						return fmt.Errorf("the customer did not survive its group's deletion: %w", err)
					}
					if c.CustomerGroupID != 0 {
						return fmt.Errorf("customer still in group %d", c.CustomerGroupID)
					}
					return nil
				},
			},
		},
	})
}

func TestAccCustomerGroup_planTimeValidation(t *testing.T) {
	withRules := func(rules string) string {
		return fmt.Sprintf("resource \"bigcommerce_customer_group\" \"test\" {\n  name = \"v\"\n  discount_rules = [\n    %s\n  ]\n}\n", rules)
	}
	withAccess := func(access string) string {
		return fmt.Sprintf("resource \"bigcommerce_customer_group\" \"test\" {\n  name = \"v\"\n  category_access = %s\n}\n", access)
	}
	cases := []struct {
		config string
		want   string
	}{
		{`resource "bigcommerce_customer_group" "test" { name = "" }`, `Attribute name string length must be between 1 and 255`},
		{withAccess(`{ type = "some" }`), `Attribute category_access.type value must be one of: \["all" "specific" "none"\], got: "some"`},
		{withAccess(`{ categories = [1] }`), `Missing category_access.type.*category_access.type is required when category_access is set`},
		{withAccess(`{ type = "specific" }`), `Missing category_access.categories.*category_access.categories is required when category_access.type is "specific"`},
		{withAccess(`{ type = "all", categories = [1] }`), `Unexpected category_access.categories.*allowed only when category_access.type is "specific", not "all"`},
		{withAccess(`{ type = "specific", categories = [] }`), `Attribute category_access.categories set must contain at least 1 elements`},
		{withAccess(`{ type = "specific", categories = [0] }`), `Attribute category_access.categories\[Value\(0\)\] value must be at least 1`},
		{withRules(`{ type = "brand", method = "percent", amount = 1 }`), `Attribute discount_rules\[0\]\.type value must be one of`},
		{withRules(`{ type = "all", method = "half", amount = 1 }`), `Attribute discount_rules\[0\]\.method value must be one of: \["percent" "fixed" "price"\]`},
		{withRules(`{ type = "all", method = "fixed", amount = -1 }`), `Attribute discount_rules\[0\]\.amount must be zero or more; got -1`},
		{withRules(`{ type = "all", method = "percent", amount = 100.5 }`), `Percentage over 100.*discount_rules\[0\]\.amount must be at most 100 when method is "percent"; got 100.5`},
		{withRules(`{ type = "all", method = "fixed", amount = 1.23456 }`), `Too many decimal places.*discount_rules\[0\]\.amount must have at most 4 decimal places`},
		{withRules(`{ type = "all", amount = 1 }`), `Missing method.*discount_rules\[0\]\.method is required in a "all" discount rule`},
		{withRules(`{ type = "all", method = "fixed" }`), `Missing amount.*discount_rules\[0\]\.amount is required in a "all" discount rule`},
		{withRules(`{ type = "category", method = "fixed", amount = 1 }`), `Missing category_id.*discount_rules\[0\]\.category_id is required in a "category" discount rule`},
		{withRules(`{ type = "product", method = "fixed", amount = 1 }`), `Missing product_id.*discount_rules\[0\]\.product_id is required in a "product" discount rule`},
		{withRules(`{ type = "price_list" }`), `Missing price_list_id.*discount_rules\[0\]\.price_list_id is required in a "price_list" discount rule`},
		{withRules(`{ type = "category", method = "fixed", amount = 1, category_id = 2, product_id = 3 }`), `Unexpected product_id.*discount_rules\[0\]\.product_id does not apply to a "category" discount rule`},
		{withRules(`{ type = "all", method = "fixed", amount = 1, price_list_id = 3 }`), `Unexpected price_list_id.*discount_rules\[0\]\.price_list_id does not apply to a "all" discount rule`},
		{withRules(`{ type = "price_list", price_list_id = 1, method = "percent" }`), `Unexpected method.*discount_rules\[0\]\.method does not apply to a "price_list" discount rule`},
		{withRules(`{ type = "category", method = "fixed", amount = 1, category_id = 0 }`), `Attribute discount_rules\[0\]\.category_id value must be at least 1`},
		{withRules(`{ type = "price_list", price_list_id = 1 },
    { type = "all", method = "fixed", amount = 1 }`), `A price list rule must be alone`},
		{withRules(`{ type = "all", method = "fixed", amount = 1 },
    { type = "all", method = "percent", amount = 2 }`), `More than one storewide rule.*holds 2 rules of type "all"`},
		{withRules(`{ type = "category", method = "fixed", amount = 1, category_id = 5 },
    { type = "category", method = "percent", amount = 2, category_id = 5 }`), `Duplicate discount rule.*discount_rules\[1\]\.category_id: category 5 already has a discount rule \(discount_rules\[0\]\)`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		// Terraform wraps long messages, so any space may be a line break.
		pattern := `(?s)` + strings.ReplaceAll(c.want, " ", `\s+`)
		steps = append(steps, resource.TestStep{Config: c.config, PlanOnly: true, ExpectError: regexp.MustCompile(pattern)})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
}

// Helpers.

func randomName(prefix string) string {
	return fmt.Sprintf("tf-acc-%s-%08x", prefix, rand.Uint32())
}

func configBasic(name string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_group" "test" {
  name = %q
}
`, name)
}

// configWithRule is a group with category_access "all" and one rule;
// target is the category or product id, if the type takes one.
func configWithRule(name, typ, method, amount string, target int) string {
	targetAttr := ""
	switch typ {
	case "category":
		targetAttr = fmt.Sprintf(", category_id = %d", target)
	case "product":
		targetAttr = fmt.Sprintf(", product_id = %d", target)
	}
	return fmt.Sprintf(`
resource "bigcommerce_customer_group" "test" {
  name = %q
  category_access = {
    type = "all"
  }
  discount_rules = [
    { type = %q, method = %q, amount = %s%s },
  ]
}
`, name, typ, method, amount, targetAttr)
}

// rule checks one discount rule in state; "" and 0 mean null.
func rule(typ, method, amount string, categoryID, productID, priceListID int64) knownvalue.Check {
	str := func(s string) knownvalue.Check {
		if s == "" {
			return knownvalue.Null()
		}
		return knownvalue.StringExact(s)
	}
	id := func(n int64) knownvalue.Check {
		if n == 0 {
			return knownvalue.Null()
		}
		return knownvalue.Int64Exact(n)
	}
	var amountCheck knownvalue.Check = knownvalue.Null()
	if amount != "" {
		amountCheck = knownvalue.NumberExact(mustDecimal(amount))
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"type": knownvalue.StringExact(typ), "method": str(method), "amount": amountCheck,
		"category_id": id(categoryID), "product_id": id(productID), "price_list_id": id(priceListID),
	})
}

func mustDecimal(s string) *big.Float {
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return f
}

// sameRules compares rules as the store holds them, amounts as numbers.
func sameRules(want, got []bigcommerce.DiscountRule) error {
	if len(want) != len(got) {
		return fmt.Errorf("store holds %d discount rules %+v, want %d %+v", len(got), got, len(want), want)
	}
	for i := range want {
		if !bigcommerce.SameDiscountRule(want[i], got[i]) {
			return fmt.Errorf("store's discount rule %d is %+v, want %+v", i, got[i], want[i])
		}
	}
	return nil
}

func storeGroup(t *testing.T, s *terraform.State) *bigcommerce.CustomerGroup {
	t.Helper()
	id, err := strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
	if err != nil {
		t.Fatal(err)
	}
	g, err := acctest.Client(t).GetCustomerGroup(context.Background(), id)
	if err != nil {
		t.Fatalf("reading customer group %d from the store: %s", id, err)
	}
	return g
}

func countNamed(t *testing.T, name string) int {
	t.Helper()
	groups, err := acctest.Client(t).ListCustomerGroups(context.Background(), bigcommerce.CustomerGroupFilter{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return len(groups)
}

func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		client := acctest.Client(t)
		for _, rs := range s.RootModule().Resources {
			id, _ := strconv.Atoi(rs.Primary.ID)
			switch rs.Type {
			case "bigcommerce_customer_group":
				if _, err := client.GetCustomerGroup(context.Background(), id); !errors.Is(err, bigcommerce.ErrNotFound) {
					return fmt.Errorf("customer group %d still exists after destroy (err = %v)", id, err)
				}
			case "bigcommerce_customer":
				if got, err := client.GetCustomers(context.Background(), []int{id}); err != nil || len(got) != 0 {
					return fmt.Errorf("customer %d still exists after destroy (err = %v)", id, err)
				}
			}
		}
		return nil
	}
}
