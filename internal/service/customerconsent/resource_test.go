package customerconsent_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

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

const resourceName = "bigcommerce_customer_consent.test"

// config is a customer and its consent; allow and deny are HCL lists, or ""
// to leave the attribute out.
func config(email, allow, deny string) string {
	var lists strings.Builder
	if allow != "" {
		fmt.Fprintf(&lists, "  allow = %s\n", allow)
	}
	if deny != "" {
		fmt.Fprintf(&lists, "  deny = %s\n", deny)
	}
	return fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email      = %q
  first_name = "Connie"
  last_name  = "Sent"
}

resource "bigcommerce_customer_consent" "test" {
  customer_id = bigcommerce_customer.test.id
%s}
`, email, lists.String())
}

func categories(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.SetExact(checks)
}

// storeConsent reads the consent of the state's customer from the store.
func storeConsent(t *testing.T, s *terraform.State) (*bigcommerce.CustomerConsent, error) {
	id, _ := strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
	return acctest.Client(t).GetCustomerConsent(context.Background(), id)
}

func TestAccCustomerConsent_lifecycle(t *testing.T) {
	email := acctest.RandomEmail("consent")
	writes := acctest.RecordWrites(t)
	var updatedAt string
	var lastID int
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config(email, `["essential", "functional"]`, `["targeting"]`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("allow"), categories("essential", "functional")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("deny"), categories("targeting")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("updated_at"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`))),
				},
				Check: func(s *terraform.State) error {
					got, err := storeConsent(t, s)
					if err != nil {
						return err
					}
					if !slices.Equal(got.Allow, []string{"essential", "functional"}) || !slices.Equal(got.Deny, []string{"targeting"}) {
						return fmt.Errorf("store holds %+v", got)
					}
					updatedAt = s.RootModule().Resources[resourceName].Primary.Attributes["updated_at"]
					lastID, _ = strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
					return nil
				},
			},
			{
				// A refresh in a later second does not move updated_at,
				// although GET answers the time of the call.
				PreConfig: func() { sleepToNextSecond() },
				Config:    config(email, `["essential", "functional"]`, `["targeting"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttrWith(resourceName, "updated_at", func(v string) error {
					if v != updatedAt {
						return fmt.Errorf("updated_at moved from %s to %s on a refresh", updatedAt, v)
					}
					return nil
				}),
			},
			{
				// Only deny changes: only deny is sent.
				PreConfig: writes.Start,
				Config:    config(email, `["essential", "functional"]`, `["targeting", "analytics"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				Check: writes.SentOne("PUT /v3/customers/{id}/consent", resourceName, `{"deny":["analytics","targeting"]}`),
			},
			{
				// Changed outside Terraform: the plan repairs it.
				PreConfig: func() {
					allow := []string{"essential"}
					if _, err := acctest.Client(t).UpdateCustomerConsent(context.Background(), lastID, bigcommerce.ConsentUpdate{Allow: &allow}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(email, `["essential", "functional"]`, `["targeting", "analytics"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("allow"), categories("essential", "functional")),
				},
			},
			{
				// Left out of the configuration, deny is the store's and unchanged.
				Config: config(email, `["essential", "functional"]`, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("deny"), categories("analytics", "targeting")),
				},
			},
			{
				// Removed from the configuration: Terraform stops managing
				// the consent and the store keeps it.
				Config: `
resource "bigcommerce_customer" "test" {
  email      = "` + email + `"
  first_name = "Connie"
  last_name  = "Sent"
}
`,
				Check: func(*terraform.State) error {
					got, err := acctest.Client(t).GetCustomerConsent(context.Background(), lastID)
					if err != nil {
						return err
					}
					if !slices.Equal(got.Allow, []string{"essential", "functional"}) {
						return fmt.Errorf("destroy changed the consent: %+v", got)
					}
					return nil
				},
			},
		},
	})
}

func TestAccCustomerConsent_import(t *testing.T) {
	cfg := config(acctest.RandomEmail("consent-import"), `["essential"]`, `["analytics"]`)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateVerify: true,
				// GET answers the time of the call as updated_at.
				ImportStateVerifyIgnore: []string{"updated_at"},
			},
			{
				Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionNoop)}},
			},
			{
				Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionNoop)}},
			},
		},
	})
}

func TestAccCustomerConsent_customerDeletedOutsideTerraform(t *testing.T) {
	cfg := config(acctest.RandomEmail("consent-gone"), `["essential"]`, "")
	var customerID int
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) error {
					customerID, _ = strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
					return nil
				},
			},
			{
				PreConfig: func() {
					if err := acctest.Client(t).DeleteCustomers(context.Background(), []int{customerID}); err != nil {
						t.Fatal(err)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("allow"), categories("essential")),
				},
			},
		},
	})
}

func TestAccCustomerConsent_validation(t *testing.T) {
	for name, tc := range map[string]struct{ allow, deny, want string }{
		"unknown category":           {`["cookies"]`, "", `value must be one of`},
		"allowed and denied at once": {`["analytics"]`, `["analytics"]`, `"analytics" is in both allow and deny`},
	} {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      config("valid@example.com", tc.allow, tc.deny),
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(regexp.QuoteMeta(tc.want)),
				}},
			})
		})
	}
}

// sleepToNextSecond waits for the clock's next second, so that a time the
// store answers differs from one answered before.
func sleepToNextSecond() {
	time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second)))
}
