package customersegment_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

const membersName = "bigcommerce_customer_segment_members.test"

// Stats keys of the segment's member endpoints.
const (
	addMembers     = "POST /v3/segments/{uuid}/shopper-profiles"
	removeMembers  = "DELETE /v3/segments/{uuid}/shopper-profiles"
	createProfiles = "POST /v3/shopper-profiles"
)

// TestAccCustomerSegmentMembers_twoHundredFiftyThenOneHundred adds 250
// customers to a segment in one apply, shrinks it to 100, and bounds the
// requests each takes: members are added and removed 50 to a request.
func TestAccCustomerSegmentMembers_twoHundredFiftyThenOneHundred(t *testing.T) {
	store := acctest.Sandbox(t)
	customers := store.SeedCustomers(251, 0)
	outsider := customers[250]
	name := randomName("Bulk")
	ctx := context.Background()
	requests := func(what string, want map[string]int, total int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			st := store.Stats()
			t.Logf("%s: %d requests: %v", what, st.Total, st.Requests)
			for key, n := range want {
				if got := st.Requests[key]; got != n {
					return fmt.Errorf("%s: %d requests to %s, want %d", what, got, key, n)
				}
			}
			if st.Total > total {
				return fmt.Errorf("%s: %d requests in all, want at most %d", what, st.Total, total)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				PreConfig: store.ResetStats,
				Config:    membersConfig(name, customers[:250]),
				Check: resource.ComposeTestCheckFunc(
					// ceil(250/50) = 5 adds and 5 profile creations, 5
					// look-ups of the customers without a profile, and
					// the reads of the step's plans: 18 measured.
					requests("250 members", map[string]int{addMembers: 5, createProfiles: 5, removeMembers: 0}, 30),
					members(t, customers[:250]),
				),
			},
			{
				PreConfig: store.ResetStats,
				Config:    membersConfig(name, customers[:100]),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(membersName, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(
					// ceil(150/50) = 3 removes; nothing is added, no profile
					// is created: 6 requests measured, with the reads.
					requests("shrunk to 100", map[string]int{addMembers: 0, createProfiles: 0, removeMembers: 3}, 12),
					members(t, customers[:100]),
					// A member added outside Terraform shows in the next plan.
					func(s *terraform.State) error {
						c := acctest.Client(t)
						p, err := c.CreateShopperProfiles(ctx, []int{outsider})
						if err != nil {
							return err
						}
						return c.AddProfilesToSegment(ctx, segmentID(s), []string{p[0].ID})
					},
				),
				ExpectNonEmptyPlan: true,
			},
			{
				// The next apply removes it: the resource is authoritative.
				Config: membersConfig(name, customers[:100]),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(membersName, plancheck.ResourceActionUpdate)},
				},
				Check: members(t, customers[:100]),
			},
		},
	})
}

func TestAccCustomerSegmentMembers_lifecycle(t *testing.T) {
	store := acctest.Sandbox(t)
	customers := store.SeedCustomers(4, 0)
	name := randomName("Members")
	ctx := context.Background()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		CheckDestroy:             checkDestroyed(t),
		Steps: append([]resource.TestStep{
			{
				Config: membersConfig(name, customers[:2]),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(membersName, tfjsonpath.New("id"), resourceName, tfjsonpath.New("id"), sameValue{}),
					statecheck.ExpectKnownValue(membersName, tfjsonpath.New("customer_ids"), knownvalue.SetSizeExact(2)),
				},
				Check: members(t, customers[:2]),
			},
			{
				// One kept, one dropped, two new: in place.
				Config: membersConfig(name, customers[1:]),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(membersName, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(
					members(t, customers[1:]),
					// Drift: a member removed outside Terraform.
					func(s *terraform.State) error {
						c := acctest.Client(t)
						ps, err := c.ListShopperProfiles(ctx, bigcommerce.ShopperProfileFilter{CustomerIDs: []int{customers[3]}})
						if err != nil || len(ps) != 1 {
							return fmt.Errorf("profile of customer %d: %v, %v", customers[3], ps, err)
						}
						return c.RemoveProfilesFromSegment(ctx, segmentID(s), []string{ps[0].ID})
					},
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: membersConfig(name, customers[1:]),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(membersName, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(
					members(t, customers[1:]),
					// The segment deleted outside Terraform: both are gone.
					func(s *terraform.State) error { return acctest.Client(t).DeleteSegments(ctx, []string{segmentID(s)}) },
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: membersConfig(name, customers[1:]),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(membersName, plancheck.ResourceActionCreate),
					},
				},
				Check: members(t, customers[1:]),
			},
		}, acctest.ImportSteps(membersName, membersConfig(name, customers[1:]), "id")...),
	})
}

func TestAccCustomerSegmentMembers_errors(t *testing.T) {
	store := acctest.Sandbox(t)
	customers := store.SeedCustomers(1, 0)
	const missing = 987654321
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config:      membersConfig(randomName("Missing"), []int{customers[0], missing}),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Customer not found.*The store has no customer with id %d; remove it from customer_ids.`, missing)),
			},
			{
				Config:      membersLiteral(zeroUUID, fmt.Sprintf("[%d]", customers[0])),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Customer segment not found.*The store has no segment with id %s.`, zeroUUID)),
			},
			{
				Config: membersLiteral(zeroUUID, "[1]"), ResourceName: membersName, ImportState: true, ImportStateId: "nope",
				ExpectError: acctest.ExpectErrorText(`Invalid import ID.*Expected the id of the customer segment whose members to import: a segment id is a UUID`),
			},
		},
	})
}

// membersConfig is a segment and its members.
func membersConfig(name string, customers []int) string {
	ids := make([]string, len(customers))
	for i, id := range customers {
		ids[i] = fmt.Sprint(id)
	}
	return fmt.Sprintf(`
resource "bigcommerce_customer_segment" "test" {
  name = %q
}

resource "bigcommerce_customer_segment_members" "test" {
  segment_id   = bigcommerce_customer_segment.test.id
  customer_ids = [%s]
}
`, name, strings.Join(ids, ", "))
}

// members checks that the segment holds exactly these customers.
func members(t *testing.T, want []int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ps, err := acctest.Client(t).ListSegmentProfiles(context.Background(), segmentID(s))
		if err != nil {
			return err
		}
		got := map[int]bool{}
		for _, p := range ps {
			got[p.CustomerID] = true
		}
		if len(ps) != len(want) || !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(slices.Values(want))) {
			return fmt.Errorf("the segment holds %d profiles of customers %v, want %v", len(ps), slices.Sorted(maps.Keys(got)), want)
		}
		return nil
	}
}

// sameValue compares two values of the state.
type sameValue struct{}

func (sameValue) CompareValues(values ...any) error {
	for _, v := range values[1:] {
		if fmt.Sprint(v) != fmt.Sprint(values[0]) {
			return fmt.Errorf("values differ: %v and %v", values[0], v)
		}
	}
	return nil
}
