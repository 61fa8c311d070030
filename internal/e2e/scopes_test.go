package e2e_test

import (
	"strings"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// useToken makes the provider authenticate with token from now on.
func (w *workspace) useToken(token string) {
	for i, kv := range w.env {
		if strings.HasPrefix(kv, "BIGCOMMERCE_ACCESS_TOKEN=") {
			w.env[i] = "BIGCOMMERCE_ACCESS_TOKEN=" + token
		}
	}
}

// A plan job with a read-only token (Customers read-only scope) refreshes
// and plans; its apply is refused with the scope it lacks, and nothing is
// written.
func TestReadOnlyTokenPlansAndCannotApply(t *testing.T) {
	w := newWorkspaceWith(t, "", sandbox.Options{Quota: -1})
	w.writeConfig(`
resource "bigcommerce_customer" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
  company    = "Acme"
}

data "bigcommerce_customers" "all" {}
`)
	w.mustRun(0, "apply", "-input=false", "-auto-approve")

	w.useToken(w.store.ReadOnlyToken)
	w.mustRun(0, "plan", "-input=false", "-detailed-exitcode")
	w.writeConfig(`
resource "bigcommerce_customer" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
  company    = "Acme Holdings"
}

data "bigcommerce_customers" "all" {}
`)
	w.mustRun(2, "plan", "-input=false", "-detailed-exitcode")
	out := w.mustRun(1, "apply", "-input=false", "-auto-approve")
	for _, want := range []string{"403", "PUT /customers", "store_v2_customers", "store_v2_customers_read_only"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the refused apply does not name %q:\n%s", want, tail(out))
		}
	}
	if got := w.storeCustomers(); len(got) != 1 || got[0].Company != "Acme" {
		t.Fatalf("the store holds %+v after a refused apply, want Jane of Acme unchanged", got)
	}
}
