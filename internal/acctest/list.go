package acctest

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// QueryTest applies resources, then runs terraform query on query (list
// blocks) and checks its results; checkDestroy runs after the resources
// are destroyed. It needs a Terraform that has list resources (Query).
func QueryTest(t *testing.T, checkDestroy resource.TestCheckFunc, resources, query string, checks ...querycheck.QueryResultCheck) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { PreCheck(t) },
		ProtoV6ProviderFactories: ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{Query},
		CheckDestroy:             checkDestroy,
		Steps: []resource.TestStep{
			{Config: resources},
			{Query: true, Config: query, QueryResultChecks: checks},
		},
	})
}

// ExpectDisplayName checks that the list block list (such as
// "bigcommerce_customer_group.mine") has a result displayed as name.
func ExpectDisplayName(list, name string) querycheck.QueryResultCheck {
	return querycheck.ExpectResourceDisplayName(list, queryfilter.ByDisplayName(knownvalue.StringExact(name)), knownvalue.StringExact(name))
}

// ExpectResourceValues checks the resource of the result of list displayed
// as name (the list block must include resources).
func ExpectResourceValues(list, name string, checks []querycheck.KnownValueCheck) querycheck.QueryResultCheck {
	return querycheck.ExpectResourceKnownValues(list, queryfilter.ByDisplayName(knownvalue.StringExact(name)), checks)
}

// NumericID checks a numeric id in a string, as resources hold their ids.
var NumericID = knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))

// ListCustomer creates a customer through the API and returns its id, for
// the filters of list blocks, which take literal ids and cannot refer to
// resources. The customer is deleted (with what it owns) when the test ends.
func ListCustomer(t *testing.T, prefix string) int {
	t.Helper()
	c := Client(t)
	cu, err := c.CreateCustomer(context.Background(), bigcommerce.CustomerCreate{Email: RandomEmail(prefix), FirstName: "Jane", LastName: "Doe"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.DeleteCustomer(context.Background(), cu.ID); err != nil {
			t.Errorf("cleaning up customer %d: %s", cu.ID, err)
		}
	})
	return cu.ID
}
