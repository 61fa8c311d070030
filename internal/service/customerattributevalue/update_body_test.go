package customerattributevalue_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// A new value sends the pair that names it and the value: not the value's
// own id, which the pair makes unnecessary.
func TestAccCustomerAttributeValue_updateSendsThePairAndTheValue(t *testing.T) {
	store := acctest.Sandbox(t)
	e := newEnv(t)
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
			{Config: e.config("first", "tier", `"Gold"`)},
			{
				PreConfig: func() { rec = store.Record() },
				Config:    e.config("first", "tier", `"Platinum"`),
				Check: func(s *terraform.State) error {
					rec.Stop()
					reqs := rec.Requests("PUT /v3/customers/attribute-values")
					if len(reqs) != 1 {
						return fmt.Errorf("the store received %d upserts of values, want 1", len(reqs))
					}
					cid, aid := pair(t, s)
					var got []map[string]any
					if err := json.Unmarshal(reqs[0].Body, &got); err != nil {
						return err
					}
					want := []map[string]any{{"customer_id": float64(cid), "attribute_id": float64(aid), "value": "Platinum"}}
					if !reflect.DeepEqual(got, want) {
						return fmt.Errorf("the upsert sent %s, want %v", reqs[0].Body, want)
					}
					return nil
				},
			},
		},
	})
}
