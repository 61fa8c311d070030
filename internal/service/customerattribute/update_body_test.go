package customerattribute_test

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

// A rename sends the attribute's id and its new name, nothing more.
func TestAccCustomerAttribute_renameSendsOnlyTheName(t *testing.T) {
	store := acctest.Sandbox(t)
	name, renamed := randomName("Patch"), randomName("Patched")
	var rec *sandbox.Recording
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
			{Config: config(name, "date")},
			{
				PreConfig: func() { rec = store.Record() },
				Config:    config(renamed, "date"),
				Check: func(s *terraform.State) error {
					rec.Stop()
					reqs := rec.Requests("PUT /v3/customers/attributes")
					if len(reqs) != 1 {
						return fmt.Errorf("the store received %d attribute updates, want 1", len(reqs))
					}
					id, err := strconv.ParseFloat(s.RootModule().Resources[resourceName].Primary.ID, 64)
					if err != nil {
						return err
					}
					var got []map[string]any
					if err := json.Unmarshal(reqs[0].Body, &got); err != nil {
						return err
					}
					if want := []map[string]any{{"id": id, "name": renamed}}; !reflect.DeepEqual(got, want) {
						return fmt.Errorf("the update sent %s, want %v", reqs[0].Body, want)
					}
					return nil
				},
			},
		},
	})
}
