package customergroup_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// groupAttributes are the attributes the data sources share with the
// resource.
var groupAttributes = []string{"id", "name", "is_default", "is_group_for_guests", "category_access", "discount_rules", "date_created", "date_modified"}

// sameAsResource checks that a data source reports what the resource holds,
// for every shared attribute but those skipped.
func sameAsResource(address string, at func(attr string) tfjsonpath.Path, skip ...string) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for _, attr := range groupAttributes {
		if slices.Contains(skip, attr) {
			continue
		}
		checks = append(checks, statecheck.CompareValuePairs(address, at(attr), resourceName, tfjsonpath.New(attr), compare.ValuesSame()))
	}
	return checks
}

func topLevel(attr string) tfjsonpath.Path { return tfjsonpath.New(attr) }

func TestAccCustomerGroupDataSource_byIDAndName(t *testing.T) {
	name := randomName("Lookup")
	config := fmt.Sprintf(`
resource "bigcommerce_customer_group" "test" {
  name = %q
  category_access = {
    type       = "specific"
    categories = [4, 5]
  }
  discount_rules = [
    { type = "all", method = "percent", amount = 2.5 },
    { type = "product", method = "fixed", amount = 1, product_id = 77 },
  ]
}

data "bigcommerce_customer_group" "by_id" {
  id = bigcommerce_customer_group.test.id
}

data "bigcommerce_customer_group" "by_name" {
  name = lower(bigcommerce_customer_group.test.name)
}
`, name)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: append(append(
					sameAsResource("data.bigcommerce_customer_group.by_id", topLevel),
					sameAsResource("data.bigcommerce_customer_group.by_name", topLevel)...),
					// The name is the store's spelling, not the one searched for.
					statecheck.ExpectKnownValue("data.bigcommerce_customer_group.by_name", tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_group.by_id", tfjsonpath.New("discount_rules"), knownvalue.ListExact([]knownvalue.Check{
						rule("all", "percent", "2.5", 0, 0, 0),
						rule("product", "fixed", "1", 0, 77, 0),
					})),
				),
			},
		},
	})
}

func TestAccCustomerGroupsDataSource_list(t *testing.T) {
	prefix := randomName("list")
	config := fmt.Sprintf(`
resource "bigcommerce_customer_group" "test" {
  name = "%[1]s-a"
}

# Created second, so it lists second (groups list in id order).
resource "bigcommerce_customer_group" "other" {
  name       = "%[1]s-b"
  depends_on = [bigcommerce_customer_group.test]
  discount_rules = [
    { type = "price_list", price_list_id = 2 },
  ]
}

data "bigcommerce_customer_groups" "all" {
  depends_on = [bigcommerce_customer_group.test, bigcommerce_customer_group.other]
}

data "bigcommerce_customer_groups" "like" {
  name_like  = %[1]q
  depends_on = [bigcommerce_customer_group.test, bigcommerce_customer_group.other]
}

data "bigcommerce_customer_groups" "exact" {
  name       = "%[1]s-b"
  depends_on = [bigcommerce_customer_group.test, bigcommerce_customer_group.other]
}

data "bigcommerce_customer_groups" "none" {
  name_like  = "%[1]s-nothing"
  depends_on = [bigcommerce_customer_group.test, bigcommerce_customer_group.other]
}

output "all_ids_contain_both" {
  value = alltrue([for g in [bigcommerce_customer_group.test, bigcommerce_customer_group.other] : contains(data.bigcommerce_customer_groups.all.ids, g.id)])
}
`, prefix)
	first := func(attr string) tfjsonpath.Path { return tfjsonpath.New("groups").AtSliceIndex(0).AtMapKey(attr) }
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: append(sameAsResource("data.bigcommerce_customer_groups.like", first, "discount_rules"),
					statecheck.ExpectKnownOutputValue("all_ids_contain_both", knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_groups.like", tfjsonpath.New("ids"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_groups.like", tfjsonpath.New("groups").AtSliceIndex(1).AtMapKey("name"), knownvalue.StringExact(prefix+"-b")),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_groups.like", tfjsonpath.New("groups").AtSliceIndex(1).AtMapKey("discount_rules"),
						knownvalue.ListExact([]knownvalue.Check{rule("price_list", "", "", 0, 0, 2)})),
					// A group without rules lists them as empty, not null.
					statecheck.ExpectKnownValue("data.bigcommerce_customer_groups.like", first("discount_rules"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_groups.exact", tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
					statecheck.CompareValuePairs("data.bigcommerce_customer_groups.exact", tfjsonpath.New("ids").AtSliceIndex(0), "bigcommerce_customer_group.other", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_groups.none", tfjsonpath.New("groups"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_groups.none", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
				),
			},
		},
	})
}

func TestAccCustomerGroupDataSource_errors(t *testing.T) {
	missing := randomName("missing")
	steps := []resource.TestStep{
		{
			Config:      fmt.Sprintf(`data "bigcommerce_customer_group" "x" { name = %q }`, missing),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Customer group not found.*name %q`, missing)),
		},
		{
			Config:      `data "bigcommerce_customer_group" "x" { id = "999999999" }`,
			ExpectError: regexp.MustCompile(`(?s)Customer group not found.*id 999999999`),
		},
		{
			Config:      `data "bigcommerce_customer_group" "x" {}`,
			ExpectError: regexp.MustCompile(`(?s)Exactly one of these attributes must be configured: \[id,name\]`),
		},
		{
			Config: `
data "bigcommerce_customer_group" "x" {
  id   = "12"
  name = "Retail"
}
`,
			ExpectError: regexp.MustCompile(`(?s)Exactly one of these attributes must be configured: \[id,name\]`),
		},
		{
			Config:      `data "bigcommerce_customer_group" "x" { id = "twelve" }`,
			ExpectError: regexp.MustCompile(`(?s)Attribute id must be a customer group's numeric id, such as "12"`),
		},
	}
	for i := range steps {
		steps[i].ExpectError = regexp.MustCompile(strings.ReplaceAll(steps[i].ExpectError.String(), " ", `\s+`))
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
}
