package customerattribute_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerAttributesDataSource(t *testing.T) {
	size, joined := randomName("Size"), randomName("Joined")
	cfg := fmt.Sprintf(`
resource "bigcommerce_customer_attribute" "size" {
  name = %q
  type = "number"
}

resource "bigcommerce_customer_attribute" "joined" {
  name = %q
  type = "date"
}

data "bigcommerce_customer_attributes" "all" {
  depends_on = [bigcommerce_customer_attribute.size, bigcommerce_customer_attribute.joined]
}

data "bigcommerce_customer_attributes" "by_name" {
  name = upper(bigcommerce_customer_attribute.joined.name)
}

data "bigcommerce_customer_attributes" "dates" {
  type       = "date"
  depends_on = [bigcommerce_customer_attribute.size, bigcommerce_customer_attribute.joined]
}
`, size, joined)
	byName := "data.bigcommerce_customer_attributes.by_name"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(byName, tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
					statecheck.CompareValuePairs(byName, tfjsonpath.New("ids").AtSliceIndex(0), "bigcommerce_customer_attribute.joined", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(byName, tfjsonpath.New("attributes").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"name": knownvalue.StringExact(joined),
						"type": knownvalue.StringExact("date"),
					})),
					statecheck.CompareValuePairs(byName, tfjsonpath.New("attributes").AtSliceIndex(0).AtMapKey("date_created"), "bigcommerce_customer_attribute.joined", tfjsonpath.New("date_created"), compare.ValuesSame()),
					listHoldsIDs("data.bigcommerce_customer_attributes.all", "bigcommerce_customer_attribute.size", "bigcommerce_customer_attribute.joined"),
					listHoldsIDs("data.bigcommerce_customer_attributes.dates", "bigcommerce_customer_attribute.joined"),
					listLacksIDs("data.bigcommerce_customer_attributes.dates", "bigcommerce_customer_attribute.size"),
				},
			},
		},
	})
}

// listHoldsIDs checks that a data source's ids include the resources' ids.
func listHoldsIDs(dataSource string, resources ...string) statecheck.StateCheck {
	return idsCheck{dataSource, resources, true}
}

// listLacksIDs checks that a data source's ids include none of the
// resources' ids.
func listLacksIDs(dataSource string, resources ...string) statecheck.StateCheck {
	return idsCheck{dataSource, resources, false}
}

type idsCheck struct {
	dataSource string
	resources  []string
	want       bool
}

func (c idsCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	byAddress := map[string]*tfjson.StateResource{}
	for _, r := range req.State.Values.RootModule.Resources {
		byAddress[r.Address] = r
	}
	ds := byAddress[c.dataSource]
	if ds == nil {
		resp.Error = fmt.Errorf("%s is not in the state", c.dataSource)
		return
	}
	list, _ := ds.AttributeValues["ids"].([]any)
	ids := make([]string, 0, len(list))
	for _, v := range list {
		ids = append(ids, fmt.Sprint(v))
	}
	for _, name := range c.resources {
		r := byAddress[name]
		if r == nil {
			resp.Error = fmt.Errorf("%s is not in the state", name)
			return
		}
		id := fmt.Sprint(r.AttributeValues["id"])
		if slices.Contains(ids, id) != c.want {
			resp.Error = fmt.Errorf("%s ids %v: holding %s (%s) is %t, want %t", c.dataSource, ids, name, id, !c.want, c.want)
			return
		}
	}
}

func TestAccCustomerAttributesDataSource_validation(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "bigcommerce_customer_attributes" "x" { type = "boolean" }`,
				ExpectError: acctest.ExpectErrorText(`Attribute type value must be one of: ["string" "number" "date"], got: "boolean"`),
			},
			{
				Config:      `data "bigcommerce_customer_attributes" "x" { name = "" }`,
				ExpectError: acctest.ExpectErrorText(`Attribute name string length must be between 1 and 255, got: 0`),
			},
		},
	})
}
