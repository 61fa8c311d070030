package customergroup_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// An update sends what changed: not the attributes the configuration
// leaves to the store, and no rules for discount rules it removes.
func TestAccCustomerGroup_updateSendsOnlyWhatChanged(t *testing.T) {
	writes := acctest.RecordWrites(t)
	name, renamed := randomName("patch"), randomName("patched")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: configWithRule(name, "all", "percent", "5", 0)},
			{
				PreConfig: writes.Start,
				Config:    configWithRule(renamed, "all", "percent", "5", 0),
				Check:     writes.SentOne("PUT /v2/customer_groups/{id}", resourceName, fmt.Sprintf(`{"name":%q}`, renamed)),
			},
			{
				// category_access, left out, keeps the store's value.
				PreConfig: writes.Start,
				Config:    configBasic(renamed),
				Check:     writes.SentOne("PUT /v2/customer_groups/{id}", resourceName, `{"discount_rules":[]}`),
			},
		},
	})
}
