package customerattribute_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerAttributeList_query(t *testing.T) {
	tier, points := randomName("Tier"), randomName("Points")
	resources := fmt.Sprintf(`
resource "bigcommerce_customer_attribute" "tier" {
  name = %q
  type = "string"
}

resource "bigcommerce_customer_attribute" "points" {
  name = %q
  type = "number"
}
`, tier, points)
	query := `
list "bigcommerce_customer_attribute" "every" {
  provider         = bigcommerce
  include_resource = true
}

list "bigcommerce_customer_attribute" "numbers" {
  provider = bigcommerce
  config {
    type = "number"
  }
}

list "bigcommerce_customer_attribute" "one" {
  provider = bigcommerce
  limit    = 1
}
`
	acctest.QueryTest(t, checkDestroyed(t), resources, query,
		querycheck.ExpectLengthAtLeast("bigcommerce_customer_attribute.every", 2),
		querycheck.ExpectLengthAtLeast("bigcommerce_customer_attribute.numbers", 1),
		querycheck.ExpectLength("bigcommerce_customer_attribute.one", 1),
		acctest.ExpectDisplayName("bigcommerce_customer_attribute.numbers", points),
		querycheck.ExpectIdentity("bigcommerce_customer_attribute.numbers", map[string]knownvalue.Check{
			"id": acctest.NumericID,
		}),
		acctest.ExpectResourceValues("bigcommerce_customer_attribute.every", tier, []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact(tier)},
			{Path: tfjsonpath.New("type"), KnownValue: knownvalue.StringExact("string")},
			{Path: tfjsonpath.New("id"), KnownValue: acctest.NumericID},
			{Path: tfjsonpath.New("date_created"), KnownValue: knownvalue.NotNull()},
		}),
	)
}
