package customer_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

const scaleCount = 50

// batchedAtMost is half of what unbatched calls would send: well above the
// ideal of 5, so a busy machine's scheduling cannot fail the test, and well
// below 50, so broken batching does. `make bench` measures the real counts.
const batchedAtMost = scaleCount / 2

// TestAccCustomer_scale creates, updates and destroys 50 customers in one
// apply each. Terraform makes the 50 calls concurrently; the provider merges
// them into BigCommerce's batch requests, and every instance must still get
// its own customer, from a handful of requests.
func TestAccCustomer_scale(t *testing.T) {
	store := acctest.Sandbox(t) // counts the store's requests: skipped against a real store
	base := strings.TrimSuffix(acctest.RandomEmail("scale"), "@example.com")
	resetStats := func() { store.ResetStats() }

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				PreConfig: resetStats,
				Config:    configScale(base, "Doe"),
				Check: resource.ComposeTestCheckFunc(
					// Ideally 5 requests of 10; the first call goes out alone.
					checkRequests(store, "POST /v3/customers", scaleCount/bigcommerce.MaxBatch, batchedAtMost),
					checkEachCustomer(t, base, "Doe"),
				),
				ConfigStateChecks: scaleStateChecks(base, "Doe"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				PreConfig: resetStats,
				Config:    configScale(base, "Smith"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction("bigcommerce_customer.test[49]", plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					// The plan before the apply refreshes all 50.
					checkRequests(store, "GET /v3/customers", scaleCount/bigcommerce.MaxBatch, batchedAtMost),
					checkRequests(store, "PUT /v3/customers", scaleCount/bigcommerce.MaxBatch, batchedAtMost),
					checkConcurrentPuts(store),
					checkEachCustomer(t, base, "Smith"),
				),
				ConfigStateChecks: scaleStateChecks(base, "Smith"),
			},
			{
				PreConfig: resetStats,
				Config:    configScale(base, "Smith"),
				Destroy:   true,
				Check:     checkRequests(store, "DELETE /v3/customers", scaleCount/bigcommerce.MaxBatch, batchedAtMost),
			},
		},
	})
}

func configScale(base, last string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  count      = %d
  email      = "%s-${count.index}@example.com"
  first_name = "Scale"
  last_name  = "%s ${count.index}"
}
`, scaleCount, base, last)
}

func scaleStateChecks(base, last string) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for _, i := range []int{0, 17, scaleCount - 1} {
		addr := fmt.Sprintf("bigcommerce_customer.test[%d]", i)
		checks = append(checks,
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("email"), knownvalue.StringExact(fmt.Sprintf("%s-%d@example.com", base, i))),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("last_name"), knownvalue.StringExact(fmt.Sprintf("%s %d", last, i))),
		)
	}
	return checks
}

// checkRequests asserts that the sandbox received between least and most
// requests to endpoint since the step began, and no 429.
//
//nolint:unparam // least is the same for every endpoint today; the bounds read better at the call.
func checkRequests(store *sandbox.Server, endpoint string, least, most int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		st := store.Stats()
		if n := st.Requests[endpoint]; n < least || n > most {
			return fmt.Errorf("%d requests to %s for %d customers, want %d to %d (batched); all requests: %v", n, endpoint, scaleCount, least, most, st.Requests)
		}
		if st.RateLimited != 0 {
			return fmt.Errorf("the store answered %d requests with 429", st.RateLimited)
		}
		return nil
	}
}

func checkConcurrentPuts(store *sandbox.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := store.Stats().MaxConcurrentCustomerPuts; n > 3 {
			return fmt.Errorf("%d concurrent PUT /v3/customers; BigCommerce allows 3", n)
		}
		return nil
	}
}

// checkEachCustomer reads every instance's customer from the store: each
// instance must hold the id of the customer with its own e-mail.
func checkEachCustomer(t *testing.T, base, last string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		byIndex := map[int]int{}
		for addr, rs := range s.RootModule().Resources {
			idx, ok := strings.CutPrefix(addr, "bigcommerce_customer.test.")
			if !ok {
				continue
			}
			i, _ := strconv.Atoi(idx)
			id, err := strconv.Atoi(rs.Primary.ID)
			if err != nil {
				return fmt.Errorf("%s: id %q", addr, rs.Primary.ID)
			}
			byIndex[i] = id
		}
		if len(byIndex) != scaleCount {
			return fmt.Errorf("%d instances in state, want %d", len(byIndex), scaleCount)
		}
		ids := make([]int, 0, scaleCount)
		for _, id := range byIndex {
			ids = append(ids, id)
		}
		got, err := acctest.Client(t).GetCustomers(context.Background(), ids)
		if err != nil {
			return err
		}
		byID := map[int]bigcommerce.Customer{}
		for _, cu := range got {
			byID[cu.ID] = cu
		}
		for i, id := range byIndex {
			cu, ok := byID[id]
			wantEmail, wantLast := fmt.Sprintf("%s-%d@example.com", base, i), fmt.Sprintf("%s %d", last, i)
			if !ok || !strings.EqualFold(cu.Email, wantEmail) || cu.LastName != wantLast {
				return fmt.Errorf("bigcommerce_customer.test[%d] holds id %d, which the store has as %q %q; want %q %q", i, id, cu.Email, cu.LastName, wantEmail, wantLast)
			}
		}
		return nil
	}
}
