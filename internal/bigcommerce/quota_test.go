package bigcommerce

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
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

func TestQuotaShareLeavesTheRestOfTheWindowToOtherApps(t *testing.T) {
	for _, tc := range []struct {
		share, left int
		wait        bool
	}{
		{share: 80, left: 31, wait: false}, // 150 × 20 % = 30 stay free
		{share: 80, left: 30, wait: true},
		{share: 50, left: 76, wait: false},
		{share: 50, left: 75, wait: true},
		{share: 100, left: 2, wait: false}, // the whole window but the reserve
		{share: 100, left: 1, wait: true},
		{share: 0, left: 30, wait: true}, // 0: DefaultQuotaShare
	} {
		clock := &fakeClock{t: time.Unix(0, 0)}
		p := newPacer(clock.now, tc.share)
		h := http.Header{}
		h.Set("X-Rate-Limit-Requests-Left", strconv.Itoa(tc.left))
		h.Set("X-Rate-Limit-Time-Reset-Ms", "10000")
		h.Set("X-Rate-Limit-Requests-Quota", "150")
		p.observe(http.StatusOK, h)
		if err := p.wait(context.Background(), clock.sleep); err != nil {
			t.Fatal(err)
		}
		if waited := len(clock.sleeps) > 0; waited != tc.wait {
			t.Errorf("share %d%%, %d left of 150: waited %t, want %t", tc.share, tc.left, waited, tc.wait)
		}
	}
}

func TestQuotaShareOutOfRangeIsRefused(t *testing.T) {
	for _, share := range []int{-1, 101} {
		if _, err := New(Config{StoreHash: "abc123", AccessToken: "t", QuotaShare: share}); err == nil {
			t.Errorf("QuotaShare %d accepted", share)
		}
	}
}

// TestPacerProbesAFreshWindow: in a window whose count is unknown one
// request goes out and the others wait for its answer, so that processes
// starting a window together do not each send a burst; an answer without
// the headers, or a request not sent after all, lets the next one probe.
func TestPacerProbesAFreshWindow(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	p := newPacer(clock.now, 80)
	ctx := context.Background()
	if err := p.wait(ctx, clock.sleep); err != nil || len(clock.sleeps) != 0 {
		t.Fatalf("first request: err %v, slept %v; want it sent at once", err, clock.sleeps)
	}
	second := make(chan error, 1)
	go func() {
		second <- p.wait(ctx, func(ctx context.Context, d time.Duration) error { return context.Canceled })
	}()
	if err := <-second; !errors.Is(err, context.Canceled) {
		t.Fatalf("second request while the first is unanswered: %v, want it held", err)
	}
	p.observe(http.StatusBadGateway, http.Header{}) // no count
	if err := p.wait(ctx, clock.sleep); err != nil || len(clock.sleeps) != 0 {
		t.Fatalf("after an answer without a count: err %v, slept %v; want the next probe sent", err, clock.sleeps)
	}
	p.unsent()
	if err := p.wait(ctx, clock.sleep); err != nil || len(clock.sleeps) != 0 {
		t.Fatalf("after a probe not sent: err %v, slept %v; want the next probe sent", err, clock.sleeps)
	}
	h := http.Header{}
	h.Set("X-Rate-Limit-Requests-Left", "100")
	h.Set("X-Rate-Limit-Time-Reset-Ms", "10000")
	h.Set("X-Rate-Limit-Requests-Quota", "150")
	p.observe(http.StatusOK, h)
	for range 5 {
		if err := p.wait(ctx, clock.sleep); err != nil {
			t.Fatal(err)
		}
	}
	if len(clock.sleeps) != 0 {
		t.Errorf("a known window with room: slept %v, want requests sent together", clock.sleeps)
	}
	// The window resets: one probe again.
	if err := clock.sleep(ctx, 11*time.Second); err != nil {
		t.Fatal(err)
	}
	clock.sleeps = nil
	if err := p.wait(ctx, clock.sleep); err != nil || len(clock.sleeps) != 0 {
		t.Fatalf("first request of a new window: err %v, slept %v", err, clock.sleeps)
	}
	go func() {
		second <- p.wait(ctx, func(ctx context.Context, d time.Duration) error { return context.Canceled })
	}()
	if err := <-second; !errors.Is(err, context.Canceled) {
		t.Fatalf("second request of a new window: %v, want it held for the probe's answer", err)
	}
}
