package customerattributevalue_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// fiftyBound is what one phase of 50 values may cost with batching:
// ceil(50/10) = 5 requests when every batch is full (Terraform's default
// parallelism of 10 keeps reads to 10 at a time too), more when Terraform's
// pace splits a wave, as it does on two busy cores against a sandbox
// without latency. Without batching it is 50.
const fiftyBound = 20

// TestAccCustomerAttributeValue_fiftyInOneApply creates, refreshes, updates
// and destroys the values of 10 customers for 5 attributes, one apply
// each, and bounds each phase's requests: with batching, 10 values an
// upsert and up to 50 pairs a read. With TF_ACC_UNBATCHED=1 it also runs
// with batching off, and only logs the counts, to compare.
func TestAccCustomerAttributeValue_fiftyInOneApply(t *testing.T) {
	t.Run("batching", func(t *testing.T) { testFiftyValues(t, true) })
	if os.Getenv("TF_ACC_UNBATCHED") != "" {
		t.Run("unbatched", func(t *testing.T) { testFiftyValues(t, false) })
	}
}

func testFiftyValues(t *testing.T, batching bool) {
	email := strings.TrimSuffix(acctest.RandomEmail("fifty"), "@example.com")
	name := randomName("Fifty")
	cfg := func(value string) string {
		provider := ""
		if !batching {
			provider = "provider \"bigcommerce\" {\n  batching = false\n}\n"
		}
		return provider + fmt.Sprintf(`
resource "bigcommerce_customer" "c" {
  count      = 10
  email      = "c${count.index}-%s@example.com"
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer_attribute" "a" {
  count = 5
  name  = "%s ${count.index}"
  type  = "string"
}

resource "bigcommerce_customer_attribute_value" "v" {
  count        = 50
  customer_id  = bigcommerce_customer.c[floor(count.index / 5)].id
  attribute_id = bigcommerce_customer_attribute.a[count.index %% 5].id
  value        = "%s-${count.index}"
}
`, email, name, value)
	}
	phases := acctest.NewPhases(t, "/v3/customers/attribute-values", "50 values", fiftyBound, batching)
	reset, phase := phases.Reset, phases.Check
	const (
		get    = "GET /v3/customers/attribute-values"
		upsert = "PUT /v3/customers/attribute-values"
		remove = "DELETE /v3/customers/attribute-values"
	)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			phase("destroy", remove),
			checkDestroyed(t),
		),
		Steps: []resource.TestStep{
			{
				// A create looks for a value set already, then upserts.
				PreConfig: reset,
				Config:    cfg("first"),
				Check: resource.ComposeTestCheckFunc(
					phase("create", get, upsert),
					resource.TestCheckResourceAttr("bigcommerce_customer_attribute_value.v.49", "value", "first-49"),
					resource.TestCheckResourceAttrPair("bigcommerce_customer_attribute_value.v.49", "customer_id", "bigcommerce_customer.c.9", "id"),
					resource.TestCheckResourceAttrPair("bigcommerce_customer_attribute_value.v.49", "attribute_id", "bigcommerce_customer_attribute.a.4", "id"),
				),
			},
			{
				PreConfig:    reset,
				RefreshState: true,
				Check:        phase("refresh", get),
			},
			{
				PreConfig: reset,
				Config:    cfg("second"),
				Check: resource.ComposeTestCheckFunc(
					phase("update", upsert),
					resource.TestCheckResourceAttr("bigcommerce_customer_attribute_value.v.7", "value", "second-7"),
					// What follows is the destroy's.
					func(*terraform.State) error { reset(); return nil },
				),
			},
		},
	})
}
