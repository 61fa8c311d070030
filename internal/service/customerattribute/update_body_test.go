package customerattribute_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// A rename sends the attribute's id and its new name, nothing more.
func TestAccCustomerAttribute_renameSendsOnlyTheName(t *testing.T) {
	writes := acctest.RecordWrites(t)
	name, renamed := randomName("Patch"), randomName("Patched")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config(name, "date")},
			{
				PreConfig: writes.Start,
				Config:    config(renamed, "date"),
				Check:     writes.SentOne("PUT /v3/customers/attributes", resourceName, fmt.Sprintf(`[{"id":"$id","name":%q}]`, renamed)),
			},
		},
	})
}
