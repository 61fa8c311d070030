package customeraddress_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerAddressesDataSource(t *testing.T) {
	owner := acctest.RandomEmail("list")
	cfg := configAddress(owner, texasFields("1 Main St")) + fmt.Sprintf(`
resource "bigcommerce_customer_address" "second" {
  customer_id  = bigcommerce_customer.owner.id
  first_name   = "John"
  last_name    = "Roe"
  company      = "Globex"
  address1     = "10 Downing Street"
  city         = "London"
  postal_code  = "SW1A 2AA"
  country_code = "GB"
  address_type = "commercial"
  form_fields = {
    floor = { number = 2 }
  }

  # Created second, so listed second.
  depends_on = [bigcommerce_customer_address.test]
}

resource "bigcommerce_customer" "other" {
  email      = %q
  first_name = "Other"
  last_name  = "Customer"
}

resource "bigcommerce_customer_address" "other" {
  customer_id = bigcommerce_customer.other.id
%s}

data "bigcommerce_customer_addresses" "test" {
  customer_id = bigcommerce_customer.owner.id
  depends_on  = [bigcommerce_customer_address.test, bigcommerce_customer_address.second, bigcommerce_customer_address.other]
}

data "bigcommerce_customer_addresses" "none" {
  customer_id = 999999999
}
`, acctest.RandomEmail("other"), texasFields("1 Main St"))
	ds := "data.bigcommerce_customer_addresses.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					// Only the owner's two addresses, in the store's order.
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("ids"), knownvalue.ListSizeExact(2)),
					statecheck.CompareValuePairs(ds, tfjsonpath.New("ids").AtSliceIndex(0), resourceName, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(ds, tfjsonpath.New("ids").AtSliceIndex(1), "bigcommerce_customer_address.second", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("addresses").AtSliceIndex(1), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id":                knownvalue.NotNull(),
						"customer_id":       knownvalue.NotNull(),
						"first_name":        knownvalue.StringExact("John"),
						"last_name":         knownvalue.StringExact("Roe"),
						"company":           knownvalue.StringExact("Globex"),
						"address1":          knownvalue.StringExact("10 Downing Street"),
						"address2":          knownvalue.StringExact(""),
						"city":              knownvalue.StringExact("London"),
						"state_or_province": knownvalue.StringExact(""),
						"postal_code":       knownvalue.StringExact("SW1A 2AA"),
						"country_code":      knownvalue.StringExact("GB"),
						"country":           knownvalue.StringExact("United Kingdom"),
						"phone":             knownvalue.StringExact(""),
						"address_type":      knownvalue.StringExact("commercial"),
						"form_fields": knownvalue.MapExact(map[string]knownvalue.Check{
							"floor": knownvalue.ObjectExact(map[string]knownvalue.Check{
								"value": knownvalue.Null(), "number": knownvalue.NumberExact(big.NewFloat(2)), "values": knownvalue.Null(),
							}),
						}),
					})),
					statecheck.CompareValuePairs(ds, tfjsonpath.New("addresses").AtSliceIndex(0).AtMapKey("customer_id"), "bigcommerce_customer_address.test", tfjsonpath.New("customer_id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_addresses.none", tfjsonpath.New("addresses"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}

func TestAccCustomerAddressesDataSource_validation(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "bigcommerce_customer_addresses" "x" { customer_id = 0 }`,
				ExpectError: acctest.ExpectErrorText(`Attribute customer_id value must be at least 1, got: 0`),
			},
		},
	})
}
