package bigcommerce

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func TestCustomerConsent(t *testing.T) {
	c, store := startSandbox(t, sandbox.Options{Quota: -1}, nil)
	ctx := context.Background()
	id := store.SeedCustomers(1, 0)[0]
	got, err := c.UpdateCustomerConsent(ctx, id, ConsentOf([]string{"essential", "functional"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Allow, []string{"essential", "functional"}) || len(got.Deny) != 0 || got.UpdatedAt == "" {
		t.Fatalf("update: %+v", got)
	}
	if got, err = c.UpdateCustomerConsent(ctx, id, ConsentOf([]string{"essential"}, []string{"analytics", "targeting"})); err != nil || len(got.Allow) != 1 || len(got.Deny) != 2 {
		t.Fatalf("a second declaration replaces the first: %+v, %v", got, err)
	}
	if got, err = c.GetCustomerConsent(ctx, id); err != nil || len(got.Deny) != 2 {
		t.Fatalf("get: %+v, %v", got, err)
	}
	deny := []string{"targeting"}
	if got, err = c.UpdateCustomerConsent(ctx, id, ConsentUpdate{Deny: &deny}); err != nil || !slices.Equal(got.Allow, []string{"essential"}) || !slices.Equal(got.Deny, deny) {
		t.Fatalf("an update of deny alone must keep allow: %+v, %v", got, err)
	}
	if _, err := c.UpdateCustomerConsent(ctx, id, ConsentOf([]string{"cookies"}, nil)); !errors.Is(err, ErrValidation) {
		t.Fatalf("an unknown category: %v, want ErrValidation", err)
	}
	if _, err := c.GetCustomerConsent(ctx, 999); !errors.Is(err, ErrValidation) {
		t.Fatalf("an unknown customer: %v, want the documented 422", err)
	}
}
