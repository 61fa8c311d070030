package customer_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestAccCustomerDataSource_byIDAndEmail(t *testing.T) {
	email := acctest.RandomEmail("lookup")
	config := configFull(email, fullValues{
		first: "Jane", last: "Doe", company: "Acme Corp", phone: "555", notes: "n", taxCategory: "A",
		credit: "12.5", channels: "[1]", accepts: true, force: false, formValue: "Large",
	}) + `
data "bigcommerce_customer" "by_id" {
  id = bigcommerce_customer.test.id
}

data "bigcommerce_customer" "by_email" {
  email = upper(bigcommerce_customer.test.email)
}
`
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: append(sameAsResource("data.bigcommerce_customer.by_id"),
					append(sameAsResource("data.bigcommerce_customer.by_email"),
						statecheck.ExpectKnownValue("data.bigcommerce_customer.by_email", tfjsonpath.New("email"), knownvalue.StringExact(email)),
						statecheck.ExpectKnownValue("data.bigcommerce_customer.by_id", tfjsonpath.New("store_credit"), knownvalue.NumberExact(mustDecimal("12.5"))),
						statecheck.ExpectKnownValue("data.bigcommerce_customer.by_id", tfjsonpath.New("form_fields"), knownvalue.MapExact(map[string]knownvalue.Check{"shirt_size": textField("Large")})),
					)...),
			},
		},
	})
}

// sameAsResource checks that a data source reports what the resource holds.
func sameAsResource(address string) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for _, attr := range []string{"id", "first_name", "last_name", "company", "phone", "notes", "tax_exempt_category", "accepts_product_review_abandoned_cart_emails", "channel_ids", "origin_channel_id", "registration_ip_address", "force_password_reset", "date_created", "date_modified"} {
		checks = append(checks, statecheck.CompareValuePairs(address, tfjsonpath.New(attr), resourceName, tfjsonpath.New(attr), compare.ValuesSame()))
	}
	return checks
}

func TestAccCustomerDataSource_errors(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "bigcommerce_customer" "x" { email = "nobody-at-all-0000@example.com" }`,
				ExpectError: regexp.MustCompile(`(?s)Customer not found.*e-mail nobody-at-all-0000@example.com`),
			},
			{
				Config:      `data "bigcommerce_customer" "x" { id = "999999999" }`,
				ExpectError: regexp.MustCompile(`(?s)Customer not found.*id 999999999`),
			},
			{
				Config:      `data "bigcommerce_customer" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Exactly one of these attributes must be configured: \[id,email\]`),
			},
			{
				Config:      `data "bigcommerce_customer" "x" { id = "abc" }`,
				ExpectError: regexp.MustCompile(`(?s)Invalid customer id.*"abc"`),
			},
		},
	})
}

func TestAccCustomersDataSource_filters(t *testing.T) {
	company := fmt.Sprintf("FilterCo-%s", strings.TrimSuffix(acctest.RandomEmail("x"), "@example.com"))
	config := fmt.Sprintf(`
locals {
  people = [
    { first = "Ana", last = "Lima" },
    { first = "Bruno", last = "Costa" },
    { first = "Carla", last = "Lima" },
  ]
}

resource "bigcommerce_customer" "people" {
  count      = length(local.people)
  email      = "${lower(local.people[count.index].first)}-%[2]s@example.com"
  first_name = local.people[count.index].first
  last_name  = local.people[count.index].last
  company    = %[1]q
}

data "bigcommerce_customers" "company" {
  company_in = [%[1]q]
  sort       = "last_name:asc"
  depends_on = [bigcommerce_customer.people]
}

data "bigcommerce_customers" "lima" {
  company_in = [%[1]q]
  last_name  = "LIMA"
  depends_on = [bigcommerce_customer.people]
}

data "bigcommerce_customers" "by_id_range" {
  company_in = [%[1]q]
  min_id     = bigcommerce_customer.people[1].id
  max_id     = bigcommerce_customer.people[1].id
}

data "bigcommerce_customers" "none" {
  company_in = [%[1]q]
  first_name = "Nobody"
  depends_on = [bigcommerce_customer.people]
}
`, company, strings.ToLower(strings.TrimPrefix(company, "FilterCo-")))
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.bigcommerce_customers.company", tfjsonpath.New("total"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue("data.bigcommerce_customers.company", tfjsonpath.New("customers").AtSliceIndex(0).AtMapKey("last_name"), knownvalue.StringExact("Costa")),
					statecheck.ExpectKnownValue("data.bigcommerce_customers.company", tfjsonpath.New("customers").AtSliceIndex(0).AtMapKey("company"), knownvalue.StringExact(company)),
					statecheck.ExpectKnownValue("data.bigcommerce_customers.lima", tfjsonpath.New("total"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue("data.bigcommerce_customers.lima", tfjsonpath.New("customers").AtSliceIndex(0).AtMapKey("last_name"), knownvalue.StringExact("Lima")),
					statecheck.ExpectKnownValue("data.bigcommerce_customers.by_id_range", tfjsonpath.New("total"), knownvalue.Int64Exact(1)),
					statecheck.CompareValuePairs("data.bigcommerce_customers.by_id_range", tfjsonpath.New("ids").AtSliceIndex(0), "bigcommerce_customer.people[1]", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.bigcommerce_customers.none", tfjsonpath.New("total"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue("data.bigcommerce_customers.none", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}

func TestAccCustomersDataSource_followsEveryPage(t *testing.T) {
	store := acctest.Sandbox(t)
	group := store.SeedGroup("paging-" + strings.TrimSuffix(acctest.RandomEmail("g"), "@example.com"))
	store.SeedCustomers(260, group)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`data "bigcommerce_customers" "group" { customer_group_id_in = [%d] }`, group),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.bigcommerce_customers.group", tfjsonpath.New("total"), knownvalue.Int64Exact(260)),
					statecheck.ExpectKnownValue("data.bigcommerce_customers.group", tfjsonpath.New("ids"), knownvalue.ListSizeExact(260)),
				},
			},
		},
	})
}

func TestAccCustomersDataSource_invalidFilters(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "bigcommerce_customers" "x" { sort = "email:asc" }`,
				ExpectError: regexp.MustCompile(`(?s)sort.*date_created:asc`),
			},
			{
				Config:      `data "bigcommerce_customers" "x" { date_created_min = "last tuesday" }`,
				ExpectError: regexp.MustCompile(`(?s)date_created_min.*2024-05-14`),
			},
			{
				Config:      `data "bigcommerce_customers" "x" { email_in = [] }`,
				ExpectError: regexp.MustCompile(`(?s)email_in.*at least 1`),
			},
		},
	})
}
