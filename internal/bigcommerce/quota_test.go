package bigcommerce

import (
	"context"
	"fmt"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func newQuotaSandbox(t *testing.T, opts sandbox.Options) (*Client, *sandbox.Store) {
	t.Helper()
	store := sandbox.New(opts)
	srv := httptest.NewServer(store)
	t.Cleanup(srv.Close)
	c, err := New(Config{BaseURL: srv.URL, StoreHash: "sandbox", AccessToken: "sandbox-token"})
	if err != nil {
		t.Fatal(err)
	}
	return c, store
}

// The store answers 429 beyond 3 concurrent PUT /v3/customers; the client
// waits for a slot instead.
func TestUpdateCustomersStaysWithinConcurrencyLimit(t *testing.T) {
	c, store := newQuotaSandbox(t, sandbox.Options{Quota: -1, Latency: 30 * time.Millisecond})
	ctx := context.Background()
	var in []CustomerCreate
	for i := range MaxBatch {
		in = append(in, CustomerCreate{Email: fmt.Sprintf("u%d@example.com", i), FirstName: "A", LastName: "B"})
	}
	created, err := c.CreateCustomers(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	store.ResetStats()
	var wg sync.WaitGroup
	for i, cu := range created {
		wg.Go(func() {
			if _, err := c.UpdateCustomer(ctx, CustomerUpdate{ID: cu.ID, LastName: new(fmt.Sprint("C", i))}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	st := store.Stats()
	if st.MaxConcurrentCustomerPuts > MaxConcurrentCustomerPuts || st.RateLimited != 0 {
		t.Errorf("%d concurrent PUTs and %d 429s; want at most %d and none", st.MaxConcurrentCustomerPuts, st.RateLimited, MaxConcurrentCustomerPuts)
	}
}

func TestQuotaWait(t *testing.T) {
	c, _ := newQuotaSandbox(t, sandbox.Options{Quota: 3, Window: 5 * time.Second})
	ctx := context.Background()
	if d := c.QuotaWait(); d != 0 {
		t.Fatalf("QuotaWait before any answer = %v, want 0", d)
	}
	if _, err := c.GetCustomers(ctx, []int{1}); err != nil {
		t.Fatal(err)
	}
	if d := c.QuotaWait(); d != 0 {
		t.Fatalf("QuotaWait with 2 of 3 requests left = %v, want 0", d)
	}
	if _, err := c.GetCustomers(ctx, []int{1}); err != nil {
		t.Fatal(err)
	}
	// One request left: the pacer keeps it for other apps.
	if d := c.QuotaWait(); d <= 0 || d > 5*time.Second {
		t.Fatalf("QuotaWait with 1 of 3 requests left = %v, want the time to the window's reset", d)
	}
}
