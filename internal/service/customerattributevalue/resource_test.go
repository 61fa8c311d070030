package customerattributevalue_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
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

const resourceName = "bigcommerce_customer_attribute_value.test"

func TestAccCustomerAttributeValue_lifecycle(t *testing.T) {
	e := newEnv(t)
	var firstValueID int64
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: e.config("first", "tier", `"Gold"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("value"), knownvalue.StringExact("Gold")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("value_id"), knownvalue.Int64Func(func(v int64) error {
						firstValueID = v
						if v <= 0 {
							return fmt.Errorf("value_id %d", v)
						}
						return nil
					})),
					statecheck.CompareValuePairs(resourceName, tfjsonpath.New("customer_id"), "bigcommerce_customer.first", tfjsonpath.New("id"), sameText{}),
					statecheck.CompareValuePairs(resourceName, tfjsonpath.New("attribute_id"), "bigcommerce_customer_attribute.tier", tfjsonpath.New("id"), sameText{}),
				},
				Check: storeValueIs(t, "Gold"),
			},
			{
				// A new value is written in place.
				Config: e.config("first", "tier", `"Platinum"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("value"), knownvalue.StringExact("Platinum")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("value_id"), knownvalue.Int64Func(func(v int64) error {
						if v != firstValueID {
							return fmt.Errorf("value_id went from %d to %d; an update keeps it", firstValueID, v)
						}
						return nil
					})),
				},
				Check: storeValueIs(t, "Platinum"),
			},
			{
				// Another attribute is another value.
				Config: e.config("first", "note", `"Platinum"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(resourceName, tfjsonpath.New("attribute_id"), "bigcommerce_customer_attribute.note", tfjsonpath.New("id"), sameText{}),
				},
				Check: storeValueIs(t, "Platinum"),
			},
			{
				// So is another customer.
				Config: e.config("second", "note", `"Platinum"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(resourceName, tfjsonpath.New("customer_id"), "bigcommerce_customer.second", tfjsonpath.New("id"), sameText{}),
				},
				Check: storeValueIs(t, "Platinum"),
			},
			{
				ResourceName:      resourceName,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccCustomerAttributeValue_outOfBandChangeAndDelete(t *testing.T) {
	e := newEnv(t)
	cfg := e.config("first", "tier", `"Gold"`)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) error {
					cid, aid := pair(t, s)
					_, err := acctest.Client(t).UpsertAttributeValue(context.Background(), bigcommerce.AttributeValueUpsert{CustomerID: cid, AttributeID: aid, Value: "Bronze"})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("value"), knownvalue.StringExact("Gold")),
					},
				},
				Check: resource.ComposeTestCheckFunc(
					storeValueIs(t, "Gold"),
					func(s *terraform.State) error {
						cid, aid := pair(t, s)
						v, err := acctest.Client(t).GetAttributeValue(context.Background(), cid, aid)
						if err != nil {
							return err
						}
						return acctest.Client(t).DeleteAttributeValue(context.Background(), v.ID)
					},
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate)},
				},
				Check: storeValueIs(t, "Gold"),
			},
		},
	})
}

func TestAccCustomerAttributeValue_import(t *testing.T) {
	e := newEnv(t)
	cfg := e.config("first", "tier", `"Gold"`)
	badImport := func(id, want string) resource.TestStep {
		return resource.TestStep{Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateId: id, ExpectError: acctest.ExpectErrorText(want)}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		CheckDestroy:             checkDestroyed(t),
		Steps: append(acctest.ImportSteps(resourceName, cfg, "customer_id", "attribute_id"),
			badImport("12", `Invalid import ID.*Expected customer_id/attribute_id, such as 12/3 for customer 12's value of attribute 3; got "12": there is no slash.`),
			badImport("jane/3", `got "jane/3": the customer id "jane" is not a positive number.`),
			badImport("12/0", `got "12/0": the attribute id "0" is not a positive number.`),
		),
	})
}

func TestAccCustomerAttributeValue_alreadySetSaysHowToImport(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	c := acctest.Client(t)
	customer, err := c.CreateCustomer(ctx, bigcommerce.CustomerCreate{Email: acctest.RandomEmail("preset"), FirstName: "Jane", LastName: "Doe"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.DeleteCustomer(ctx, customer.ID) })
	attr := e.outOfBandAttribute("string")
	if _, err := c.UpsertAttributeValue(ctx, bigcommerce.AttributeValueUpsert{CustomerID: customer.ID, AttributeID: attr.ID, Value: "Set elsewhere"}); err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprintf("%d/%d", customer.ID, attr.ID)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      literalConfig(customer.ID, attr.ID, `"Mine"`),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Customer attribute value already exists.*Customer %d already has a value of attribute %d ("Set elsewhere").*terraform import <resource address> %s`, customer.ID, attr.ID, id)),
			},
		},
	})
	if v, err := c.GetAttributeValue(ctx, customer.ID, attr.ID); err != nil || v.Value != "Set elsewhere" {
		t.Fatalf("the existing value became %+v, %v", v, err)
	}
}

// TestAccCustomerAttributeValue_typeChecks covers values checked at plan
// time, when the attribute's id is known, and at apply time, when the
// attribute is created in the same run.
func TestAccCustomerAttributeValue_typeChecks(t *testing.T) {
	e := newEnv(t)
	number, date := e.outOfBandAttribute("number"), e.outOfBandAttribute("date")
	ctx := context.Background()
	customer, err := acctest.Client(t).CreateCustomer(ctx, bigcommerce.CustomerCreate{Email: acctest.RandomEmail("typed"), FirstName: "Jane", LastName: "Doe"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = acctest.Client(t).DeleteCustomer(ctx, customer.ID) })
	cid := customer.ID
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config:      literalConfig(cid, number.ID, `"large"`),
				PlanOnly:    true,
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Value does not suit the attribute's type.*with bigcommerce_customer_attribute_value.test.*Customer attribute %q (id %d) has type number, but "large" is not a number such as 42 or 3.5.`, number.Name, number.ID)),
			},
			{
				Config:      literalConfig(cid, date.ID, `"14/05/2024"`),
				PlanOnly:    true,
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Customer attribute %q (id %d) has type date, but "14/05/2024" is not a date: use YYYY-MM-DD such as 2024-05-14, or RFC 3339 such as 2024-05-14T09:34:00Z.`, date.Name, date.ID)),
			},
			{
				Config:      literalConfig(cid, 999999, `"x"`),
				PlanOnly:    true,
				ExpectError: acctest.ExpectErrorText(`Customer attribute not found.*The store has no customer attribute with id 999999.`),
			},
			{Config: literalConfig(cid, number.ID, `"-42.5"`), Check: storeValueIs(t, "-42.5")},
			{Config: literalConfig(cid, date.ID, `"2024-05-14"`), Check: storeValueIs(t, "2024-05-14")},
			{Config: literalConfig(cid, date.ID, `"2024-05-14T09:34:00Z"`), Check: storeValueIs(t, "2024-05-14T09:34:00Z")},
			{
				// Changing a valid value into an invalid one fails the plan too.
				Config:      literalConfig(cid, date.ID, `"yesterday"`),
				PlanOnly:    true,
				ExpectError: acctest.ExpectErrorText(`has type date, but "yesterday" is not a date`),
			},
			{
				// The attribute is created in the same run: its id is unknown
				// when the plan is made, so the check runs when Terraform plans
				// the value again during the apply, before anything is sent.
				Config: fmt.Sprintf(`
resource "bigcommerce_customer_attribute" "later" {
  name = %q
  type = "number"
}

resource "bigcommerce_customer_attribute_value" "test" {
  customer_id  = %d
  attribute_id = bigcommerce_customer_attribute.later.id
  value        = "large"
}
`, randomName("Later"), cid),
				ExpectError: acctest.ExpectErrorText(`Value does not suit the attribute's type.*with bigcommerce_customer_attribute_value.test.*has type number, but "large" is not a number`),
			},
		},
	})
}

func TestAccCustomerAttributeValue_validation(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: literalConfig(1, 1, strconv.Quote(strings.Repeat("x", 256))), PlanOnly: true, ExpectError: acctest.ExpectErrorText(`Attribute value string length must be at most 255, got: 256`)},
			{Config: literalConfig(0, 1, `"x"`), PlanOnly: true, ExpectError: acctest.ExpectErrorText(`Attribute customer_id value must be at least 1, got: 0`)},
			{Config: literalConfig(1, -2, `"x"`), PlanOnly: true, ExpectError: acctest.ExpectErrorText(`Attribute attribute_id value must be at least 1, got: -2`)},
		},
	})
}

// Helpers.

// env names a test's attributes and cleans up those made out of band.
type env struct {
	t              *testing.T
	tier, note     string
	first, second  string
	outOfBandAttrs []int
}

func newEnv(t *testing.T) *env {
	e := &env{t: t, tier: randomName("Tier"), note: randomName("Note"), first: acctest.RandomEmail("first"), second: acctest.RandomEmail("second")}
	t.Cleanup(func() {
		if err := acctest.Client(t).DeleteAttributes(context.Background(), e.outOfBandAttrs); err != nil {
			t.Errorf("cleaning up: %s", err)
		}
	})
	return e
}

func (e *env) outOfBandAttribute(typ string) *bigcommerce.Attribute {
	e.t.Helper()
	a, err := acctest.Client(e.t).CreateAttribute(context.Background(), bigcommerce.AttributeCreate{Name: randomName("Typed " + typ), Type: typ})
	if err != nil {
		e.t.Fatal(err)
	}
	e.outOfBandAttrs = append(e.outOfBandAttrs, a.ID)
	return a
}

// config declares two customers and two string attributes, and a value of
// one attribute for one customer.
func (e *env) config(customer, attribute, value string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer" "first" {
  email      = %q
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer" "second" {
  email      = %q
  first_name = "John"
  last_name  = "Doe"
}

resource "bigcommerce_customer_attribute" "tier" {
  name = %q
  type = "string"
}

resource "bigcommerce_customer_attribute" "note" {
  name = %q
  type = "string"
}

resource "bigcommerce_customer_attribute_value" "test" {
  customer_id  = bigcommerce_customer.%s.id
  attribute_id = bigcommerce_customer_attribute.%s.id
  value        = %s
}
`, e.first, e.second, e.tier, e.note, customer, attribute, value)
}

func literalConfig(customerID, attributeID int, value string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_attribute_value" "test" {
  customer_id  = %d
  attribute_id = %d
  value        = %s
}
`, customerID, attributeID, value)
}

func randomName(prefix string) string {
	return fmt.Sprintf("%s tf-acc-%08x", prefix, rand.Uint32())
}

// sameText compares values by their text, so that a number attribute can
// be compared with a string id: 12 and "12" are the same.
type sameText struct{}

func (sameText) CompareValues(values ...any) error {
	for _, v := range values[1:] {
		if fmt.Sprint(v) != fmt.Sprint(values[0]) {
			return fmt.Errorf("values differ: %v and %v", values[0], v)
		}
	}
	return nil
}

// pair reads the value's customer and attribute from the state, checking
// that its id is customer_id/attribute_id.
func pair(t *testing.T, s *terraform.State) (int, int) {
	t.Helper()
	rs := s.RootModule().Resources[resourceName].Primary
	cid, err1 := strconv.Atoi(rs.Attributes["customer_id"])
	aid, err2 := strconv.Atoi(rs.Attributes["attribute_id"])
	if err1 != nil || err2 != nil {
		t.Fatalf("customer_id %q, attribute_id %q", rs.Attributes["customer_id"], rs.Attributes["attribute_id"])
	}
	if want := fmt.Sprintf("%d/%d", cid, aid); rs.ID != want {
		t.Fatalf("id %q, want %q", rs.ID, want)
	}
	return cid, aid
}

func storeValueIs(t *testing.T, want string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		cid, aid := pair(t, s)
		v, err := acctest.Client(t).GetAttributeValue(context.Background(), cid, aid)
		if err != nil {
			return err
		}
		if v.Value != want {
			return fmt.Errorf("the store holds %q, want %q", v.Value, want)
		}
		return nil
	}
}

func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed(t, "bigcommerce_customer_attribute_value", func(c *bigcommerce.Client, rs *terraform.ResourceState) (string, error) {
		cid, _ := strconv.Atoi(rs.Primary.Attributes["customer_id"])
		aid, _ := strconv.Atoi(rs.Primary.Attributes["attribute_id"])
		_, err := c.GetAttributeValue(context.Background(), cid, aid)
		return fmt.Sprintf("customer %d's value of attribute %d", cid, aid), err
	})
}
