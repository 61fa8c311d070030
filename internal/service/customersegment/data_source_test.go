package customersegment_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// twoSegments are two segments whose names start with prefix.
func twoSegments(prefix string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_segment" "s" {
  count       = 2
  name        = "%s ${["Gold", "Silver"][count.index]}"
  description = ["Top tier", null][count.index]
}
`, prefix)
}

func TestAccCustomerSegmentDataSources(t *testing.T) {
	prefix := randomName("DS")
	withData := twoSegments(prefix) + fmt.Sprintf(`
data "bigcommerce_customer_segment" "by_id" {
  id = bigcommerce_customer_segment.s[0].id
}

data "bigcommerce_customer_segment" "by_name" {
  name       = %q
  depends_on = [bigcommerce_customer_segment.s]
}

data "bigcommerce_customer_segments" "all" {
  depends_on = [bigcommerce_customer_segment.s]
}
`, strings.ToLower(prefix)+" silver")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: twoSegments(prefix)},
			{
				Config: withData,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.bigcommerce_customer_segment.by_id", tfjsonpath.New("name"), knownvalue.StringExact(prefix+" Gold")),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_segment.by_id", tfjsonpath.New("description"), knownvalue.StringExact("Top tier")),
					statecheck.CompareValuePairs("data.bigcommerce_customer_segment.by_id", tfjsonpath.New("updated_at"),
						"bigcommerce_customer_segment.s[0]", tfjsonpath.New("updated_at"), sameValue{}),
					// Names match without regard to case.
					statecheck.ExpectKnownValue("data.bigcommerce_customer_segment.by_name", tfjsonpath.New("name"), knownvalue.StringExact(prefix+" Silver")),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_segment.by_name", tfjsonpath.New("description"), knownvalue.StringExact("")),
					statecheck.CompareValuePairs("data.bigcommerce_customer_segment.by_name", tfjsonpath.New("id"),
						"bigcommerce_customer_segment.s[1]", tfjsonpath.New("id"), sameValue{}),
				},
				Check: listsBoth("data.bigcommerce_customer_segments.all", prefix),
			},
			{
				Config:      twoSegments(prefix) + `data "bigcommerce_customer_segment" "x" { name = "no such segment anywhere" }`,
				ExpectError: acctest.ExpectErrorText(`Customer segment not found.*The store has no segment named "no such segment anywhere".`),
			},
			{
				Config:      twoSegments(prefix) + `data "bigcommerce_customer_segment" "x" { id = "` + zeroUUID + `" }`,
				ExpectError: acctest.ExpectErrorText(`Customer segment not found.*The store has no segment with id ` + zeroUUID),
			},
		},
	})
}

// listsBoth checks that the segments data source lists both segments of
// twoSegments among the store's, in ids and segments alike.
func listsBoth(address, prefix string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ds := s.RootModule().Resources[address].Primary.Attributes
		for i := range 2 {
			sg := s.RootModule().Resources[fmt.Sprintf("bigcommerce_customer_segment.s.%d", i)].Primary
			found := false
			for j := 0; ds[fmt.Sprintf("ids.%d", j)] != ""; j++ {
				if ds[fmt.Sprintf("ids.%d", j)] == sg.ID {
					found = ds[fmt.Sprintf("segments.%d.id", j)] == sg.ID && ds[fmt.Sprintf("segments.%d.name", j)] == sg.Attributes["name"] &&
						strings.HasPrefix(sg.Attributes["name"], prefix)
				}
			}
			if !found {
				return fmt.Errorf("%s does not list segment %s (%s) in ids and segments alike", address, sg.ID, sg.Attributes["name"])
			}
		}
		return nil
	}
}

func TestAccCustomerSegmentList_query(t *testing.T) {
	prefix := randomName("Query")
	query := fmt.Sprintf(`
list "bigcommerce_customer_segment" "mine" {
  provider         = bigcommerce
  include_resource = true
  config {
    name_contains = %q
  }
}

list "bigcommerce_customer_segment" "all" {
  provider = bigcommerce
}
`, strings.ToUpper(prefix))
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Query},
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: twoSegments(prefix)},
			{
				Query:  true,
				Config: query,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("bigcommerce_customer_segment.mine", 2),
					querycheck.ExpectLengthAtLeast("bigcommerce_customer_segment.all", 2),
					querycheck.ExpectResourceDisplayName("bigcommerce_customer_segment.mine",
						queryfilter.ByDisplayName(knownvalue.StringExact(prefix+" Silver")), knownvalue.StringExact(prefix+" Silver")),
					querycheck.ExpectResourceKnownValues("bigcommerce_customer_segment.mine",
						queryfilter.ByDisplayName(knownvalue.StringExact(prefix+" Gold")),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact(prefix + " Gold")},
							{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("Top tier")},
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringRegexp(uuidPattern)},
						}),
				},
			},
		},
	})
}
