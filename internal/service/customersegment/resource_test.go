package customersegment_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

const resourceName = "bigcommerce_customer_segment.test"

const segmentPut = "PUT /v3/segments"

// sentOne is acctest's SentOne for a segment: SentOne puts the state's id
// where "$id" stands, bare, as for a numeric id, so the UUID's quotes are
// written around it: `""$id""` becomes `"<uuid>"`.
func sentOne(w *acctest.Writes, body string) resource.TestCheckFunc {
	return w.SentOne(segmentPut, resourceName, strings.ReplaceAll(body, `"$id"`, `""$id""`))
}

func TestAccCustomerSegment_lifecycle(t *testing.T) {
	name := randomName("VIP")
	writes := acctest.RecordWrites(t)
	var firstID, firstUpdated string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config(name, `"Big spenders"`, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						firstID = v
						if !uuidPattern.MatchString(v) {
							return fmt.Errorf("id %q is no UUID", v)
						}
						return nil
					})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("updated_at"), knownvalue.StringFunc(func(v string) error {
						firstUpdated = v
						return nil
					})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("created_at"), knownvalue.NotNull()),
					statecheck.ExpectIdentityValueMatchesState(resourceName, tfjsonpath.New("id")),
				},
				Check: storeHas(t, name, "Big spenders"),
			},
			{
				// A change of timeouts alone leaves updated_at as it was.
				Config: config(name, `"Big spenders"`, `timeouts = { read = "2m" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("updated_at"), knownvalue.StringFunc(func(v string) error {
							if v != firstUpdated {
								return fmt.Errorf("updated_at planned %s, was %s", v, firstUpdated)
							}
							return nil
						})),
					},
				},
			},
			{
				// A new name is sent alone, in place; updated_at is unknown.
				PreConfig: writes.Start,
				Config:    config(name+" Plus", `"Big spenders"`, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(resourceName, tfjsonpath.New("updated_at")),
					},
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
					sentOne(writes, fmt.Sprintf(`[{"id": "$id", "name": %q}]`, name+" Plus")),
					storeHas(t, name+" Plus", "Big spenders"),
				),
			},
			{
				// Removing the description clears it with "", never null.
				PreConfig: writes.Start,
				Config:    config(name+" Plus", "null", ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("description"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					sentOne(writes, `[{"id": "$id", "description": ""}]`),
					storeHas(t, name+" Plus", ""),
				),
			},
		},
	})
}

func TestAccCustomerSegment_driftAndOutOfBandDelete(t *testing.T) {
	name := randomName("Drift")
	cfg := config(name, `"Mine"`, "")
	ctx := context.Background()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) error {
					d, n := "set elsewhere", name+" elsewhere"
					_, err := acctest.Client(t).UpdateSegments(ctx, []bigcommerce.SegmentUpdate{{ID: segmentID(s), Name: &n, Description: &d}})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("description"), knownvalue.StringExact("Mine")),
					},
				},
				Check: resource.ComposeTestCheckFunc(
					storeHas(t, name, "Mine"),
					func(s *terraform.State) error {
						return acctest.Client(t).DeleteSegments(ctx, []string{segmentID(s)})
					},
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate)},
				},
				Check: storeHas(t, name, "Mine"),
			},
		},
	})
}

func TestAccCustomerSegment_import(t *testing.T) {
	cfg := config(randomName("Import"), `"Imported"`, "")
	badImport := func(id, want string) resource.TestStep {
		return resource.TestStep{Config: cfg, ResourceName: resourceName, ImportState: true, ImportStateId: id, ExpectError: acctest.ExpectErrorText(want)}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		CheckDestroy:             checkDestroyed(t),
		Steps: append(acctest.ImportSteps(resourceName, cfg, "id"),
			badImport("12", `Invalid import ID.*Expected the id of a customer segment: a segment id is a UUID such as 1b8ba8e2-7d2c-4b7e-9f3a-2c4d5e6f7a8b, got "12".`),
			badImport("VIP", `got "VIP"`),
			// A well-formed id that matches nothing: the import finds nothing.
			badImport("00000000-0000-4000-8000-000000000000", `Cannot import non-existent remote object`),
		),
	})
}

func TestAccCustomerSegment_validation(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("", "null", ""), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute name string length must be between 1 and 255, got: 0`)},
			{Config: config(strings.Repeat("n", 256), "null", ""), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute name string length must be between 1 and 255, got: 256`)},
			{Config: config("VIP", fmt.Sprintf("%q", strings.Repeat("d", 256)), ""), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute description string length must be at most 255, got: 256`)},
			{Config: membersLiteral("not-a-uuid", "[1]"), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute segment_id must be a segment id (a UUID), got: not-a-uuid`)},
			{Config: membersLiteral(zeroUUID, "[]"), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Attribute customer_ids set must contain at least 1 elements, got: 0`)},
			{Config: membersLiteral(zeroUUID, "[3, 0]"), PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`value must be at least 1, got: 0`)},
			{Config: `
data "bigcommerce_customer_segment" "x" {
  id   = "` + zeroUUID + `"
  name = "VIP"
}`, PlanOnly: true, ExpectError: acctest.ExpectErrorText(`Invalid Attribute Combination.*Exactly one of these attributes must be configured: [id,name]`)},
			{Config: `data "bigcommerce_customer_segment" "x" {}`, PlanOnly: true,
				ExpectError: acctest.ExpectErrorText(`Missing Attribute Configuration.*Exactly one of these attributes must be configured: [id,name]`)},
		},
	})
}

func TestAccCustomerSegment_nameTakenSaysHowToImport(t *testing.T) {
	ctx := context.Background()
	c := acctest.Client(t)
	name := randomName("Taken")
	existing, err := c.CreateSegments(ctx, []bigcommerce.SegmentCreate{{Name: name, Description: "Set elsewhere"}})
	if err != nil {
		t.Fatal(err)
	}
	id := existing[0].ID
	t.Cleanup(func() { _ = c.DeleteSegments(ctx, []string{id}) })
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				// Names are unique without regard to case.
				Config: config(strings.ToUpper(name), "null", ""),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Customer segment already exists.*with bigcommerce_customer_segment.test,.*name = %q.*Segment %s is already named %q (segment names are unique without regard to case). To manage it with Terraform, import it instead of creating it:.*terraform import <address> %s.*import {.*to = <address>.*id = %q.*}`,
					strings.ToUpper(name), id, name, id, id)),
			},
			{
				// A rename onto a taken name (a 400 of PUT) says the same.
				Config: config(name+" other", "null", ""),
			},
			{
				Config:      config(name, "null", ""),
				ExpectError: acctest.ExpectErrorText(fmt.Sprintf(`Customer segment already exists.*Segment %s is already named %q`, id, name)),
			},
		},
	})
	if got, err := c.GetSegment(ctx, id); err != nil || got.Description != "Set elsewhere" || got.Name != name {
		t.Fatalf("the existing segment became %+v, %v", got, err)
	}
}

// Helpers.

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

const zeroUUID = "00000000-0000-4000-8000-000000000000"

// randomName is a segment name no other test uses: names are unique in the
// store.
func randomName(prefix string) string {
	return fmt.Sprintf("%s %08x", prefix, rand.Uint32())
}

// config is a segment; extra goes into its block.
func config(name, description, extra string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_segment" "test" {
  name        = %q
  description = %s
  %s
}
`, name, description, extra)
}

func membersLiteral(segmentID, customerIDs string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_segment_members" "test" {
  segment_id   = %q
  customer_ids = %s
}
`, segmentID, customerIDs)
}

func segmentID(s *terraform.State) string {
	return s.RootModule().Resources[resourceName].Primary.ID
}

func storeHas(t *testing.T, name, description string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		sg, err := acctest.Client(t).GetSegment(context.Background(), segmentID(s))
		if err != nil {
			return err
		}
		if got, want := [2]string{sg.Name, sg.Description}, [2]string{name, description}; got != want {
			return fmt.Errorf("the store holds %q, want %q", got, want)
		}
		return nil
	}
}

func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed(t, "bigcommerce_customer_segment", func(c *bigcommerce.Client, rs *terraform.ResourceState) (string, error) {
		_, err := c.GetSegment(context.Background(), rs.Primary.ID)
		return "segment " + rs.Primary.ID, err
	})
}
