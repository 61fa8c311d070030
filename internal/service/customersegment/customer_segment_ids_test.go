package customersegment_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// A customer shows the segments it belongs to and its shopper profile
// (include=shopper_profile_id,segment_ids): none right after it is created,
// the segment once the members resource has added it.
func TestAccCustomer_segmentIDs(t *testing.T) {
	email := acctest.RandomEmail("segmented")
	name := fmt.Sprintf("Segment of %s", email)
	customer := fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email      = %q
  first_name = "Seg"
  last_name  = "Mented"
}
`, email)
	segment := fmt.Sprintf(`
resource "bigcommerce_customer_segment" "test" {
  name = %q
}

resource "bigcommerce_customer_segment_members" "test" {
  segment_id   = bigcommerce_customer_segment.test.id
  customer_ids = [bigcommerce_customer.test.id]
}

data "bigcommerce_customer" "test" {
  id         = bigcommerce_customer.test.id
  depends_on = [bigcommerce_customer_segment_members.test]
}
`, name)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: customer,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("bigcommerce_customer.test", tfjsonpath.New("shopper_profile_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue("bigcommerce_customer.test", tfjsonpath.New("segment_ids"), knownvalue.SetSizeExact(0)),
				},
			},
			{
				Config: customer + segment,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValueCollection("data.bigcommerce_customer.test", []tfjsonpath.Path{tfjsonpath.New("segment_ids")},
						"bigcommerce_customer_segment.test", tfjsonpath.New("id"), compareEqual{}),
					statecheck.ExpectKnownValue("data.bigcommerce_customer.test", tfjsonpath.New("shopper_profile_id"), knownvalue.NotNull()),
				},
			},
			{
				// The refreshed customer shows the segment without planning a change.
				Config:   customer + segment,
				PlanOnly: true,
			},
		},
	})
}

type compareEqual struct{}

func (compareEqual) CompareValues(values ...any) error {
	if len(values) != 2 || fmt.Sprint(values[0]) != fmt.Sprint(values[1]) {
		return fmt.Errorf("values differ: %v", values)
	}
	return nil
}
