package customergroup_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// An update sends what changed: not the attributes the configuration
// leaves to the store, and no rules for discount rules it removes.
func TestAccCustomerGroup_updateSendsOnlyWhatChanged(t *testing.T) {
	store := acctest.Sandbox(t)
	name, renamed := randomName("patch"), randomName("patched")
	var rec *sandbox.Recording
	record := func() { rec = store.Record() }
	t.Cleanup(func() {
		if rec != nil {
			rec.Stop()
		}
	})
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: configWithRule(name, "all", "percent", "5", 0)},
			{
				PreConfig: record,
				Config:    configWithRule(renamed, "all", "percent", "5", 0),
				Check:     sentOnly(&rec, fmt.Sprintf(`{"name":%q}`, renamed)),
			},
			{
				// category_access, left out, keeps the store's value.
				PreConfig: record,
				Config:    configBasic(renamed),
				Check:     sentOnly(&rec, `{"discount_rules":[]}`),
			},
		},
	})
}

// sentOnly checks that the step sent one update of the group, to its path,
// with the body want.
func sentOnly(rec **sandbox.Recording, want string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		(*rec).Stop()
		reqs := (*rec).Requests("PUT /v2/customer_groups/{id}")
		if len(reqs) != 1 {
			return fmt.Errorf("the store received %d group updates, want 1", len(reqs))
		}
		if id := s.RootModule().Resources[resourceName].Primary.ID; strconv.Itoa(reqs[0].ID) != id {
			return fmt.Errorf("the update went to group %d, want %s", reqs[0].ID, id)
		}
		var got, wantBody any
		if err := json.Unmarshal(reqs[0].Body, &got); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(want), &wantBody); err != nil {
			return err
		}
		if !reflect.DeepEqual(got, wantBody) {
			return fmt.Errorf("the update sent %s, want %s", reqs[0].Body, want)
		}
		return nil
	}
}
