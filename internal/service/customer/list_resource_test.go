package customer_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

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

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Query},
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: resources},
			{
				Query:  true,
				Config: query,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("bigcommerce_customer.company", 3),
					querycheck.ExpectLength("bigcommerce_customer.one", 1),
					querycheck.ExpectResourceDisplayName("bigcommerce_customer.one",
						queryfilter.ByDisplayName(knownvalue.StringExact("Query Person1 <"+email1+">")),
						knownvalue.StringExact("Query Person1 <"+email1+">")),
					querycheck.ExpectResourceKnownValues("bigcommerce_customer.company",
						queryfilter.ByDisplayName(knownvalue.StringExact("Query Person1 <"+email1+">")),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact(email1)},
							{Path: tfjsonpath.New("company"), KnownValue: knownvalue.StringExact(company)},
							{Path: tfjsonpath.New("phone"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringRegexp(idPattern)},
						}),
				},
			},
		},
	})
}

var idPattern = regexp.MustCompile(`^[0-9]+$`)
