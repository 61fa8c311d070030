package customeraddress_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// Address form fields of each type are written and read with their own JSON
// type, changed one at a time, and imported.
func TestAccCustomerAddress_formFields(t *testing.T) {
	owner := acctest.RandomEmail("addressform")
	config := func(floor string) string {
		return configAddress(owner, texasFields("1 Main St")+fmt.Sprintf(`
  form_fields = {
    delivery_instructions = { value = "Back door" }
    floor                 = { number = %s }
    access                = { values = ["gate", "lift"] }
  }
`, floor))
	}
	field := func(kind string, v knownvalue.Check) knownvalue.Check {
		checks := map[string]knownvalue.Check{"value": knownvalue.Null(), "number": knownvalue.Null(), "values": knownvalue.Null()}
		checks[kind] = v
		return knownvalue.ObjectExact(checks)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config("3"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("form_fields"), knownvalue.MapExact(map[string]knownvalue.Check{
						"delivery_instructions": field("value", knownvalue.StringExact("Back door")),
						"floor":                 field("number", knownvalue.NumberExact(big.NewFloat(3))),
						"access":                field("values", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("gate"), knownvalue.StringExact("lift")})),
					})),
				},
				Check: checkStoreFormFields(t, map[string]string{"delivery_instructions": `"Back door"`, "floor": "3", "access": `["gate","lift"]`}),
			},
			{
				Config: config("4.5"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				Check: checkStoreFormFields(t, map[string]string{"delivery_instructions": `"Back door"`, "floor": "4.5", "access": `["gate","lift"]`}),
			},
			{
				Config:            config("4.5"),
				ResourceName:      resourceName,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

// checkStoreFormFields compares the store's address form fields, each as
// the JSON of its value.
func checkStoreFormFields(t *testing.T, want map[string]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		a := storeAddress(t, s)
		got := map[string]string{}
		for _, f := range a.FormFields {
			b, err := f.Value.MarshalJSON()
			if err != nil {
				return err
			}
			got[f.Name] = string(b)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("the store holds form fields %v, want %v", got, want)
		}
		return nil
	}
}
