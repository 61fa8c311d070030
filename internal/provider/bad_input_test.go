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
	{"customer form_fields empty key", customer(`form_fields = { "" = "x" }`), `(?s)form_fields.*remove the empty key`},
	{"customer timeouts", customer(`timeouts = { create = "forever" }`), `(?s)timeouts.*"forever" must be.*such as "300ms"`},
}

// TestBadInput plans each malformed configuration: each must fail at plan
// time with an error naming the attribute and the fix, before any request
// reaches the store.
func TestBadInput(t *testing.T) {
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			var before int
			if store := acctest.SandboxIfAny(); store != nil {
				before = store.Stats().Total
			}
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.WriteOnly},
				Steps: []resource.TestStep{{
					Config:      tc.config,
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.want),
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
