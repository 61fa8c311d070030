package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// badInput is one malformed configuration and what its error must say: the
// attribute's name and what to do about it.
type badInput struct {
	name   string
	config string
	want   string // regexp over the whole error output
}

// customer renders a bigcommerce_customer with valid required attributes,
// overridden or extended by attrs.
func customer(attrs string) string {
	base := map[string]string{
		"email":      `"bad-input@example.com"`,
		"first_name": `"Jane"`,
		"last_name":  `"Doe"`,
	}
	var extra []string
	for _, line := range strings.Split(strings.TrimSpace(attrs), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			k = strings.TrimSpace(k)
			if _, isBase := base[k]; isBase {
				base[k] = strings.TrimSpace(v)
				continue
			}
			extra = append(extra, line)
		}
	}
	return fmt.Sprintf("resource \"bigcommerce_customer\" \"x\" {\n  email = %s\n  first_name = %s\n  last_name = %s\n%s\n}\n",
		base["email"], base["first_name"], base["last_name"], strings.Join(extra, "\n"))
}

var badInputs = []badInput{
	// Provider configuration.
	{"provider store_hash", `provider "bigcommerce" { store_hash = "abc/def" }` + "\n" + customer(""), `(?s)store_hash.*letters and digits`},
	{"provider api_url plain http", `provider "bigcommerce" { api_url = "http://api.example.com" }` + "\n" + customer(""), `(?s)api_url.*use https`},
	{"provider api_url scheme", `provider "bigcommerce" { api_url = "ftp://api.example.com" }` + "\n" + customer(""), `(?s)api_url.*https://`},
	{"provider max_retries", `provider "bigcommerce" { max_retries = -1 }` + "\n" + customer(""), `(?s)max_retries.*between 0 and 50`},
	{"provider request_timeout", `provider "bigcommerce" { request_timeout = "soon" }` + "\n" + customer(""), `(?s)request_timeout.*(duration|Duration)`},

	// bigcommerce_customer.
	{"customer email invalid", customer(`email = "jane.example.com"`), `(?s)email.*e-mail address such as jane@example.com`},
	{"customer email display name", customer(`email = "Jane <jane@example.com>"`), `(?s)email.*without a\s+display name`},
	{"customer email too long", customer(fmt.Sprintf(`email = "%s@example.com"`, strings.Repeat("a", 250))), `(?s)email.*length must be between 3 and 250`},
	{"customer first_name empty", customer(`first_name = ""`), `(?s)first_name.*length must be between 1 and 100`},
	{"customer last_name too long", customer(fmt.Sprintf(`last_name = "%s"`, strings.Repeat("x", 101))), `(?s)last_name.*length must be between 1 and 100`},
	{"customer first_name wrong type", customer(`first_name = ["Jane"]`), `(?s)first_name.*string required`},
	{"customer company too long", customer(fmt.Sprintf(`company = "%s"`, strings.Repeat("c", 256))), `(?s)company.*at most 255`},
	{"customer phone too long", customer(fmt.Sprintf(`phone = "%s"`, strings.Repeat("5", 51))), `(?s)phone.*at most 50`},
	{"customer tax_exempt_category too long", customer(fmt.Sprintf(`tax_exempt_category = "%s"`, strings.Repeat("t", 256))), `(?s)tax_exempt_category.*at most 255`},
	{"customer customer_group_id negative", customer(`customer_group_id = -1`), `(?s)customer_group_id.*at least 0`},
	{"customer customer_group_id not a number", customer(`customer_group_id = "wholesale"`), `(?s)customer_group_id.*number`},
	{"customer store_credit negative", customer(`store_credit = -0.01`), `(?s)store_credit.*zero or more`},
	{"customer channel_ids empty", customer(`channel_ids = []`), `(?s)channel_ids.*at least 1`},
	{"customer channel_ids zero", customer(`channel_ids = [0]`), `(?s)channel_ids.*at least 1`},
	{"customer origin_channel_id zero", customer(`origin_channel_id = 0`), `(?s)origin_channel_id.*at least 1`},
	{"customer registration_ip_address", customer(`registration_ip_address = "300.1.2.3"`), `(?s)registration_ip_address.*IPv4 or IPv6 address`},
	{"customer password_wo without version", customer(`password_wo = "Secret123"`), `(?s)password_wo_version.*must be specified when.*password_wo`},
	{"customer password_wo_version without password", customer(`password_wo_version = 1`), `(?s)password_wo.*must be specified when.*password_wo_version`},
	{"customer password_wo_version zero", customer("password_wo = \"Secret123\"\npassword_wo_version = 0"), `(?s)password_wo_version.*at least 1`},
	{"customer password_wo empty", customer("password_wo = \"\"\npassword_wo_version = 1"), `(?s)password_wo.*length must be at least 1`},
	{"customer form_fields empty key", customer(`form_fields = { "" = { value = "x" } }`), `(?s)form_fields.*remove the empty key`},
	{"customer form_fields two values", customer(`form_fields = { employees = { value = "12", number = 12 } }`), `(?s)form_fields.*exactly one of value`},
	{"customer form_fields old shape", customer(`form_fields = { shirt_size = "Large" }`), `(?s)form_fields.*object required`},
	{"address form_fields no value", address(`form_fields = { floor = {} }`), `(?s)form_fields.*exactly one of value`},
	{"customer timeouts", customer(`timeouts = { create = "forever" }`), `(?s)timeouts.*"forever" must be.*such as "300ms"`},

	// bigcommerce_customer_address (its package tests every validator).
	{"address country_code lower case", address(`country_code = "us"`), `(?s)country_code.*two upper-case letters.*did you mean "US"`},
	{"address country_code unknown", address(`country_code = "XX"`), `(?s)Unknown country code.*"XX"`},
	{"address customer_id zero", address(`customer_id = 0`), `(?s)customer_id value must be at least 1`},
	{"address address1 empty", address(`address1 = ""`), `(?s)address1 string length must be at least 1`},
	{"address city too long", address(fmt.Sprintf(`city = "%s"`, strings.Repeat("c", 101))), `(?s)city string length must be between 1 and 100`},
	{"address address_type", address(`address_type = "business"`), `(?s)address_type value must be one of: \["residential" "commercial"\]`},
	{"address postal_code wrong type", address(`postal_code = ["78759"]`), `(?s)postal_code.*string required`},

	// bigcommerce_customer_group.
	{"group name empty", `resource "bigcommerce_customer_group" "x" { name = "" }`, `(?s)name string length must be between 1 and 255`},
	{"group category_access type", `resource "bigcommerce_customer_group" "x" {
  name            = "g"
  category_access = { type = "some" }
}`, `(?s)category_access.type value must be one of`},
	{"group negative discount", `resource "bigcommerce_customer_group" "x" {
  name           = "g"
  discount_rules = [{ type = "all", method = "fixed", amount = -1 }]
}`, `(?s)discount_rules\[0\]\.amount must be zero or more`},
	{"group percent over 100", `resource "bigcommerce_customer_group" "x" {
  name           = "g"
  discount_rules = [{ type = "all", method = "percent", amount = 101 }]
}`, `(?s)discount_rules\[0\]\.amount must be at most 100 when method is\s+"percent"`},
	{"group rule without its id", `resource "bigcommerce_customer_group" "x" {
  name           = "g"
  discount_rules = [{ type = "category", method = "fixed", amount = 1 }]
}`, `(?s)discount_rules\[0\]\.category_id is required in a "category" discount\s+rule`},

	// bigcommerce_customer_attribute.
	{"attribute type", `resource "bigcommerce_customer_attribute" "x" {
  name = "tier"
  type = "boolean"
}`, `(?s)type value must be one of: \["string" "number" "date"\]`},
	{"attribute name too long", fmt.Sprintf(`resource "bigcommerce_customer_attribute" "x" {
  name = "%s"
  type = "string"
}`, strings.Repeat("n", 256)), `(?s)name string length must be between 1 and 255`},

	// bigcommerce_customer_attribute_value.
	{"attribute value too long", fmt.Sprintf(`resource "bigcommerce_customer_attribute_value" "x" {
  customer_id  = 1
  attribute_id = 1
  value        = "%s"
}`, strings.Repeat("v", 256)), `(?s)value string length must be at most 255`},
	{"attribute value unknown ids", `resource "bigcommerce_customer_attribute_value" "x" {
  customer_id  = 0
  attribute_id = -2
  value        = "x"
}`, `(?s)customer_id value must be at least 1.*attribute_id value must be at least 1|attribute_id value must be at least 1.*customer_id value must be at least 1`},
}

// address renders a valid bigcommerce_customer_address, overridden by attrs.
func address(attrs string) string {
	base := []string{"customer_id = 1", `first_name = "Jane"`, `last_name = "Doe"`, `address1 = "1 Main St"`, `city = "Austin"`, `state_or_province = "Texas"`, `postal_code = "78759"`, `country_code = "US"`}
	k, _, _ := strings.Cut(attrs, "=")
	var lines []string
	for _, line := range base {
		if name, _, _ := strings.Cut(line, "="); strings.TrimSpace(name) != strings.TrimSpace(k) {
			lines = append(lines, line)
		}
	}
	lines = append(lines, attrs)
	return "resource \"bigcommerce_customer_address\" \"x\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

// TestBadInput plans each malformed configuration: each must fail at plan
// time with an error naming the attribute and the fix, before any request
// reaches the store.
func TestBadInput(t *testing.T) {
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "customer timeouts" && acctest.OpenTofu() {
				// OpenTofu shows this diagnostic against the resource block, so
				// its output does not name timeouts; the message is the same.
				t.Skip("OpenTofu does not point the diagnostic at the timeouts attribute")
			}
			var before int
			if store := acctest.SandboxIfAny(); store != nil {
				before = store.Stats().Total
			}
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.WriteOnly},
				Steps: []resource.TestStep{{
					Config:   tc.config,
					PlanOnly: true,
					// Terraform wraps long messages: any space may be a line break.
					ExpectError: regexp.MustCompile(strings.ReplaceAll(tc.want, " ", `\s+`)),
				}},
				CheckDestroy: func(*terraform.State) error { return nil },
			})
			if store := acctest.SandboxIfAny(); store != nil {
				if sent := store.Stats().Total - before; sent != 0 {
					t.Errorf("%d requests reached the store for a configuration that plan-time validation rejects", sent)
				}
			}
		})
	}
}
