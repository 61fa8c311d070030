package customer_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
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

const resourceName = "bigcommerce_customer.test"

func TestAccCustomer_basic(t *testing.T) {
	email := acctest.RandomEmail("basic")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configBasic(email, "Jane", "Doe"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("email"), knownvalue.StringExact(email)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("first_name"), knownvalue.StringExact("Jane")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("company"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("customer_group_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("channel_ids"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("store_credit"), knownvalue.NumberExact(big.NewFloat(0))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_created"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("password_wo"), knownvalue.Null()),
				},
			},
			{
				ResourceName:      resourceName,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccCustomer_allAttributesAndUpdate(t *testing.T) {
	email := acctest.RandomEmail("full")
	newEmail := acctest.RandomEmail("renamed")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.WriteOnly},
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configFull(email, fullValues{
					first: "Jane", last: "Doe", company: "Acme Corp", phone: "555-123-4567", notes: "Preferred",
					taxCategory: "A", credit: "43.15", channels: "[1]", accepts: true, force: true, formValue: "Large",
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("email"), knownvalue.StringExact(email)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("first_name"), knownvalue.StringExact("Jane")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("last_name"), knownvalue.StringExact("Doe")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("company"), knownvalue.StringExact("Acme Corp")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("phone"), knownvalue.StringExact("555-123-4567")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("notes"), knownvalue.StringExact("Preferred")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("tax_exempt_category"), knownvalue.StringExact("A")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("store_credit"), knownvalue.NumberExact(mustDecimal("43.15"))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("channel_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(1)})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("origin_channel_id"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("registration_ip_address"), knownvalue.StringExact("203.0.113.7")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("accepts_product_review_abandoned_cart_emails"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("force_password_reset"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("trigger_account_created_notification"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("form_fields"), knownvalue.MapExact(map[string]knownvalue.Check{"shirt_size": textField("Large")})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("date_modified"), knownvalue.NotNull()),
				},
			},
			{
				// Every mutable attribute changes in place.
				Config: configFull(newEmail, fullValues{
					first: "Janet", last: "Roe", company: "Globex", phone: "555-000-0000", notes: "Moved",
					taxCategory: "B", credit: "0.1", channels: "[1, 2]", accepts: false, force: false, formValue: "Small",
				}),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("email"), knownvalue.StringExact(newEmail)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("first_name"), knownvalue.StringExact("Janet")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("last_name"), knownvalue.StringExact("Roe")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("company"), knownvalue.StringExact("Globex")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("phone"), knownvalue.StringExact("555-000-0000")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("notes"), knownvalue.StringExact("Moved")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("tax_exempt_category"), knownvalue.StringExact("B")),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("store_credit"), knownvalue.NumberExact(mustDecimal("0.1"))),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("channel_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(1), knownvalue.Int64Exact(2)})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("accepts_product_review_abandoned_cart_emails"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("force_password_reset"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("form_fields"), knownvalue.MapExact(map[string]knownvalue.Check{"shirt_size": textField("Small")})),
				},
			},
			{
				// Removing optional strings clears them in the store; what
				// the store keeps when unmanaged (channels, store credit,
				// flags, form fields) stays as it is.
				Config: configBasic(newEmail, "Janet", "Roe"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("company"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("channel_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(1), knownvalue.Int64Exact(2)})),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("store_credit"), knownvalue.NumberExact(mustDecimal("0.1"))),
				},
				Check: func(s *terraform.State) error {
					c := storeCustomer(t, s)
					if c.Company != "" || c.Phone != "" || c.Notes != "" || c.TaxExemptCategory != "" {
						return fmt.Errorf("optional fields not cleared in the store: company=%q phone=%q notes=%q tax=%q", c.Company, c.Phone, c.Notes, c.TaxExemptCategory)
					}
					if len(c.ChannelIDs) != 2 || len(c.FormFields) != 1 || c.StoreCreditAmounts[0].Amount != "0.1" {
						return fmt.Errorf("unmanaged values changed in the store: channels=%v form fields=%v credit=%v", c.ChannelIDs, c.FormFields, c.StoreCreditAmounts)
					}
					return nil
				},
			},
		},
	})
}

func TestAccCustomer_registrationIPAndOriginChannel(t *testing.T) {
	email := acctest.RandomEmail("replace")
	config := func(origin int, ip string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email                   = %q
  first_name              = "Jane"
  last_name               = "Doe"
  origin_channel_id       = %d
  registration_ip_address = %q
}
`, email, origin, ip)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				// V3 ignores the IP on create; it is set through V2.
				Config: config(1, "203.0.113.7"),
				Check:  checkRegistrationIP(t, "203.0.113.7"),
			},
			{
				Config: config(1, "2001:db8::7"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("registration_ip_address"), knownvalue.StringExact("2001:db8::7")),
				},
				Check: checkRegistrationIP(t, "2001:db8::7"),
			},
			{
				Config: config(2, "2001:db8::7"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("origin_channel_id"), knownvalue.Int64Exact(2)),
				},
				Check: checkRegistrationIP(t, "2001:db8::7"),
			},
		},
	})
}

// checkRegistrationIP reads the customer's registration IP from V3 and from
// V2: both must show what was configured.
func checkRegistrationIP(t *testing.T, want string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		c := storeCustomer(t, s)
		if c.RegistrationIPAddress != want {
			return fmt.Errorf("V3 reads registration_ip_address %q, want %q", c.RegistrationIPAddress, want)
		}
		v2, err := acctest.V2RegistrationIP(t, c.ID)
		if err != nil {
			return err
		}
		if v2 != want {
			return fmt.Errorf("V2 reads registration_ip_address %q, want %q", v2, want)
		}
		return nil
	}
}

func TestAccCustomer_passwordRotation(t *testing.T) {
	email := acctest.RandomEmail("password")
	const first, second = "Correct-Horse-1", "Battery-Staple-2"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.WriteOnly},
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configPassword(email, first, 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resourceName, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
				},
				Check: checkPassword(t, email, first, true),
			},
			{
				// A new password without a new version is not sent.
				Config:   configPassword(email, second, 1),
				PlanOnly: true,
			},
			{
				Config: configPassword(email, second, 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(
					checkPassword(t, email, first, false),
					checkPassword(t, email, second, true),
				),
			},
		},
	})
}

// TestAccCustomer_secretsStayOutOfStatePlanAndLogs greps state, plan JSON and
// a trace log for the password and the access token.
func TestAccCustomer_secretsStayOutOfStatePlanAndLogs(t *testing.T) {
	email := acctest.RandomEmail("secret")
	const password = "Sup3r-Secret-Passw0rd"
	token := os.Getenv("BIGCOMMERCE_ACCESS_TOKEN")
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_ACC_LOG", "TRACE")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	secrets := []string{password, token}

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.WriteOnly},
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config:          configPasswordVariable(email, 1),
				ConfigVariables: config.Variables{"password": config.StringVariable(password)},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{planContainsNone(secrets...)},
				},
				ConfigStateChecks: []statecheck.StateCheck{stateContainsNone(secrets...)},
				Check:             checkPassword(t, email, password, true),
			},
			{
				Config:          configPasswordVariable(email, 2),
				ConfigVariables: config.Variables{"password": config.StringVariable(password + "-rotated")},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{planContainsNone(password + "-rotated")},
				},
				ConfigStateChecks: []statecheck.StateCheck{stateContainsNone(password + "-rotated")},
				Check:             checkPassword(t, email, password+"-rotated", true),
			},
		},
	})

	logs, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("reading the trace log: %s", err)
	}
	if !strings.Contains(string(logs), "BigCommerce API request") {
		t.Fatalf("the trace log holds no provider request lines, so it proves nothing (%d bytes)", len(logs))
	}
	for _, s := range append(secrets, password+"-rotated") {
		if s != "" && strings.Contains(string(logs), s) {
			t.Errorf("the trace log contains a secret (%d characters long)", len(s))
		}
	}
}

func TestAccCustomer_disappears(t *testing.T) {
	email := acctest.RandomEmail("gone")
	var firstID string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configBasic(email, "Jane", "Doe"),
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) error {
						firstID = s.RootModule().Resources[resourceName].Primary.ID
						return nil
					},
					func(s *terraform.State) error { return deleteOutOfBand(t, s) },
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: configBasic(email, "Jane", "Doe"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionCreate)},
				},
				Check: func(s *terraform.State) error {
					if id := s.RootModule().Resources[resourceName].Primary.ID; id == firstID {
						return fmt.Errorf("expected a new customer, still %s", id)
					}
					return nil
				},
			},
		},
	})
}

func TestAccCustomer_driftIsShownAndCorrected(t *testing.T) {
	email := acctest.RandomEmail("drift")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: configBasic(email, "Jane", "Doe"),
				Check: func(s *terraform.State) error {
					c := storeCustomer(t, s)
					_, err := acctest.Client(t).UpdateCustomer(context.Background(), bigcommerce.CustomerUpdate{
						ID: c.ID, FirstName: new("Changed"), Company: new("Out of band"),
					})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: configBasic(email, "Jane", "Doe"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("first_name"), knownvalue.StringExact("Jane")),
						plancheck.ExpectKnownValue(resourceName, tfjsonpath.New("company"), knownvalue.Null()),
					},
				},
				Check: func(s *terraform.State) error {
					if c := storeCustomer(t, s); c.FirstName != "Jane" || c.Company != "" {
						return fmt.Errorf("drift not corrected: first_name=%q company=%q", c.FirstName, c.Company)
					}
					return nil
				},
			},
		},
	})
}

func TestAccCustomer_importByEmailAndBlocks(t *testing.T) {
	email := acctest.RandomEmail("import")
	config := configBasic(email, "Jane", "Doe")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: append(acctest.ImportSteps(resourceName, config),
			resource.TestStep{
				// By e-mail, in another case: the state stores the numeric id.
				Config:            config,
				ResourceName:      resourceName,
				ImportState:       true,
				ImportStateId:     strings.ToUpper(email),
				ImportStateVerify: true,
			},
			resource.TestStep{
				Config:          config,
				ResourceName:    resourceName,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateIdFunc: func(*terraform.State) (string, error) {
					return email, nil
				},
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resourceName, plancheck.ResourceActionNoop)},
				},
			},
		),
	})
}

func TestAccCustomer_importByIdentity(t *testing.T) {
	email := acctest.RandomEmail("identity")
	config := configBasic(email, "Jane", "Doe")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.Identity},
		CheckDestroy:             checkDestroyed(t),
		Steps:                    acctest.ImportSteps(resourceName, config, "id"),
	})
}

func TestAccCustomer_duplicateEmailSaysHowToImport(t *testing.T) {
	email := acctest.RandomEmail("taken")
	existing, err := acctest.Client(t).CreateCustomer(context.Background(), bigcommerce.CustomerCreate{Email: email, FirstName: "Already", LastName: "There"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = acctest.Client(t).DeleteCustomer(context.Background(), existing.ID) })
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      configBasic(strings.ToUpper(email), "Jane", "Doe"),
				ExpectError: regexp.MustCompile(`(?s)already exists.*terraform import`),
			},
		},
	})
}

// Helpers.

func configBasic(email, first, last string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email      = %q
  first_name = %q
  last_name  = %q
}
`, email, first, last)
}

type fullValues struct {
	first, last, company, phone, notes, taxCategory, credit, channels, formValue string
	accepts, force                                                               bool
}

func configFull(email string, v fullValues) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email                                        = %q
  first_name                                   = %q
  last_name                                    = %q
  company                                      = %q
  phone                                        = %q
  notes                                        = %q
  tax_exempt_category                          = %q
  store_credit                                 = %s
  channel_ids                                  = %s
  accepts_product_review_abandoned_cart_emails = %t
  force_password_reset                         = %t
  origin_channel_id                            = 1
  registration_ip_address                      = "203.0.113.7"
  password_wo                                  = "Initial-Passw0rd"
  password_wo_version                          = 1
  trigger_account_created_notification         = true
  form_fields = {
    shirt_size = { value = %q }
  }
}
`, email, v.first, v.last, v.company, v.phone, v.notes, v.taxCategory, v.credit, v.channels, v.accepts, v.force, v.formValue)
}

func configPassword(email, password string, version int) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer" "test" {
  email               = %q
  first_name          = "Jane"
  last_name           = "Doe"
  password_wo         = %q
  password_wo_version = %d
}
`, email, password, version)
}

// configPasswordVariable takes the password from an ephemeral variable, as a
// real configuration would, so the plan's copy of the configuration holds no
// literal to find.
func configPasswordVariable(email string, version int) string {
	return fmt.Sprintf(`
variable "password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "bigcommerce_customer" "test" {
  email               = %q
  first_name          = "Jane"
  last_name           = "Doe"
  password_wo         = var.password
  password_wo_version = %d
}
`, email, version)
}

func mustDecimal(s string) *big.Float {
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return f
}

func storeCustomer(t *testing.T, s *terraform.State) *bigcommerce.Customer {
	t.Helper()
	id, err := strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
	if err != nil {
		t.Fatal(err)
	}
	c, err := acctest.Client(t).GetCustomer(context.Background(), id)
	if err != nil {
		t.Fatalf("reading customer %d from the store: %s", id, err)
	}
	return c
}

func deleteOutOfBand(t *testing.T, s *terraform.State) error {
	id, err := strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
	if err != nil {
		return err
	}
	return acctest.Client(t).DeleteCustomer(context.Background(), id)
}

func checkPassword(t *testing.T, email, password string, want bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		ok, err := acctest.Client(t).ValidateCredentials(context.Background(), email, password, 0)
		if err != nil {
			return err
		}
		if ok != want {
			return fmt.Errorf("password check for %s: valid=%t, want %t", email, ok, want)
		}
		return nil
	}
}

func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "bigcommerce_customer" {
				continue
			}
			id, _ := strconv.Atoi(rs.Primary.ID)
			got, err := acctest.Client(t).GetCustomers(context.Background(), []int{id})
			if err != nil {
				return err
			}
			if len(got) != 0 {
				return fmt.Errorf("customer %d still exists", id)
			}
		}
		return nil
	}
}

// planContainsNone fails when the plan's JSON holds any of the secrets.
func planContainsNone(secrets ...string) plancheck.PlanCheck { return secretPlanCheck(secrets) }

type secretPlanCheck []string

func (c secretPlanCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	b, err := json.Marshal(req.Plan)
	if err != nil {
		resp.Error = err
		return
	}
	for _, s := range c {
		if s != "" && strings.Contains(string(b), s) {
			resp.Error = fmt.Errorf("the plan JSON contains a secret (%d characters long)", len(s))
		}
	}
}

// stateContainsNone fails when the state's JSON holds any of the secrets.
func stateContainsNone(secrets ...string) statecheck.StateCheck { return secretStateCheck(secrets) }

type secretStateCheck []string

func (c secretStateCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	b, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	if !strings.Contains(string(b), "bigcommerce_customer") {
		resp.Error = fmt.Errorf("the state holds no customer, so the check proves nothing")
		return
	}
	for _, s := range c {
		if s != "" && strings.Contains(string(b), s) {
			resp.Error = fmt.Errorf("the state contains a secret (%d characters long)", len(s))
		}
	}
}

// TestAccCustomer_rejectedPasswordIsNotEchoed: the store refuses a weak
// password; the error names password_wo and never repeats the password.
func TestAccCustomer_rejectedPasswordIsNotEchoed(t *testing.T) {
	acctest.Sandbox(t) // a real store's password policy may differ
	email := acctest.RandomEmail("weak")
	const weak = "onlyletters"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.WriteOnly},
		// ErrorCheck sees the error in full; ExpectError would only match it.
		ErrorCheck: func(err error) error {
			switch {
			case strings.Contains(err.Error(), weak):
				return errors.New("the error message repeats the rejected password")
			case !regexp.MustCompile(`BigCommerce refused password_wo`).MatchString(err.Error()):
				return fmt.Errorf("the error does not name password_wo: %w", err)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:          configPasswordVariable(email, 1),
				ConfigVariables: config.Variables{"password": config.StringVariable(weak)},
				Check: func(*terraform.State) error {
					return errors.New("the store accepted a password its policy refuses")
				},
			},
		},
	})
}

// textField checks one form field set as text.
func textField(v string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"value": knownvalue.StringExact(v), "number": knownvalue.Null(), "values": knownvalue.Null(),
	})
}
