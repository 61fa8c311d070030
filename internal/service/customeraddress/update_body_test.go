package customeraddress_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// An update sends the address's id and what changed, nothing the
// configuration leaves to the store, and "" for a field it removes.
func TestAccCustomerAddress_updateSendsOnlyWhatChanged(t *testing.T) {
	writes := acctest.RecordWrites(t)
	owner := acctest.RandomEmail("patch")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: configAddress(owner, texasFields("1 Main St")+`  company = "Acme Corp"`+"\n"+`  phone = "555-0100"`+"\n")},
			{
				PreConfig: writes.Start,
				Config:    configAddress(owner, texasFields("1 Main St")+`  company = "Acme Corp"`+"\n"+`  phone = "555-0199"`+"\n"),
				Check:     writes.SentOne("PUT /v3/customers/addresses", resourceName, `[{"id":"$id","phone":"555-0199"}]`),
			},
			{
				PreConfig: writes.Start,
				Config:    configAddress(owner, texasFields("1 Main St")+`  phone = "555-0199"`+"\n"),
				Check:     writes.SentOne("PUT /v3/customers/addresses", resourceName, `[{"id":"$id","company":""}]`),
			},
		},
	})
}
