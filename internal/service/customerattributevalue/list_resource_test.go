package customerattributevalue_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerAttributeValueList_query(t *testing.T) {
	// The customers and attributes exist before the configuration: a list
	// block's filters take literal ids.
	e := newEnv(t)
	tier, points := e.outOfBandAttribute("string"), e.outOfBandAttribute("number")
	a, b := acctest.ListCustomer(t, "list-a"), acctest.ListCustomer(t, "list-b")
	resources := fmt.Sprintf(`
resource "bigcommerce_customer_attribute_value" "a_tier" {
  customer_id  = %[1]d
  attribute_id = %[3]d
  value        = "gold"
}

resource "bigcommerce_customer_attribute_value" "a_points" {
  customer_id  = %[1]d
  attribute_id = %[4]d
  value        = "12.5"
}

resource "bigcommerce_customer_attribute_value" "b_tier" {
  customer_id  = %[2]d
  attribute_id = %[3]d
  value        = "silver"
}
`, a, b, tier.ID, points.ID)
	query := fmt.Sprintf(`
list "bigcommerce_customer_attribute_value" "a" {
  provider         = bigcommerce
  include_resource = true
  config {
    customer_id_in = [%[1]d]
  }
}

list "bigcommerce_customer_attribute_value" "tier" {
  provider = bigcommerce
  config {
    customer_id_in  = [%[1]d, %[2]d]
    attribute_id_in = [%[3]d]
  }
}

list "bigcommerce_customer_attribute_value" "one" {
  provider = bigcommerce
  limit    = 1
  config {
    attribute_id_in = [%[3]d, %[4]d]
  }
}

list "bigcommerce_customer_attribute_value" "every" {
  provider = bigcommerce
}
`, a, b, tier.ID, points.ID)
	bTier := fmt.Sprintf("attribute %d of customer %d", tier.ID, b)
	aPoints := fmt.Sprintf("attribute %d of customer %d", points.ID, a)

	acctest.QueryTest(t, checkDestroyed(t), resources, query,
		querycheck.ExpectLength("bigcommerce_customer_attribute_value.a", 2),
		querycheck.ExpectLength("bigcommerce_customer_attribute_value.tier", 2),
		querycheck.ExpectLength("bigcommerce_customer_attribute_value.one", 1),
		querycheck.ExpectLengthAtLeast("bigcommerce_customer_attribute_value.every", 3),
		acctest.ExpectDisplayName("bigcommerce_customer_attribute_value.tier", bTier),
		querycheck.ExpectIdentity("bigcommerce_customer_attribute_value.tier", map[string]knownvalue.Check{
			"customer_id":  knownvalue.Int64Exact(int64(b)),
			"attribute_id": knownvalue.Int64Exact(int64(tier.ID)),
		}),
		acctest.ExpectResourceValues("bigcommerce_customer_attribute_value.a", aPoints, []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(fmt.Sprintf("%d/%d", a, points.ID))},
			{Path: tfjsonpath.New("customer_id"), KnownValue: knownvalue.Int64Exact(int64(a))},
			{Path: tfjsonpath.New("attribute_id"), KnownValue: knownvalue.Int64Exact(int64(points.ID))},
			{Path: tfjsonpath.New("value"), KnownValue: knownvalue.StringExact("12.5")},
			{Path: tfjsonpath.New("value_id"), KnownValue: knownvalue.Int64Func(func(v int64) error {
				if v < 1 {
					return fmt.Errorf("value_id %d is not an id", v)
				}
				return nil
			})},
		}),
	)
}
