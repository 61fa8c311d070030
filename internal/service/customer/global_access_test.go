package customer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
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
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// A customer with access to every channel has every mutable attribute
// updated, its password rotated and an out-of-band change repaired. No
// update carries channel_ids, a null, or an attribute that did not change.
func TestAccCustomer_globalAccessUpdates(t *testing.T) {
	store := acctest.Sandbox(t)
	email := acctest.RandomEmail("global")
	newEmail := acctest.RandomEmail("global-renamed")
	var rec *sandbox.Recording
	config := func(email, first, company, credit, size, ip string, version int) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email                                        = %q
  first_name                                   = %q
  last_name                                    = "Doe"
  company                                      = %q
  phone                                        = "555-0%d"
  notes                                        = "note %d"
  tax_exempt_category                          = "T%d"
  store_credit                                 = %s
  accepts_product_review_abandoned_cart_emails = %t
  force_password_reset                         = %t
  registration_ip_address                      = %q
  password_wo                                  = "Passw0rd-%d"
  password_wo_version                          = %d
  form_fields = {
    shirt_size = { value = %q }
  }
}
`, email, first, company, version, version, version, credit, version == 1, version == 1, ip, version, version, size)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.WriteOnly},
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { rec = store.Record() },
				Config:    config(email, "Jane", "Acme", "10", "L", "203.0.113.7", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("channel_ids"), knownvalue.Null()),
				},
				Check: checkPassword(t, email, "Passw0rd-1", true),
			},
			{
				Config: config(newEmail, "Janet", "Globex", "2.5", "XL", "2001:db8::1", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(
					checkPassword(t, newEmail, "Passw0rd-2", true),
					checkPassword(t, newEmail, "Passw0rd-1", false),
					checkRegistrationIP(t, "2001:db8::1"),
					func(s *terraform.State) error {
						c := storeCustomer(t, s)
						if c.Email != newEmail || c.FirstName != "Janet" || c.Company != "Globex" || c.Phone != "555-02" || c.Notes != "note 2" ||
							c.TaxExemptCategory != "T2" || c.StoreCreditAmounts[0].Amount != "2.5" || c.AcceptsProductReviewAbandonedCartEmails ||
							c.Authentication.ForcePasswordReset || c.ChannelIDs != nil || *c.FormFields[0].Value.Text != "XL" {
							return fmt.Errorf("the store does not hold the update: %+v", c)
						}
						// Out of band: someone renames the customer and changes the company.
						_, err := acctest.Client(t).UpdateCustomer(context.Background(), bigcommerce.CustomerUpdate{ID: c.ID, FirstName: new("Changed"), Company: new("Out of band")})
						return err
					},
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: config(newEmail, "Janet", "Globex", "2.5", "XL", "2001:db8::1", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				Check: func(s *terraform.State) error {
					rec.Stop()
					c := storeCustomer(t, s)
					if c.FirstName != "Janet" || c.Company != "Globex" {
						return fmt.Errorf("drift not repaired: first_name=%q company=%q", c.FirstName, c.Company)
					}
					return checkUpdateBodies(rec.Requests("PUT /v3/customers"), c.ID)
				},
			},
		},
	})
}

// checkUpdateBodies checks what reached PUT /v3/customers: never channel_ids
// nor a null, and the repair of the drift only the two drifted attributes.
func checkUpdateBodies(reqs []sandbox.RecordedRequest, id int) error {
	var ours []map[string]json.RawMessage
	for _, r := range reqs {
		var items []map[string]json.RawMessage
		if err := json.Unmarshal(r.Body, &items); err != nil {
			return err
		}
		for _, item := range items {
			if string(item["id"]) == fmt.Sprint(id) {
				ours = append(ours, item)
			}
		}
	}
	if len(ours) < 3 {
		return fmt.Errorf("recorded %d updates of customer %d, want the provider's update, the out-of-band one and the repair", len(ours), id)
	}
	for _, item := range ours {
		for k, v := range item {
			if k == "channel_ids" || string(v) == "null" {
				return fmt.Errorf("an update sent %s: %s", k, v)
			}
		}
	}
	repair := ours[len(ours)-1]
	keys := make([]string, 0, len(repair))
	for k := range repair {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"company", "first_name", "id"}) {
		return fmt.Errorf("the repair sent %v, want only id, first_name and company", keys)
	}
	return nil
}
