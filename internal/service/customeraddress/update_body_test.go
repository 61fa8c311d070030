package customeraddress_test

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

// An update sends the address's id and what changed, nothing the
// configuration leaves to the store, and "" for a field it removes.
func TestAccCustomerAddress_updateSendsOnlyWhatChanged(t *testing.T) {
	store := acctest.Sandbox(t)
	owner := acctest.RandomEmail("patch")
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
			{Config: configAddress(owner, texasFields("1 Main St")+`  company = "Acme Corp"`+"\n"+`  phone = "555-0100"`+"\n")},
			{
				PreConfig: record,
				Config:    configAddress(owner, texasFields("1 Main St")+`  company = "Acme Corp"`+"\n"+`  phone = "555-0199"`+"\n"),
				Check:     sentOnly(&rec, `{"phone":"555-0199"}`),
			},
			{
				PreConfig: record,
				Config:    configAddress(owner, texasFields("1 Main St")+`  phone = "555-0199"`+"\n"),
				Check:     sentOnly(&rec, `{"company":""}`),
			},
		},
	})
}

// sentOnly checks that the step sent one update of the address: its id and
// the members of want.
func sentOnly(rec **sandbox.Recording, want string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		(*rec).Stop()
		reqs := (*rec).Requests("PUT /v3/customers/addresses")
		if len(reqs) != 1 {
			return fmt.Errorf("the store received %d address updates, want 1", len(reqs))
		}
		var item map[string]any
		if err := json.Unmarshal([]byte(want), &item); err != nil {
			return err
		}
		id, err := strconv.ParseFloat(s.RootModule().Resources[resourceName].Primary.ID, 64)
		if err != nil {
			return err
		}
		item["id"] = id
		var got []map[string]any
		if err := json.Unmarshal(reqs[0].Body, &got); err != nil {
			return err
		}
		if !reflect.DeepEqual(got, []map[string]any{item}) {
			return fmt.Errorf("the update sent %s, want [%s] with the address's id", reqs[0].Body, want)
		}
		return nil
	}
}
