package customeraddress_test

import (
	"context"
	"fmt"
	"regexp"
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

const resourceName = "bigcommerce_customer_address.test"

func TestAccCustomerAddress_allAttributesUpdateAndClear(t *testing.T) {
	owner := acctest.RandomEmail("address")
	var firstID string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configAddress(owner, `
  first_name        = "Jane"
  last_name         = "Doe"
  company           = "Acme Corp"
  address1          = "111 E West Street"
  address2          = "Suite 654"
  city              = "Akron"
  state_or_province = "Ohio"
  postal_code       = "44325"
  country_code      = "US"
  phone             = "555-123-4567"
  address_type      = "commercial"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("first_name"), knownvalue.StringExact("Jane")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("last_name"), knownvalue.StringExact("Doe")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("company"), knownvalue.StringExact("Acme Corp")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("address1"), knownvalue.StringExact("111 E West Street")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("address2"), knownvalue.StringExact("Suite 654")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("city"), knownvalue.StringExact("Akron")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("state_or_province"), knownvalue.StringExact("Ohio")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("postal_code"), knownvalue.StringExact("44325")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("country_code"), knownvalue.StringExact("US")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("country"), knownvalue.StringExact("United States")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("phone"), knownvalue.StringExact("555-123-4567")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("address_type"), knownvalue.StringExact("commercial")),
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair(resourceName, "customer_id", "bigcommerce_customer.owner", "id"),
					func(s *terraform.State) error {
						firstID = s.RootModule().Resources[resourceName].Primary.ID
						return nil
					},
				),
			},
			{
				// Every field but the customer changes in place; the country's
				// name follows its code.
				Config: configAddress(owner, `
  first_name        = "Janet"
  last_name         = "Roe"
  company           = "Globex"
  address1          = "1 Yonge Street"
  address2          = "Floor 2"
  city              = "Toronto"
  state_or_province = "Ontario"
  postal_code       = "M5E 1W7"
  country_code      = "CA"
  phone             = "555-000-0000"
  address_type      = "residential"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(resourceName, tfjsonpath.New("country")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("first_name"), knownvalue.StringExact("Janet")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("last_name"), knownvalue.StringExact("Roe")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("company"), knownvalue.StringExact("Globex")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("address1"), knownvalue.StringExact("1 Yonge Street")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("address2"), knownvalue.StringExact("Floor 2")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("city"), knownvalue.StringExact("Toronto")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("state_or_province"), knownvalue.StringExact("Ontario")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("postal_code"), knownvalue.StringExact("M5E 1W7")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("country_code"), knownvalue.StringExact("CA")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("country"), knownvalue.StringExact("Canada")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("phone"), knownvalue.StringExact("555-000-0000")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("address_type"), knownvalue.StringExact("residential")),
				},
				Check: func(s *terraform.State) error {
					if id := s.RootModule().Resources[resourceName].Primary.ID; id != firstID {
						return fmt.Errorf("updated in place expected, but the id went from %s to %s", firstID, id)
					}
					return nil
				},
			},
			{
				// Removing optional attributes clears them in the store; the
				// country name is known at plan time while the code stays.
				Config: configAddress(owner, `
  first_name        = "Janet"
  last_name         = "Roe"
  address1          = "1 Yonge Street"
  city              = "Toronto"
  state_or_province = "Ontario"
  postal_code       = "M5E 1W7"
  country_code      = "CA"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("country"), knownvalue.StringExact("Canada")),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("address_type"), knownvalue.StringExact("residential")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("company"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("address2"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("phone"), knownvalue.Null()),
				},
				Check: func(s *terraform.State) error {
					a := storeAddress(t, s)
					if a.Company != "" || a.Address2 != "" || a.Phone != "" {
						return fmt.Errorf("optional fields not cleared in the store: company=%q address2=%q phone=%q", a.Company, a.Address2, a.Phone)
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

func TestAccCustomerAddress_newCustomerReplaces(t *testing.T) {
	first, second := acctest.RandomEmail("first"), acctest.RandomEmail("second")
	cfg := func(owner string) string {
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

resource "bigcommerce_customer_address" "test" {
  customer_id       = bigcommerce_customer.%s.id
  first_name        = "Jane"
  last_name         = "Doe"
  address1          = "1 Main St"
  city              = "Austin"
  state_or_province = "Texas"
  postal_code       = "78759"
  country_code      = "US"
}
`, first, second, owner)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: cfg("first")},
			{
				Config: cfg("second"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: resource.TestCheckResourceAttrPair(resourceName, "customer_id", "bigcommerce_customer.second", "id"),
			},
		},
	})
}

func TestAccCustomerAddress_outOfBandChangeAndDelete(t *testing.T) {
	owner := acctest.RandomEmail("drift")
	cfg := configAddress(owner, texasFields("1 Main St"))
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) error {
					a := storeAddress(t, s)
					fields := a.AddressFields
					fields.City, fields.Company = "Dallas", "Out of band"
					_, err := acctest.Client(t).UpdateAddress(context.Background(), bigcommerce.AddressUpdate{ID: a.ID, AddressFields: fields})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				// The drift is shown and undone.
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("city"), knownvalue.StringExact("Austin")),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("company"), knownvalue.Null()),
					},
				},
				Check: func(s *terraform.State) error {
					if a := storeAddress(t, s); a.City != "Austin" || a.Company != "" {
						return fmt.Errorf("drift not corrected: city=%q company=%q", a.City, a.Company)
					}
					return acctest.Client(t).DeleteAddress(context.Background(), storeAddress(t, s).ID)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				// Deleted outside Terraform: planned again as new.
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}

func TestAccCustomerAddress_import(t *testing.T) {
	cfg := configAddress(acctest.RandomEmail("import"), texasFields("1 Main St"))
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
				ImportStateId: "home",
				ExpectError:   regexp.MustCompile(`(?s)Invalid import ID.*numeric id \(such as 34\), got "home"`),
			},
		),
	})
}

func TestAccCustomerAddress_duplicateNamesTheExistingAddress(t *testing.T) {
	owner := acctest.RandomEmail("duplicate")
	ctx := context.Background()
	c := acctest.Client(t)
	customer, err := c.CreateCustomer(ctx, bigcommerce.CustomerCreate{Email: owner, FirstName: "Jane", LastName: "Doe"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.DeleteCustomer(ctx, customer.ID) })
	existing, err := c.CreateAddress(ctx, bigcommerce.AddressCreate{CustomerID: customer.ID, AddressFields: bigcommerce.AddressFields{
		FirstName: "Jane", LastName: "Doe", Address1: "1 Main St", City: "Austin", StateOrProvince: "Texas", PostalCode: "78759", CountryCode: "US",
	}})
	if err != nil {
		t.Fatal(err)
	}
	cfg := func(line1 string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_address" "test" {
  customer_id = %d
%s}
`, customer.ID, texasFields(line1))
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				// An exact copy: BigCommerce answers 200 without it.
				Config: cfg("1 Main St"),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Duplicate customer address.*customer %d already has an identical address (id %d).*terraform import <resource address> %d`,
					customer.ID, existing.ID, existing.ID)),
			},
			{Config: cfg("2 Main St")},
			{
				// Updating into a copy of another address is refused too.
				Config: cfg("1 Main St"),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Duplicate customer address.*customer %d already has an identical address (id %d), so BigCommerce left address .* unchanged`,
					customer.ID, existing.ID)),
			},
		},
	})
}

func TestAccCustomerAddress_validation(t *testing.T) {
	owner := acctest.RandomEmail("invalid")
	with := func(attr, value string) string {
		lines := map[string]string{
			"first_name": `"Jane"`, "last_name": `"Doe"`, "address1": `"1 Main St"`, "city": `"Austin"`,
			"state_or_province": `"Texas"`, "postal_code": `"78759"`, "country_code": `"US"`,
		}
		lines[attr] = value
		var b strings.Builder
		for _, k := range []string{"first_name", "last_name", "company", "address1", "address2", "city", "state_or_province", "postal_code", "country_code", "phone", "address_type"} {
			if v, ok := lines[k]; ok {
				fmt.Fprintf(&b, "  %s = %s\n", k, v)
			}
		}
		return configAddress(owner, b.String())
	}
	long := func(n int) string { return strconv.Quote(strings.Repeat("x", n)) }
	steps := []struct{ attr, value, want string }{
		{"country_code", `"us"`, `Invalid country code.*country_code must be an ISO 3166-1 alpha-2 country code in upper case, such as US or GB: two upper-case letters; got "us" (did you mean "US"?)`},
		{"country_code", `"USA"`, `Invalid country code.*got "USA"`},
		{"country_code", `"XX"`, `Unknown country code.*"XX" is not an assigned code`},
		{"address_type", `"business"`, `Attribute address_type value must be one of: ["residential" "commercial"], got: "business"`},
		{"first_name", `""`, `Attribute first_name string length must be between 1 and 255, got: 0`},
		{"last_name", long(256), `Attribute last_name string length must be between 1 and 255, got: 256`},
		{"address1", `""`, `Attribute address1 string length must be at least 1, got: 0`},
		{"city", long(101), `Attribute city string length must be between 1 and 100, got: 101`},
		{"company", long(256), `Attribute company string length must be at most 255, got: 256`},
		{"state_or_province", long(101), `Attribute state_or_province string length must be at most 100, got: 101`},
		{"postal_code", long(31), `Attribute postal_code string length must be at most 30, got: 31`},
		{"phone", long(51), `Attribute phone string length must be at most 50, got: 51`},
	}
	var testSteps []resource.TestStep
	for _, s := range steps {
		testSteps = append(testSteps, resource.TestStep{Config: with(s.attr, s.value), PlanOnly: true, ExpectError: acctest.ExpectErrorText(s.want)})
	}
	testSteps = append(testSteps, resource.TestStep{
		Config: `
resource "bigcommerce_customer_address" "test" {
  customer_id  = 0
  first_name   = "Jane"
  last_name    = "Doe"
  address1     = "1 Main St"
  city         = "Austin"
  country_code = "US"
}
`,
		PlanOnly:    true,
		ExpectError: acctest.ExpectErrorText(`Attribute customer_id value must be at least 1, got: 0`),
	})
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    testSteps,
	})
}

func TestAccCustomerAddress_storeRefusalNamesTheAttribute(t *testing.T) {
	// A US address needs its state: the store's 422 lands on the attribute.
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configAddress(acctest.RandomEmail("nostate"), `
  first_name   = "Jane"
  last_name    = "Doe"
  address1     = "1 Main St"
  city         = "Austin"
  postal_code  = "78759"
  country_code = "US"
`),
				ExpectError: acctest.ExpectErrorText(`BigCommerce refused state_or_province.*with bigcommerce_customer_address.test`),
			},
		},
	})
}

// Helpers.

func configAddress(owner, fields string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer" "owner" {
  email      = %q
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer_address" "test" {
  customer_id = bigcommerce_customer.owner.id
%s}
`, owner, fields)
}

func texasFields(line1 string) string {
	return fmt.Sprintf(`
  first_name        = "Jane"
  last_name         = "Doe"
  address1          = %q
  city              = "Austin"
  state_or_province = "Texas"
  postal_code       = "78759"
  country_code      = "US"
`, line1)
}

func storeAddress(t *testing.T, s *terraform.State) *bigcommerce.Address {
	t.Helper()
	id, err := strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := acctest.Client(t).GetAddress(context.Background(), id)
	if err != nil {
		t.Fatalf("reading address %d from the store: %s", id, err)
	}
	return a
}

func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed(t, "bigcommerce_customer_address", func(c *bigcommerce.Client, rs *terraform.ResourceState) (string, error) {
		id, _ := strconv.Atoi(rs.Primary.ID)
		_, err := c.GetAddress(context.Background(), id)
		return fmt.Sprintf("address %d", id), err
	})
}
