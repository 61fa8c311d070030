package customermetafield_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

const resourceName = "bigcommerce_customer_metafield.test"

// batchPut is where updates go with batching on (the provider's default).
const batchPut = "PUT /v3/customers/metafields"

func TestAccCustomerMetafield_lifecycle(t *testing.T) {
	email := acctest.RandomEmail("mf")
	writes := acctest.RecordWrites(t)
	var firstID string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config(email, "ops", "tier", "Gold", "app_only", `"Loyalty tier"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						firstID = v
						return nil
					})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("description"), knownvalue.StringExact("Loyalty tier")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("owner_client_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_created"), knownvalue.NotNull()),
					statecheck.CompareValuePairs(resourceName, tfjsonpath.New("customer_id"), "bigcommerce_customer.test", tfjsonpath.New("id"), sameText{}),
				},
				Check: storeHas(t, "ops", "tier", "Gold", "app_only", "Loyalty tier"),
			},
			{
				// A new value is sent alone, in place.
				PreConfig: writes.Start,
				Config:    config(email, "ops", "tier", "Platinum", "app_only", `"Loyalty tier"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne(batchPut, resourceName, `[{"id": "$id", "value": "Platinum"}]`),
					storeHas(t, "ops", "tier", "Platinum", "app_only", "Loyalty tier"),
				),
			},
			{
				// Namespace and key are members of the PUT: a rename is in place.
				PreConfig: writes.Start,
				Config:    config(email, "loyalty", "level", "Platinum", "read", `"Loyalty tier"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						if v != firstID {
							return fmt.Errorf("id went from %s to %s; a rename keeps it", firstID, v)
						}
						return nil
					})),
				},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne(batchPut, resourceName, `[{"id": "$id", "namespace": "loyalty", "key": "level", "permission_set": "read"}]`),
					storeHas(t, "loyalty", "level", "Platinum", "read", "Loyalty tier"),
				),
			},
			{
				// Removing the description clears it with "", never null.
				PreConfig: writes.Start,
				Config:    config(email, "loyalty", "level", "Platinum", "read", "null"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("description"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					writes.SentOne(batchPut, resourceName, `[{"id": "$id", "description": ""}]`),
					storeHas(t, "loyalty", "level", "Platinum", "read", ""),
				),
			},
		},
	})
}

func TestAccCustomerMetafield_driftAndOutOfBandDelete(t *testing.T) {
	cfg := config(acctest.RandomEmail("drift"), "ops", "tier", "Gold", "app_only", "null")
	ctx := context.Background()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) error {
					cid, id := pair(t, s)
					v, d := "Bronze", "set elsewhere"
					_, err := acctest.Client(t).UpdateCustomerMetafield(ctx, cid, bigcommerce.MetafieldUpdate{ID: id, Value: &v, Description: &d})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("value"), knownvalue.StringExact("Gold")),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("description"), knownvalue.Null()),
					},
				},
				Check: resource.ComposeTestCheckFunc(
					storeHas(t, "ops", "tier", "Gold", "app_only", ""),
					func(s *terraform.State) error {
						cid, id := pair(t, s)
						return acctest.Client(t).DeleteCustomerMetafield(ctx, cid, id)
					},
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate)},
				},
				Check: storeHas(t, "ops", "tier", "Gold", "app_only", ""),
			},
		},
	})
}

func TestAccCustomerMetafield_import(t *testing.T) {
	cfg := config(acctest.RandomEmail("imp"), "ops", "tier", "Gold", "write", `"Imported"`)
	badImport := func(id, want string) resource.TestStep {
		return resource.TestStep{Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateId: id, ExpectError: acctest.ExpectErrorText(want)}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		CheckDestroy:             checkDestroyed(t),
		Steps: append(importSteps(t, cfg),
			badImport("12", `Invalid import ID.*Expected customer_id/metafield_id, such as 12/34 for metafield 34 of customer 12; got "12": there is no slash.`),
			badImport("jane/3", `got "jane/3": the customer id "jane" is not a positive number.`),
			badImport("12/0", `got "12/0": the metafield id "0" is not a positive number.`),
		),
	})
}

// importSteps are acctest.ImportSteps for an id that is not the import id:
// the state's id is the metafield's, and terraform import and import
// blocks take customer_id/metafield_id.
func importSteps(t *testing.T, cfg string) []resource.TestStep {
	importID := func(s *terraform.State) (string, error) {
		cid, id := pair(t, s)
		return fmt.Sprintf("%d/%d", cid, id), nil
	}
	noop := resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionNoop)}}
	return []resource.TestStep{
		{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentityValueMatchesState(resourceName, tfjsonpath.New("customer_id")),
				statecheck.ExpectIdentityValue(resourceName, tfjsonpath.New("id"), knownvalue.Int64Func(func(v int64) error {
					if v <= 0 {
						return fmt.Errorf("identity id %d", v)
					}
					return nil
				})),
			},
		},
		{Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateVerify: true, ImportStateIdFunc: importID},
		{Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateKind: resource.ImportBlockWithID, ImportStateIdFunc: importID, ImportPlanChecks: noop},
		{Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity, ImportPlanChecks: noop},
	}
}

func TestAccCustomerMetafield_validation(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: literalConfig(1, "ops", "tier", "x", "everyone"), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute permission_set value must be one of: ["app_only" "read" "write" "read_and_sf_access" "write_and_sf_access"], got: "everyone"`)},
			{Config: literalConfig(1, "ops", strings.Repeat("k", 65), "x", "read"), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute key string length must be between 1 and 64, got: 65`)},
			{Config: literalConfig(1, "", "tier", "x", "read"), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute namespace string length must be between 1 and 64, got: 0`)},
			{Config: literalConfig(1, "ops", "tier", "", "read"), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute value string length must be between 1 and 65535, got: 0`)},
			{Config: literalConfig(0, "ops", "tier", "x", "read"), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute customer_id value must be at least 1, got: 0`)},
		},
	})
}

func TestAccCustomerMetafield_keyTakenSaysHowToImport(t *testing.T) {
	ctx := context.Background()
	c := acctest.Client(t)
	customer, err := c.CreateCustomer(ctx, bigcommerce.CustomerCreate{Email: acctest.RandomEmail("taken"), FirstName: "Jane", LastName: "Doe"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.DeleteCustomer(ctx, customer.ID) })
	existing, err := c.CreateCustomerMetafield(ctx, bigcommerce.MetafieldCreate{CustomerID: customer.ID, Namespace: "ops", Key: "tier", Value: "Set elsewhere", PermissionSet: "app_only"})
	if err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprintf("%d/%d", customer.ID, existing.ID)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: literalConfig(customer.ID, "ops", "tier", "Mine", "app_only"),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Customer metafield already exists.*with bigcommerce_customer_metafield.test,.*on .* line .*key = "tier".*Customer %d already has metafield %d with key "tier" in namespace "ops" (value "Set elsewhere").*terraform import <address> %s.*import {.*to = <address>.*id = %q.*}`,
					customer.ID, existing.ID, id, id)),
			},
		},
	})
	if m, err := c.GetCustomerMetafield(ctx, customer.ID, existing.ID); err != nil || m.Value != "Set elsewhere" {
		t.Fatalf("the existing metafield became %+v, %v", m, err)
	}
}

// TestAccCustomerMetafield_fiftyInOneApply creates, updates and destroys 50
// metafields of 5 customers in one apply each, and bounds the requests:
// with batching, 10 metafields a request.
func TestAccCustomerMetafield_fiftyInOneApply(t *testing.T) {
	email := acctest.RandomEmail("fifty")
	cfg := func(value string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer" "c" {
  count      = 5
  email      = "c${count.index}-%s"
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer_metafield" "m" {
  count          = 50
  customer_id    = bigcommerce_customer.c[count.index %% 5].id
  namespace      = "bulk"
  key            = "key-${count.index}"
  value          = "%s-${count.index}"
  permission_set = "app_only"
}
`, email, value)
	}
	// ceil(50/10) = 5 requests when every batch is full; more when
	// Terraform's pace splits a wave: each customer's ten metafields become
	// ready as its customer is created, so waves arrive staggered (8 or 9
	// measured on two busy cores, 13 when make test runs every package at
	// once). Without batching it would be 50; the bound is the addresses'
	// and attribute values' (see their scale tests).
	const bound = 20
	phases := acctest.NewPhases(t, "/v3/customers/metafields", "50 metafields", bound, true)
	start := phases.Reset
	requests := func(key string) resource.TestCheckFunc { return phases.Check(key, key) }
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			requests("DELETE /v3/customers/metafields"),
			checkDestroyed(t),
		),
		Steps: []resource.TestStep{
			{
				PreConfig: start,
				Config:    cfg("first"),
				Check: resource.ComposeTestCheckFunc(
					requests("POST /v3/customers/metafields"),
					resource.TestCheckResourceAttr("bigcommerce_customer_metafield.m.49", "value", "first-49"),
				),
			},
			{
				PreConfig: start,
				Config:    cfg("second"),
				Check: resource.ComposeTestCheckFunc(
					requests(batchPut),
					resource.TestCheckResourceAttr("bigcommerce_customer_metafield.m.7", "value", "second-7"),
					func(*terraform.State) error { start(); return nil },
				),
			},
		},
	})
}

func TestAccCustomerMetafieldsDataSource_filters(t *testing.T) {
	email := acctest.RandomEmail("ds")
	resources := fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email      = %q
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer_metafield" "m" {
  count          = 3
  namespace      = ["ops", "ops", "crm"][count.index]
  key            = ["tier", "region", "tier"][count.index]
  value          = ["Gold", "EU", "Silver"][count.index]
  customer_id    = bigcommerce_customer.test.id
  permission_set = "read"
}
`, email)
	withData := resources + `
data "bigcommerce_customer_metafields" "all" {
  customer_id = bigcommerce_customer.test.id
  depends_on  = [bigcommerce_customer_metafield.m]
}

data "bigcommerce_customer_metafields" "ops" {
  customer_id = bigcommerce_customer.test.id
  namespace   = "ops"
  depends_on  = [bigcommerce_customer_metafield.m]
}

data "bigcommerce_customer_metafields" "tier" {
  customer_id = bigcommerce_customer.test.id
  key         = "tier"
  depends_on  = [bigcommerce_customer_metafield.m]
}

data "bigcommerce_customer_metafields" "ops_tier" {
  customer_id = bigcommerce_customer.test.id
  namespace   = "ops"
  key         = "tier"
  depends_on  = [bigcommerce_customer_metafield.m]
}
`
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: resources},
			{
				Config: withData,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.bigcommerce_customer_metafields.all", tfjsonpath.New("ids"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_metafields.ops", tfjsonpath.New("ids"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_metafields.tier", tfjsonpath.New("ids"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.bigcommerce_customer_metafields.ops_tier", tfjsonpath.New("metafields"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"namespace":      knownvalue.StringExact("ops"),
							"key":            knownvalue.StringExact("tier"),
							"value":          knownvalue.StringExact("Gold"),
							"permission_set": knownvalue.StringExact("read"),
							"description":    knownvalue.StringExact(""),
							"id":             knownvalue.StringRegexp(idPattern),
						}),
					})),
					statecheck.CompareValuePairs("data.bigcommerce_customer_metafields.ops_tier", tfjsonpath.New("ids").AtSliceIndex(0),
						"bigcommerce_customer_metafield.m[0]", tfjsonpath.New("id"), sameText{}),
				},
			},
		},
	})
}

func TestAccCustomerMetafieldList_query(t *testing.T) {
	// A list block's configuration cannot refer to resources: the customer
	// is made beforehand, so its id is a literal.
	ctx := context.Background()
	c := acctest.Client(t)
	customer, err := c.CreateCustomer(ctx, bigcommerce.CustomerCreate{Email: acctest.RandomEmail("query"), FirstName: "Jane", LastName: "Doe"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.DeleteCustomer(ctx, customer.ID) })
	resources := fmt.Sprintf(`
resource "bigcommerce_customer_metafield" "m" {
  count          = 3
  namespace      = ["ops", "ops", "crm"][count.index]
  key            = ["tier", "region", "tier"][count.index]
  value          = ["Gold", "EU", "Silver"][count.index]
  customer_id    = %d
  permission_set = "read"
}
`, customer.ID)
	query := fmt.Sprintf(`
list "bigcommerce_customer_metafield" "all" {
  provider         = bigcommerce
  include_resource = true
  config {
    customer_id = %[1]d
  }
}

list "bigcommerce_customer_metafield" "ops" {
  provider = bigcommerce
  config {
    customer_id = %[1]d
    namespace   = "ops"
  }
}
`, customer.ID)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Query},
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: resources},
			{
				Query:  true,
				Config: query,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("bigcommerce_customer_metafield.all", 3),
					querycheck.ExpectLength("bigcommerce_customer_metafield.ops", 2),
					querycheck.ExpectResourceDisplayName("bigcommerce_customer_metafield.ops",
						queryfilter.ByDisplayName(knownvalue.StringExact("ops/region")), knownvalue.StringExact("ops/region")),
					querycheck.ExpectResourceKnownValues("bigcommerce_customer_metafield.all",
						queryfilter.ByDisplayName(knownvalue.StringExact("crm/tier")),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("value"), KnownValue: knownvalue.StringExact("Silver")},
							{Path: tfjsonpath.New("customer_id"), KnownValue: knownvalue.Int64Exact(int64(customer.ID))},
							{Path: tfjsonpath.New("description"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringRegexp(idPattern)},
						}),
				},
			},
		},
	})
}

// Helpers.

var idPattern = regexp.MustCompile(`^[0-9]+$`)

func config(email, namespace, key, value, permissionSet, description string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email      = %q
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer_metafield" "test" {
  customer_id    = bigcommerce_customer.test.id
  namespace      = %q
  key            = %q
  value          = %q
  permission_set = %q
  description    = %s
}
`, email, namespace, key, value, permissionSet, description)
}

func literalConfig(customerID int, namespace, key, value, permissionSet string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_metafield" "test" {
  customer_id    = %d
  namespace      = %q
  key            = %q
  value          = %q
  permission_set = %q
}
`, customerID, namespace, key, value, permissionSet)
}

// sameText compares values by their text: 12 and "12" are the same.
type sameText struct{}

func (sameText) CompareValues(values ...any) error {
	for _, v := range values[1:] {
		if fmt.Sprint(v) != fmt.Sprint(values[0]) {
			return fmt.Errorf("values differ: %v and %v", values[0], v)
		}
	}
	return nil
}

// pair reads the metafield's customer and id from the state.
func pair(t *testing.T, s *terraform.State) (int, int) {
	t.Helper()
	rs := s.RootModule().Resources[resourceName].Primary
	cid, err1 := strconv.Atoi(rs.Attributes["customer_id"])
	id, err2 := strconv.Atoi(rs.ID)
	if err1 != nil || err2 != nil {
		t.Fatalf("customer_id %q, id %q", rs.Attributes["customer_id"], rs.ID)
	}
	return cid, id
}

func storeHas(t *testing.T, namespace, key, value, permissionSet, description string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		cid, id := pair(t, s)
		m, err := acctest.Client(t).GetCustomerMetafield(context.Background(), cid, id)
		if err != nil {
			return err
		}
		got := [5]string{m.Namespace, m.Key, m.Value, m.PermissionSet, m.Description}
		if want := [5]string{namespace, key, value, permissionSet, description}; got != want {
			return fmt.Errorf("the store holds %q, want %q", got, want)
		}
		return nil
	}
}

func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed(t, "bigcommerce_customer_metafield", func(c *bigcommerce.Client, rs *terraform.ResourceState) (string, error) {
		cid, _ := strconv.Atoi(rs.Primary.Attributes["customer_id"])
		id, _ := strconv.Atoi(rs.Primary.ID)
		_, err := c.GetCustomerMetafield(context.Background(), cid, id)
		return fmt.Sprintf("metafield %d of customer %d", id, cid), err
	})
}
