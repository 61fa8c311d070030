package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// The action forces a password reset with the command a user types:
// terraform apply -invoke.
func TestActionForcePasswordReset(t *testing.T) {
	w := newWorkspaceWith(t, "", sandbox.Options{Quota: -1})
	if cli.OpenTofu || cli.Version.LessThan(version.Must(version.NewVersion("1.14.0"))) {
		t.Skipf("actions need Terraform 1.14 or later; the CLI is %s %s", map[bool]string{true: "OpenTofu", false: "Terraform"}[cli.OpenTofu], cli.Version)
	}
	group := w.store.SeedGroup("Breached")
	inGroup := w.store.SeedCustomers(23, group)
	others := w.store.SeedCustomers(4, 0)
	w.writeConfig(fmt.Sprintf(`
action "bigcommerce_customer_force_password_reset" "breach" {
  config {
    customer_group_id = %d
    customer_ids      = [%d]
  }
}
`, group, others[0]))

	out := w.mustRun(0, "apply", "-input=false", "-auto-approve", "-invoke=action.bigcommerce_customer_force_password_reset.breach")
	if !strings.Contains(out, "force_password_reset = true for 24 of 24 customers") {
		t.Fatalf("the action did not report its progress to 24 customers:\n%s", tail(out))
	}
	c := w.client()
	for _, id := range append(inGroup, others...) {
		got, err := c.GetCustomer(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		want := id != others[1] && id != others[2] && id != others[3]
		if reset := got.Authentication != nil && got.Authentication.ForcePasswordReset; reset != want {
			t.Errorf("customer %d: force_password_reset %t, want %t", id, reset, want)
		}
	}

	// Nothing named: refused before anything is sent.
	w.writeConfig(`
action "bigcommerce_customer_force_password_reset" "none" {
  config {}
}
`)
	out = w.mustRun(1, "apply", "-input=false", "-auto-approve", "-invoke=action.bigcommerce_customer_force_password_reset.none")
	if !strings.Contains(out, "customer_ids") || !strings.Contains(out, "customer_group_id") {
		t.Fatalf("the empty action's error does not name its attributes:\n%s", tail(out))
	}
}
