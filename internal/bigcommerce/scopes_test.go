package bigcommerce

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func TestMissingScopeNamesTheOperationAndTheScope(t *testing.T) {
	store := sandbox.New(sandbox.Options{Quota: -1, StoreHash: "abc123"})
	srv := httptest.NewServer(store)
	t.Cleanup(srv.Close)
	c, err := New(Config{BaseURL: srv.URL, StoreHash: "abc123", AccessToken: "sandbox-read-only-token", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.GetCustomers(ctx, []int{1}); err != nil {
		t.Fatalf("a read-only token must read: %v", err)
	}
	_, err = c.CreateCustomers(ctx, []CustomerCreate{{Email: "jane@example.com", FirstName: "Jane", LastName: "Doe"}})
	if !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("create with a read-only token: %v, want ErrUnauthorized", err)
	}
	for _, want := range []string{"403", "POST /customers", ScopeCustomersModify, ScopeCustomersReadOnly} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}
