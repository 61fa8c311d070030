// Package chaos applies a few hundred resources through the real CLI while
// the sandbox store injects faults, and checks that the store ends up
// holding exactly what the configuration declares.
package chaos_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// The fault mix, seeded so a failure reproduces: about one request in five
// goes wrong in some way.
const seed = 20261126

var faults = sandbox.Faults{
	ServerError:     0.05,
	AppliedThen502:  0.04,
	ConnectionReset: 0.02,
	TruncatedJSON:   0.03,
	LatencySpike:    0.03,
	SpikeLatency:    300 * time.Millisecond,
	RateLimitStorm:  0.03,
}

const customers = 200

func TestMain(m *testing.M) {
	os.Exit(acctest.MainWith(m, sandbox.Options{Seed: seed, Quota: -1, Latency: 2 * time.Millisecond}))
}

func TestAccChaos_applyUnderFaults(t *testing.T) {
	store := acctest.Sandbox(t)
	run := strconv.FormatInt(time.Now().UnixNano()%1e8, 36)
	config := fmt.Sprintf(`
provider "bigcommerce" {
  max_retries = 12
}

resource "bigcommerce_customer_attribute" "tier" {
  name = "chaos-tier-%[1]s"
  type = "string"
}

resource "bigcommerce_customer" "c" {
  count      = %[2]d
  email      = "chaos-${count.index}-%[1]s@example.com"
  first_name = "Chaos"
  last_name  = "Customer ${count.index}"
}

resource "bigcommerce_customer_address" "a" {
  count             = %[2]d
  customer_id       = bigcommerce_customer.c[count.index].id
  first_name        = "Chaos"
  last_name         = "Customer ${count.index}"
  address1          = "${count.index} Main Street"
  city              = "Springfield"
  state_or_province = "California"
  postal_code       = "90001"
  country_code      = "US"
}

resource "bigcommerce_customer_attribute_value" "v" {
  count        = %[2]d
  customer_id  = bigcommerce_customer.c[count.index].id
  attribute_id = bigcommerce_customer_attribute.tier.id
  value        = "gold-${count.index}"
}
`, run, customers)
	emailSuffix := "-" + run + "@example.com"

	store.ResetStats()
	store.SetFaults(faults)
	t.Cleanup(func() { store.SetFaults(sandbox.Faults{}) })

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: withoutFaults(store, func(*terraform.State) error {
			left, err := storeCustomers(t, emailSuffix)
			if err != nil {
				return err
			}
			if len(left) != 0 {
				return fmt.Errorf("destroy left %d of the test's customers in the store", len(left))
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				// The framework then plans again, under the same faults, and
				// fails unless the plan is empty: no drift.
				Config: config,
				Check: withoutFaults(store, func(s *terraform.State) error {
					stats := store.Stats()
					t.Logf("apply: %d requests, %d faults injected %v, %d answered 429", stats.Total, sum(stats.InjectedFaults), stats.InjectedFaults, stats.RateLimited)
					return checkStoreMatches(t, emailSuffix)
				}),
			},
		},
	})
	stats := store.Stats()
	t.Logf("whole run (apply, plans, destroy): %d requests by endpoint %v; %d faults injected %v; %d answered 429",
		stats.Total, stats.Requests, sum(stats.InjectedFaults), stats.InjectedFaults, stats.RateLimited)
	if sum(stats.InjectedFaults) < 50 {
		t.Errorf("only %d faults were injected: the test proves little", sum(stats.InjectedFaults))
	}
}

// checkStoreMatches reads the store directly: exactly one customer per
// declared e-mail, each with exactly one address and one attribute value.
func checkStoreMatches(t *testing.T, emailSuffix string) error {
	found, err := storeCustomers(t, emailSuffix)
	if err != nil {
		return err
	}
	byEmail := map[string]int{}
	var ids []int
	for _, c := range found {
		byEmail[strings.ToLower(c.Email)]++
		ids = append(ids, c.ID)
	}
	var duplicates, missing []string
	for i := range customers {
		email := fmt.Sprintf("chaos-%d%s", i, emailSuffix)
		switch byEmail[email] {
		case 0:
			missing = append(missing, email)
		case 1:
		default:
			duplicates = append(duplicates, email)
		}
	}
	if len(found) != customers || len(duplicates) > 0 || len(missing) > 0 {
		return fmt.Errorf("the store holds %d customers, want %d; duplicated %v; missing %v", len(found), customers, duplicates, missing)
	}

	c := acctest.Client(t)
	ctx := context.Background()
	addresses, err := c.ListAddresses(ctx, bigcommerce.AddressFilter{CustomerIDs: ids})
	if err != nil {
		return err
	}
	perCustomer := map[int]int{}
	for _, a := range addresses {
		perCustomer[a.CustomerID]++
	}
	values, err := c.ListAttributeValues(ctx, bigcommerce.AttributeValueFilter{CustomerIDs: ids})
	if err != nil {
		return err
	}
	valuesPerCustomer := map[int]int{}
	for _, v := range values {
		valuesPerCustomer[v.CustomerID]++
	}
	var wrong []string
	for _, id := range ids {
		if perCustomer[id] != 1 || valuesPerCustomer[id] != 1 {
			wrong = append(wrong, fmt.Sprintf("customer %d: %d addresses, %d attribute values", id, perCustomer[id], valuesPerCustomer[id]))
		}
	}
	sort.Strings(wrong)
	if len(wrong) > 0 {
		return fmt.Errorf("want exactly one address and one attribute value per customer: %s", strings.Join(wrong, "; "))
	}
	t.Logf("store check: %d customers, %d addresses, %d attribute values; duplicates 0, missing 0", len(found), len(addresses), len(values))
	return nil
}

func storeCustomers(t *testing.T, emailSuffix string) ([]bigcommerce.Customer, error) {
	var out []bigcommerce.Customer
	for c, err := range acctest.Client(t).ListCustomers(context.Background(), bigcommerce.CustomerFilter{}) {
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(strings.ToLower(c.Email), emailSuffix) {
			out = append(out, c)
		}
	}
	return out, nil
}

// withoutFaults runs a check against a well-behaved store, then restores
// the faults for the steps that follow.
func withoutFaults(store *sandbox.Server, check resource.TestCheckFunc) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		store.SetFaults(sandbox.Faults{})
		defer store.SetFaults(faults)
		return check(s)
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
