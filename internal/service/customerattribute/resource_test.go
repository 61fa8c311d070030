package customerattribute_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
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

const resourceName = "bigcommerce_customer_attribute.test"

func TestAccCustomerAttribute_lifecycle(t *testing.T) {
	name := randomName("Loyalty tier")
	renamed := randomName("Tier")
	var firstID string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config(name, "string"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("type"), knownvalue.StringExact("string")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_created"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_modified"), knownvalue.NotNull()),
				},
				Check: func(s *terraform.State) error {
					firstID = s.RootModule().Resources[resourceName].Primary.ID
					return nil
				},
			},
			{
				// A new name renames the attribute in place.
				Config: config(renamed, "string"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("name"), knownvalue.StringExact(renamed)),
				},
				Check: func(s *terraform.State) error {
					if a := storeAttribute(t, s); a.Name != renamed || strconv.Itoa(a.ID) != firstID {
						return fmt.Errorf("store holds %+v, want attribute %s named %q", a, firstID, renamed)
					}
					return nil
				},
			},
			{
				// A new type replaces it: BigCommerce cannot change a type.
				Config: config(renamed, "date"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("type"), knownvalue.StringExact("date")),
				},
				Check: func(s *terraform.State) error {
					if id := s.RootModule().Resources[resourceName].Primary.ID; id == firstID {
						return fmt.Errorf("expected a new attribute, still %s", id)
					}
					return nil
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

func TestAccCustomerAttribute_outOfBandChanges(t *testing.T) {
	name := randomName("Drift")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config(name, "number"),
				Check: func(s *terraform.State) error {
					a := storeAttribute(t, s)
					_, err := acctest.Client(t).UpdateAttribute(context.Background(), bigcommerce.AttributeUpdate{ID: a.ID, Name: name + " changed"})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				// The rename is shown and undone.
				Config: config(name, "number"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					},
				},
				Check: func(s *terraform.State) error {
					if a := storeAttribute(t, s); a.Name != name {
						return fmt.Errorf("drift not corrected: name %q", a.Name)
					}
					return acctest.Client(t).DeleteAttribute(context.Background(), storeAttribute(t, s).ID)
				},
				// Deleted out of band at the end of the step: the refresh
				// finds it gone and plans to create it.
				ExpectNonEmptyPlan: true,
			},
			{
				Config: config(name, "number"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}

func TestAccCustomerAttribute_import(t *testing.T) {
	name := randomName("Imported")
	cfg := config(name, "string")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		CheckDestroy:             checkDestroyed(t),
		Steps: append(acctest.ImportSteps(resourceName, cfg, "id"),
			resource.TestStep{
				Config:        cfg,
				ResourceName:  resourceName,
				ImportState:   true,
				ImportStateId: "tier",
				ExpectError:   regexp.MustCompile(`(?s)Invalid import ID.*numeric id \(such as 12\), got "tier"`),
			},
		),
	})
}

func TestAccCustomerAttribute_validation(t *testing.T) {
	long := make([]byte, 256)
	for i := range long {
		long[i] = 'x'
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("", "string"), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Attribute name string length must be between 1 and 255`)},
			{Config: config(string(long), "string"), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Attribute name string length must be between 1 and 255, got: 256`)},
			{Config: config("x", "boolean"), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Attribute type value must be one of: \["string" "number" "date"\], got:\s+"boolean"`)},
		},
	})
}

func TestAccCustomerAttribute_nameTakenSaysHowToImport(t *testing.T) {
	name := randomName("Taken")
	existing, err := acctest.Client(t).CreateAttribute(context.Background(), bigcommerce.AttributeCreate{Name: name, Type: "string"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = acctest.Client(t).DeleteAttribute(context.Background(), existing.ID) })
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config(name, "string"),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`name already in use.*(id %d, type string).*terraform import <resource address> %d`, existing.ID, existing.ID)),
			},
		},
	})
}

// TestAccCustomerAttribute_storeLimit fills the store to its 50 attributes
// out of band; against a real store that would disturb the merchant's
// attributes, so it runs against the sandbox only.
func TestAccCustomerAttribute_storeLimit(t *testing.T) {
	acctest.Sandbox(t)
	ctx := context.Background()
	c := acctest.Client(t)
	have, err := c.ListAttributes(ctx, bigcommerce.AttributeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var fill []bigcommerce.AttributeCreate
	for i := len(have); i < bigcommerce.MaxCustomerAttributes; i++ {
		fill = append(fill, bigcommerce.AttributeCreate{Name: randomName(fmt.Sprintf("Filler %02d", i)), Type: "string"})
	}
	created, err := c.CreateAttributes(ctx, fill)
	t.Cleanup(func() {
		ids := make([]int, len(created))
		for i, a := range created {
			ids[i] = a.ID
		}
		if err := c.DeleteAttributes(ctx, ids); err != nil {
			t.Errorf("cleaning up: %s", err)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config(randomName("One too many"), "string"),
				ExpectError: acctest.ExpectErrorText(`Too many customer attributes.*the store allows at most 50 customer attributes and already has 50`),
			},
		},
	})
}

// Helpers.

func config(name, typ string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_attribute" "test" {
  name = %q
  type = %q
}
`, name, typ)
}

// randomName keeps tests against a real store apart from each other and
// from the merchant's attributes.
func randomName(prefix string) string {
	return fmt.Sprintf("%s tf-acc-%08x", prefix, rand.Uint32())
}

func storeAttribute(t *testing.T, s *terraform.State) *bigcommerce.Attribute {
	t.Helper()
	id, err := strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := acctest.Client(t).GetAttribute(context.Background(), id)
	if err != nil {
		t.Fatalf("reading attribute %d from the store: %s", id, err)
	}
	return a
}

func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed(t, "bigcommerce_customer_attribute", func(c *bigcommerce.Client, rs *terraform.ResourceState) (string, error) {
		id, _ := strconv.Atoi(rs.Primary.ID)
		_, err := c.GetAttribute(context.Background(), id)
		return fmt.Sprintf("customer attribute %d", id), err
	})
}
