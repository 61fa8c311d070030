package provider_test

import (
	"errors"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

// TestAccProvider_missingConfiguration: with neither the attributes nor the
// environment variables, the error names both.
func TestAccProvider_missingConfiguration(t *testing.T) {
	t.Setenv("BIGCOMMERCE_STORE_HASH", "")
	t.Setenv("BIGCOMMERCE_ACCESS_TOKEN", "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "bigcommerce_customer" "x" { id = "1" }`,
				ExpectError: regexp.MustCompile(`(?s)Missing BigCommerce store hash.*store_hash.*BIGCOMMERCE_STORE_HASH`),
			},
			{
				Config:      `data "bigcommerce_customer" "x" { id = "1" }`,
				ExpectError: regexp.MustCompile(`(?s)Missing BigCommerce access token.*access_token.*BIGCOMMERCE_ACCESS_TOKEN`),
			},
		},
	})
}

// TestAccProvider_wrongTokenIsReportedNotLeaked: the store's 401 reaches the
// user, the token does not.
func TestAccProvider_wrongTokenIsReportedNotLeaked(t *testing.T) {
	acctest.Sandbox(t) // a real store would count the failed attempts
	t.Setenv("BIGCOMMERCE_ACCESS_TOKEN", "not-the-token-0123456789")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		ErrorCheck: func(err error) error {
			if regexp.MustCompile(`not-the-token-0123456789`).MatchString(err.Error()) {
				return errors.New("the error shows the access token")
			}
			if !regexp.MustCompile(`(?s)401 Unauthorized`).MatchString(err.Error()) {
				return err
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: `data "bigcommerce_customer" "x" { id = "1" }`,
				Check: func(*terraform.State) error {
					return errors.New("the store accepted a wrong token")
				},
			},
		},
	})
}
