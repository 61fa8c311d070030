package customeraddress_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerAddressList_query(t *testing.T) {
	// The customers exist before the configuration: a list block's filters
	// take literal ids.
	a, b := acctest.ListCustomer(t, "list-a"), acctest.ListCustomer(t, "list-b")
	resources := fmt.Sprintf(`
resource "bigcommerce_customer_address" "a1" {
  customer_id = %[1]d
%[3]s}

resource "bigcommerce_customer_address" "a2" {
  customer_id  = %[1]d
  company      = "Acme Corp"
  address_type = "commercial"
%[4]s}

resource "bigcommerce_customer_address" "b1" {
  customer_id = %[2]d
%[5]s}
`, a, b, texasFields("1 Query Street"), texasFields("2 Query Street"), texasFields("3 Query Street"))
	query := fmt.Sprintf(`
list "bigcommerce_customer_address" "a" {
  provider         = bigcommerce
  include_resource = true
  config {
    customer_id_in = [%[1]d]
  }
}

list "bigcommerce_customer_address" "both" {
  provider = bigcommerce
  config {
    customer_id_in = [%[1]d, %[2]d]
  }
}

list "bigcommerce_customer_address" "one" {
  provider = bigcommerce
  limit    = 1
  config {
    customer_id_in = [%[1]d, %[2]d]
  }
}

list "bigcommerce_customer_address" "every" {
  provider = bigcommerce
}
`, a, b)
	second := fmt.Sprintf("2 Query Street, Austin (customer %d)", a)
	third := fmt.Sprintf("3 Query Street, Austin (customer %d)", b)

	acctest.QueryTest(t, checkDestroyed(t), resources, query,
		querycheck.ExpectLength("bigcommerce_customer_address.a", 2),
		querycheck.ExpectLength("bigcommerce_customer_address.both", 3),
		querycheck.ExpectLength("bigcommerce_customer_address.one", 1),
		querycheck.ExpectLengthAtLeast("bigcommerce_customer_address.every", 3),
		acctest.ExpectDisplayName("bigcommerce_customer_address.both", third),
		querycheck.ExpectIdentity("bigcommerce_customer_address.both", map[string]knownvalue.Check{
			"id": acctest.NumericID,
		}),
		acctest.ExpectResourceValues("bigcommerce_customer_address.a", second, []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("customer_id"), KnownValue: knownvalue.Int64Exact(int64(a))},
			{Path: tfjsonpath.New("address1"), KnownValue: knownvalue.StringExact("2 Query Street")},
			{Path: tfjsonpath.New("company"), KnownValue: knownvalue.StringExact("Acme Corp")},
			{Path: tfjsonpath.New("address_type"), KnownValue: knownvalue.StringExact("commercial")},
			{Path: tfjsonpath.New("country"), KnownValue: knownvalue.StringExact("United States")},
			// Empty optional fields are null, as an import reads them.
			{Path: tfjsonpath.New("address2"), KnownValue: knownvalue.Null()},
			{Path: tfjsonpath.New("phone"), KnownValue: knownvalue.Null()},
		}),
	)
}
