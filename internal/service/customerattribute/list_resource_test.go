package customerattribute_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

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
					querycheck.ExpectLengthAtLeast("bigcommerce_customer_attribute.every", 2),
					querycheck.ExpectLengthAtLeast("bigcommerce_customer_attribute.numbers", 1),
					querycheck.ExpectLength("bigcommerce_customer_attribute.one", 1),
					querycheck.ExpectResourceDisplayName("bigcommerce_customer_attribute.numbers",
						queryfilter.ByDisplayName(knownvalue.StringExact(points)), knownvalue.StringExact(points)),
					querycheck.ExpectIdentity("bigcommerce_customer_attribute.numbers", map[string]knownvalue.Check{
						"id": knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`)),
					}),
					querycheck.ExpectResourceKnownValues("bigcommerce_customer_attribute.every",
						queryfilter.ByDisplayName(knownvalue.StringExact(tier)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact(tier)},
							{Path: tfjsonpath.New("type"), KnownValue: knownvalue.StringExact("string")},
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))},
							{Path: tfjsonpath.New("date_created"), KnownValue: knownvalue.NotNull()},
						}),
				},
			},
		},
	})
}
