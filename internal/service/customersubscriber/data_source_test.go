package customersubscriber_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerSubscriberDataSource_byIDAndEmail(t *testing.T) {
	email := acctest.RandomEmail("lookup")
	cfg := config(email, `first_name = "Jane"`, `source = "order"`, `order_id = 9`, `consents = ["marketing_newsletter"]`) + `
data "bigcommerce_customer_subscriber" "by_id" {
  id = bigcommerce_customer_subscriber.test.id
}

data "bigcommerce_customer_subscriber" "by_email" {
  email = upper(bigcommerce_customer_subscriber.test.email)
}
`
	var checks []statecheck.StateCheck
	for _, ds := range []string{"data.bigcommerce_customer_subscriber.by_id", "data.bigcommerce_customer_subscriber.by_email"} {
		for _, attr := range []string{"id", "first_name", "source", "order_id", "channel_id", "consents", "date_created", "date_modified"} {
			checks = append(checks, statecheck.CompareValuePairs(ds, tfjsonpath.New(attr), resourceName, tfjsonpath.New(attr), compare.ValuesSame()))
		}
		checks = append(checks,
			statecheck.ExpectKnownValue(ds, tfjsonpath.New("email"), knownvalue.StringExact(email)),
			statecheck.ExpectKnownValue(ds, tfjsonpath.New("last_name"), knownvalue.StringExact("")))
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps:                    []resource.TestStep{{Config: cfg, ConfigStateChecks: checks}},
	})
}

func TestAccCustomerSubscriberDataSource_errors(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "bigcommerce_customer_subscriber" "x" { email = "nobody-00000000@example.com" }`,
				ExpectError: acctest.ExpectErrorText(`Customer subscriber not found.*The store has no subscriber with e-mail nobody-00000000@example.com.`),
			},
			{
				Config:      `data "bigcommerce_customer_subscriber" "x" { id = "999999999" }`,
				ExpectError: acctest.ExpectErrorText(`Customer subscriber not found.*The store has no subscriber with id 999999999.`),
			},
			{
				Config:      `data "bigcommerce_customer_subscriber" "x" {}`,
				ExpectError: acctest.ExpectErrorText(`Exactly one of these attributes must be configured: [id,email]`),
			},
			{
				Config:      `data "bigcommerce_customer_subscriber" "x" { id = "abc" }`,
				ExpectError: acctest.ExpectErrorText(`Invalid customer subscriber id.*"abc"`),
			},
			{
				Config:      `data "bigcommerce_customer_subscribers" "x" { date_created_min = "yesterday" }`,
				ExpectError: acctest.ExpectErrorText(`must be a date such as 2024-05-14 or 2024-05-14T09:34:00`),
			},
			{
				Config:      `data "bigcommerce_customer_subscribers" "x" { source = "elsewhere" }`,
				ExpectError: acctest.ExpectErrorText(`Attribute source value must be one of: ["storefront" "order" "custom"], got: "elsewhere"`),
			},
		},
	})
}

// threeSubscribers are three subscribers sharing a last name unique to
// the test: storefront, order 77 and custom.
func threeSubscribers(last string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_subscriber" "s" {
  count      = 3
  email      = "s${count.index}-%[1]s@example.com"
  first_name = ["Ann", "Bob", "Cy"][count.index]
  last_name  = %[1]q
  source     = ["storefront", "order", "custom"][count.index]
  order_id   = [null, 77, null][count.index]
}
`, last)
}

func TestAccCustomerSubscribersDataSource_filters(t *testing.T) {
	last := strings.TrimSuffix(acctest.RandomEmail("family"), "@example.com")
	resources := threeSubscribers(last)
	withData := resources + fmt.Sprintf(`
data "bigcommerce_customer_subscribers" "family" {
  last_name  = %[1]q
  depends_on = [bigcommerce_customer_subscriber.s]
}

data "bigcommerce_customer_subscribers" "storefront" {
  last_name  = upper(%[1]q)
  source     = "storefront"
  depends_on = [bigcommerce_customer_subscriber.s]
}

data "bigcommerce_customer_subscribers" "order" {
  order_id   = 77
  last_name  = %[1]q
  depends_on = [bigcommerce_customer_subscriber.s]
}

data "bigcommerce_customer_subscribers" "by_email" {
  email      = "S2-%[1]s@EXAMPLE.COM"
  depends_on = [bigcommerce_customer_subscriber.s]
}

data "bigcommerce_customer_subscribers" "by_ids" {
  id_in      = [bigcommerce_customer_subscriber.s[0].id, bigcommerce_customer_subscriber.s[2].id]
  first_name = "Cy"
}

data "bigcommerce_customer_subscribers" "recent" {
  last_name         = %[1]q
  date_created_min  = "2000-01-01"
  date_modified_max = "2999-12-31T23:59:59"
  depends_on        = [bigcommerce_customer_subscriber.s]
}

data "bigcommerce_customer_subscribers" "future" {
  last_name        = %[1]q
  date_created_min = "2999-01-01"
  depends_on       = [bigcommerce_customer_subscriber.s]
}
`, last)
	ds := func(name string) string { return "data.bigcommerce_customer_subscribers." + name }
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: resources},
			{
				Config: withData,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds("family"), tfjsonpath.New("ids"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue(ds("storefront"), tfjsonpath.New("subscribers"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"email":      knownvalue.StringExact("s0-" + last + "@example.com"),
							"first_name": knownvalue.StringExact("Ann"),
							"source":     knownvalue.StringExact("storefront"),
							"order_id":   knownvalue.Null(),
							"channel_id": knownvalue.Int64Exact(1),
							"consents":   knownvalue.SetExact(nil),
							"id":         knownvalue.StringRegexp(idPattern),
						}),
					})),
					statecheck.ExpectKnownValue(ds("order"), tfjsonpath.New("subscribers"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"first_name": knownvalue.StringExact("Bob"), "order_id": knownvalue.Int64Exact(77)}),
					})),
					statecheck.CompareValuePairs(ds("by_email"), tfjsonpath.New("ids").AtSliceIndex(0),
						"bigcommerce_customer_subscriber.s[2]", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(ds("by_email"), tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
					statecheck.CompareValuePairs(ds("by_ids"), tfjsonpath.New("ids").AtSliceIndex(0),
						"bigcommerce_customer_subscriber.s[2]", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(ds("by_ids"), tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(ds("recent"), tfjsonpath.New("ids"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue(ds("future"), tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(ds("future"), tfjsonpath.New("subscribers"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}

func TestAccCustomerSubscriberList_query(t *testing.T) {
	last := strings.TrimSuffix(acctest.RandomEmail("query"), "@example.com")
	query := fmt.Sprintf(`
list "bigcommerce_customer_subscriber" "family" {
  provider         = bigcommerce
  include_resource = true
  config {
    last_name = %[1]q
  }
}

list "bigcommerce_customer_subscriber" "order" {
  provider = bigcommerce
  config {
    last_name = %[1]q
    source    = "order"
  }
}
`, last)
	bob := "Bob " + last + " <s1-" + last + "@example.com>"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Query},
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: threeSubscribers(last)},
			{
				Query:  true,
				Config: query,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("bigcommerce_customer_subscriber.family", 3),
					querycheck.ExpectLength("bigcommerce_customer_subscriber.order", 1),
					querycheck.ExpectResourceDisplayName("bigcommerce_customer_subscriber.order",
						queryfilter.ByDisplayName(knownvalue.StringExact(bob)), knownvalue.StringExact(bob)),
					querycheck.ExpectResourceKnownValues("bigcommerce_customer_subscriber.family",
						queryfilter.ByDisplayName(knownvalue.StringExact(bob)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact("s1-" + last + "@example.com")},
							{Path: tfjsonpath.New("order_id"), KnownValue: knownvalue.Int64Exact(77)},
							{Path: tfjsonpath.New("source"), KnownValue: knownvalue.StringExact("order")},
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringRegexp(idPattern)},
						}),
				},
			},
		},
	})
}

// TestAccCustomerSubscriberList_noName shows a subscriber without a name
// by its e-mail alone.
func TestAccCustomerSubscriberList_noName(t *testing.T) {
	email := acctest.RandomEmail("noname")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Query},
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config(email)},
			{
				Query: true,
				Config: fmt.Sprintf(`
list "bigcommerce_customer_subscriber" "one" {
  provider = bigcommerce
  config {
    email = %q
  }
}
`, strings.ToUpper(email)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("bigcommerce_customer_subscriber.one", 1),
					querycheck.ExpectResourceDisplayName("bigcommerce_customer_subscriber.one",
						queryfilter.ByDisplayName(knownvalue.StringExact(email)), knownvalue.StringExact(email)),
				},
			},
		},
	})
}
