package customer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerList_query(t *testing.T) {
	suffix := strings.TrimSuffix(acctest.RandomEmail("q"), "@example.com")
	company := "QueryCo-" + suffix
	resources := fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  count      = 3
  email      = "query-${count.index}-%[2]s@example.com"
  first_name = "Query"
  last_name  = "Person${count.index}"
  company    = %[1]q
}
`, company, suffix)
	query := fmt.Sprintf(`
list "bigcommerce_customer" "company" {
  provider         = bigcommerce
  include_resource = true
  config {
    company_in = [%[1]q]
  }
}

list "bigcommerce_customer" "one" {
  provider = bigcommerce
  config {
    company_in = [%[1]q]
    last_name  = "person1"
  }
}
`, company)
	email1 := fmt.Sprintf("query-1-%s@example.com", suffix)
	person1 := "Query Person1 <" + email1 + ">"

	acctest.QueryTest(t, checkDestroyed(t), resources, query,
		querycheck.ExpectLength("bigcommerce_customer.company", 3),
		querycheck.ExpectLength("bigcommerce_customer.one", 1),
		acctest.ExpectDisplayName("bigcommerce_customer.one", person1),
		acctest.ExpectResourceValues("bigcommerce_customer.company", person1, []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact(email1)},
			{Path: tfjsonpath.New("company"), KnownValue: knownvalue.StringExact(company)},
			{Path: tfjsonpath.New("phone"), KnownValue: knownvalue.Null()},
			{Path: tfjsonpath.New("id"), KnownValue: acctest.NumericID},
		}),
	)
}
