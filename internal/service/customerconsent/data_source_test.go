package customerconsent_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerConsentDataSource(t *testing.T) {
	cfg := config(acctest.RandomEmail("consent-read"), `["essential", "analytics"]`, `["targeting"]`) + `
data "bigcommerce_customer_consent" "test" {
  customer_id = bigcommerce_customer_consent.test.customer_id
}
`
	const ds = "data.bigcommerce_customer_consent.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("allow"), categories("analytics", "essential")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("deny"), categories("targeting")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("updated_at"), knownvalue.NotNull()),
				},
			},
			{
				Config:      `data "bigcommerce_customer_consent" "missing" { customer_id = 987654 }`,
				ExpectError: regexp.MustCompile(`The store has no customer with id 987654`),
			},
		},
	})
}
