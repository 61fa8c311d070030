package customeraddress_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// fiftyBound is what one phase of 50 addresses may cost with batching:
// ceil(50/10) = 5 requests when every batch is full (Terraform's default
// parallelism of 10 keeps reads to 10 at a time too), more when Terraform's
// pace splits a wave: 6 to 16 measured on two cores with a load average of
// 10, against a sandbox without latency. Without batching it is 50.
const fiftyBound = 20

// TestAccCustomerAddress_fiftyInOneApply creates, refreshes, updates and
// destroys 50 addresses of 5 customers, one apply each, and bounds each
// phase's requests: with batching, 10 addresses a write and up to 50 ids a
// read or delete. With TF_ACC_UNBATCHED=1 it also runs with batching off,
// and only logs the counts, to compare.
func TestAccCustomerAddress_fiftyInOneApply(t *testing.T) {
	t.Run("batching", func(t *testing.T) { testFiftyAddresses(t, true) })
	if os.Getenv("TF_ACC_UNBATCHED") != "" {
		t.Run("unbatched", func(t *testing.T) { testFiftyAddresses(t, false) })
	}
}

func testFiftyAddresses(t *testing.T, batching bool) {
	email := strings.TrimSuffix(acctest.RandomEmail("fifty"), "@example.com")
	cfg := func(city string) string {
		provider := ""
		if !batching {
			provider = "provider \"bigcommerce\" {\n  batching = false\n}\n"
		}
		return provider + fmt.Sprintf(`
resource "bigcommerce_customer" "c" {
  count      = 5
  email      = "c${count.index}-%s@example.com"
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer_address" "a" {
  count             = 50
  customer_id       = bigcommerce_customer.c[count.index %% 5].id
  first_name        = "Jane"
  last_name         = "Doe"
  address1          = "${count.index + 1} Main Street"
  city              = "%s"
  state_or_province = "Texas"
  postal_code       = "78759"
  country_code      = "US"
}
`, email, city)
	}
	phases := acctest.NewPhases(t, "/v3/customers/addresses", "50 addresses", fiftyBound, batching)
	reset, phase := phases.Reset, phases.Check
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			phase("destroy", "DELETE /v3/customers/addresses"),
			checkDestroyed(t),
		),
		Steps: []resource.TestStep{
			{
				PreConfig: reset,
				Config:    cfg("Austin"),
				Check: resource.ComposeTestCheckFunc(
					phase("create", "POST /v3/customers/addresses"),
					resource.TestCheckResourceAttr("bigcommerce_customer_address.a.49", "address1", "50 Main Street"),
					resource.TestCheckResourceAttrPair("bigcommerce_customer_address.a.49", "customer_id", "bigcommerce_customer.c.4", "id"),
				),
			},
			{
				PreConfig:    reset,
				RefreshState: true,
				Check:        phase("refresh", "GET /v3/customers/addresses"),
			},
			{
				PreConfig: reset,
				Config:    cfg("Dallas"),
				Check: resource.ComposeTestCheckFunc(
					phase("update", "PUT /v3/customers/addresses"),
					resource.TestCheckResourceAttr("bigcommerce_customer_address.a.7", "city", "Dallas"),
					resource.TestCheckResourceAttr("bigcommerce_customer_address.a.7", "address1", "8 Main Street"),
					// What follows is the destroy's.
					func(*terraform.State) error { reset(); return nil },
				),
			},
		},
	})
}
