package customergroup_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerGroupList_query(t *testing.T) {
	prefix := randomName("listq")
	resources := fmt.Sprintf(`
resource "bigcommerce_customer_group" "plain" {
  name = "%[1]s-plain"
}

resource "bigcommerce_customer_group" "ruled" {
  name = "%[1]s-ruled"
  category_access = {
    type       = "specific"
    categories = [18, 23]
  }
  discount_rules = [
    { type = "all", method = "percent", amount = 5 },
    { type = "category", category_id = 18, method = "fixed", amount = 2.5 },
  ]
}

resource "bigcommerce_customer_group" "other" {
  name = "%[1]s-other"
}
`, prefix)
	query := fmt.Sprintf(`
list "bigcommerce_customer_group" "prefix" {
  provider         = bigcommerce
  include_resource = true
  config {
    name_contains = %[1]q
  }
}

list "bigcommerce_customer_group" "ruled" {
  provider = bigcommerce
  config {
    name_contains = %[2]q
  }
}

list "bigcommerce_customer_group" "limited" {
  provider = bigcommerce
  limit    = 2
  config {
    name_contains = %[1]q
  }
}

list "bigcommerce_customer_group" "every" {
  provider = bigcommerce
}
`, prefix, strings.ToUpper(prefix+"-RULED"))
	ruled := prefix + "-ruled"

	acctest.QueryTest(t, checkDestroyed(t), resources, query,
		querycheck.ExpectLength("bigcommerce_customer_group.prefix", 3),
		querycheck.ExpectLength("bigcommerce_customer_group.ruled", 1),
		querycheck.ExpectLength("bigcommerce_customer_group.limited", 2),
		querycheck.ExpectLengthAtLeast("bigcommerce_customer_group.every", 3),
		acctest.ExpectDisplayName("bigcommerce_customer_group.ruled", ruled),
		querycheck.ExpectIdentity("bigcommerce_customer_group.ruled", map[string]knownvalue.Check{
			"id": acctest.NumericID,
		}),
		acctest.ExpectResourceValues("bigcommerce_customer_group.prefix", ruled, []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact(ruled)},
			{Path: tfjsonpath.New("id"), KnownValue: acctest.NumericID},
			{Path: tfjsonpath.New("is_default"), KnownValue: knownvalue.Bool(false)},
			{Path: tfjsonpath.New("category_access"), KnownValue: knownvalue.ObjectExact(map[string]knownvalue.Check{
				"type":       knownvalue.StringExact("specific"),
				"categories": knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(18), knownvalue.Int64Exact(23)}),
			})},
			{Path: tfjsonpath.New("discount_rules").AtSliceIndex(1).AtMapKey("amount"), KnownValue: knownvalue.NumberExact(big.NewFloat(2.5))},
			{Path: tfjsonpath.New("discount_rules").AtSliceIndex(1).AtMapKey("category_id"), KnownValue: knownvalue.Int64Exact(18)},
		}),
		acctest.ExpectResourceValues("bigcommerce_customer_group.prefix", prefix+"-plain", []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("discount_rules"), KnownValue: knownvalue.Null()},
			{Path: tfjsonpath.New("category_access").AtMapKey("type"), KnownValue: knownvalue.StringExact("all")},
		}),
	)
}
