package batch

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// recordingAPI is the real client, recording how many ids or items each
// batch request carried.
type recordingAPI struct {
	*bigcommerce.Client
	mu       sync.Mutex
	sizes    map[string][]int
	updating int // UpdateCustomers calls in progress
	peak     int // the most at once
}

func (r *recordingAPI) record(op string, n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sizes[op] = append(r.sizes[op], n)
}

func (r *recordingAPI) GetCustomers(ctx context.Context, ids []int) ([]bigcommerce.Customer, error) {
	r.record("get", len(ids))
	return r.Client.GetCustomers(ctx, ids)
}

func (r *recordingAPI) UpdateCustomers(ctx context.Context, in []bigcommerce.CustomerUpdate) ([]bigcommerce.Customer, error) {
	r.mu.Lock()
	r.updating++
	r.peak = max(r.peak, r.updating)
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		r.updating--
		r.mu.Unlock()
	}()
	return r.Client.UpdateCustomers(ctx, in)
}

func (r *recordingAPI) DeleteCustomers(ctx context.Context, ids []int) error {
	r.record("delete", len(ids))
	return r.Client.DeleteCustomers(ctx, ids)
}

// startSandbox serves a sandbox store through httptest and returns it with
// a client of it. The quota is unlimited unless opts sets one.
func startSandbox(t *testing.T, opts sandbox.Options) (*sandbox.Store, *recordingAPI) {
	t.Helper()
	if opts.Quota == 0 {
		opts.Quota = -1
	}
	store := sandbox.New(opts)
	srv := httptest.NewServer(store)
	t.Cleanup(srv.Close)
	client, err := bigcommerce.New(bigcommerce.Config{BaseURL: srv.URL, StoreHash: "sandbox", AccessToken: "sandbox-token"})
	if err != nil {
		t.Fatal(err)
	}
	return store, &recordingAPI{Client: client, sizes: map[string][]int{}}
}

func newCustomer(email string) bigcommerce.CustomerCreate {
	return bigcommerce.CustomerCreate{Email: email, FirstName: "Jane", LastName: "Doe"}
}

// each runs fn(i) for i in [0, n) concurrently and waits.
func each(n int, fn func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { fn(i) })
	}
	wg.Wait()
}

// TestCustomersConcurrentLifecycle creates, reads, updates and deletes 50
// customers from 50 concurrent callers, as Terraform does with count = 50,
// and checks each caller got its own customer from a handful of requests.
func TestCustomersConcurrentLifecycle(t *testing.T) {
	const n = lifecycleItems
	store, api := startSandbox(t, sandbox.Options{Latency: 20 * time.Millisecond})
	svc := NewCustomers(api)
	ctx := context.Background()
	ids := make([]int, n)
	email := func(i int) string { return fmt.Sprintf("life-%02d@example.com", i) }
	phase := func(name string, bounds map[string]int, fn func(i int) error) {
		t.Helper()
		runPhase(t, store, name, bounds, fn)
	}

	// Ideally 5 creates of 10; the first call goes out alone.
	phase("create", map[string]int{"POST /v3/customers": 7}, func(i int) error {
		cu, err := svc.CreateCustomer(ctx, newCustomer(email(i)))
		if err == nil && cu.Email != email(i) {
			err = fmt.Errorf("got customer %s", cu.Email)
		}
		if err == nil {
			ids[i] = cu.ID
		}
		return err
	})
	phase("read", map[string]int{"GET /v3/customers": 3}, func(i int) error {
		cu, err := svc.GetCustomer(ctx, ids[i])
		if err == nil && (cu.ID != ids[i] || cu.Email != email(i)) {
			err = fmt.Errorf("got customer %d %s", cu.ID, cu.Email)
		}
		return err
	})
	phase("update", map[string]int{"PUT /v3/customers": 7}, func(i int) error {
		cu, err := svc.UpdateCustomer(ctx, bigcommerce.CustomerUpdate{ID: ids[i], Email: new(email(i)), FirstName: new("Jane"), LastName: new(fmt.Sprint("Doe ", i))})
		if err == nil && (cu.ID != ids[i] || cu.LastName != fmt.Sprint("Doe ", i)) {
			err = fmt.Errorf("got customer %d %s", cu.ID, cu.LastName)
		}
		return err
	})
	if peak := store.Stats().MaxConcurrentCustomerPuts; peak > bigcommerce.MaxConcurrentCustomerPuts {
		t.Errorf("%d concurrent PUT /v3/customers, the API allows %d", peak, bigcommerce.MaxConcurrentCustomerPuts)
	}
	phase("delete", map[string]int{"DELETE /v3/customers": 3}, func(i int) error {
		return svc.DeleteCustomer(ctx, ids[i])
	})
	phase("read deleted", map[string]int{"GET /v3/customers": 3}, func(i int) error {
		if _, err := svc.GetCustomer(ctx, ids[i]); !errors.Is(err, bigcommerce.ErrNotFound) {
			return fmt.Errorf("got %v, want ErrNotFound", err)
		}
		return nil
	})
}

// wideWindow makes grouping deterministic however slowly goroutines start.
var wideWindow = Options{MinGap: 300 * time.Millisecond, MaxGap: 300 * time.Millisecond, MaxWait: time.Second}

// warmUp makes one call, so that the calls right after it are not alone
// and share a batch.
func warmUp(t *testing.T, svc *Customers, email string) *bigcommerce.Customer {
	t.Helper()
	cu, err := svc.CreateCustomer(context.Background(), newCustomer(email))
	if err != nil {
		t.Fatal(err)
	}
	return cu
}

// TestCustomersInvalidItemsDoNotFailNeighbours: BigCommerce refuses a whole
// batch for one invalid item. The invalid ones get their own error, keyed
// as for a single create, and their neighbours are created.
func TestCustomersInvalidItemsDoNotFailNeighbours(t *testing.T) {
	store, api := startSandbox(t, sandbox.Options{})
	svc := newCustomers(api, wideWindow)
	warmUp(t, svc, "taken@example.com")
	store.ResetStats()

	emails := []string{"a@example.com", "b@example.com", "not-an-email", "c@example.com", "TAKEN@example.com",
		"d@example.com", "e@example.com", "f@example.com", "g@example.com", "h@example.com"}
	results := make([]Result[*bigcommerce.Customer], len(emails))
	each(len(emails), func(i int) {
		results[i].Value, results[i].Err = svc.CreateCustomer(context.Background(), newCustomer(emails[i]))
	})

	for i, r := range results {
		switch emails[i] {
		case "not-an-email", "TAKEN@example.com":
			var itemErr *bigcommerce.ItemError
			if !errors.As(r.Err, &itemErr) || !errors.Is(r.Err, bigcommerce.ErrValidation) {
				t.Errorf("%s: got %v, want a validation error of its own", emails[i], r.Err)
				continue
			}
			if len(itemErr.Fields) != 1 || itemErr.Fields["email"] == "" {
				t.Errorf("%s: error fields %v, want one for its email", emails[i], itemErr.Fields)
			}
			if emails[i] == "TAKEN@example.com" && !strings.Contains(itemErr.Fields["email"], "already in use") {
				t.Errorf("%s: got %q, want the store's duplicate message", emails[i], itemErr.Fields["email"])
			}
		default:
			if r.Err != nil || r.Value.Email != emails[i] {
				t.Errorf("%s: got %+v, %v; want it created", emails[i], r.Value, r.Err)
			}
		}
	}
	// One refused batch per kind of problem, then the valid ones.
	if got := store.Stats().Requests["POST /v3/customers"]; got > 3 {
		t.Errorf("%d POST /v3/customers for one batch with two bad items, want at most 3", got)
	}
}

// TestCustomersSameEmailTwice: two callers creating the same e-mail at once
// get what they would get one after the other: one customer, and the
// store's duplicate error.
func TestCustomersSameEmailTwice(t *testing.T) {
	store, api := startSandbox(t, sandbox.Options{})
	svc := newCustomers(api, wideWindow)
	warmUp(t, svc, "first@example.com")
	store.ResetStats()

	emails := []string{"twin@example.com", "other@example.com", "TWIN@example.com"}
	errs := make([]error, len(emails))
	each(len(emails), func(i int) {
		_, errs[i] = svc.CreateCustomer(context.Background(), newCustomer(emails[i]))
	})
	if errs[1] != nil {
		t.Errorf("other@example.com: %v", errs[1])
	}
	if (errs[0] == nil) == (errs[2] == nil) {
		t.Fatalf("twin creates: got %v and %v, want exactly one to fail", errs[0], errs[2])
	}
	dupErr := errors.Join(errs[0], errs[2])
	if !errors.Is(dupErr, bigcommerce.ErrValidation) || !strings.Contains(dupErr.Error(), "already in use") {
		t.Errorf("got %v, want the store's duplicate e-mail error", dupErr)
	}
	got, err := api.FindCustomersByEmail(context.Background(), []string{"twin@example.com"})
	if err != nil || len(got) != 1 {
		t.Errorf("the store has %d customers with the e-mail (%v), want 1", len(got), err)
	}
}

func TestCustomersMissingIDIsThatCallersNotFound(t *testing.T) {
	store, api := startSandbox(t, sandbox.Options{})
	svc := newCustomers(api, wideWindow)
	var ids []int
	for i := range 3 {
		ids = append(ids, warmUp(t, svc, fmt.Sprintf("c%d@example.com", i)).ID)
	}
	store.ResetStats()
	want := append(ids, 999991, 999992)
	got := make([]Result[*bigcommerce.Customer], len(want))
	each(len(want), func(i int) {
		got[i].Value, got[i].Err = svc.GetCustomer(context.Background(), want[i])
	})
	for i, r := range got {
		if i < len(ids) {
			if r.Err != nil || r.Value.ID != want[i] {
				t.Errorf("customer %d: got %+v, %v", want[i], r.Value, r.Err)
			}
		} else if !errors.Is(r.Err, bigcommerce.ErrNotFound) {
			t.Errorf("missing customer %d: got %v, want ErrNotFound", want[i], r.Err)
		}
	}
	if n := store.Stats().Requests["GET /v3/customers"]; n > 2 {
		t.Errorf("%d GET /v3/customers for 5 concurrent reads, want at most 2", n)
	}
}

// TestCustomersAtMostThreeConcurrentPuts: the API allows 3 concurrent
// PUT /v3/customers and answers 429 beyond them.
func TestCustomersAtMostThreeConcurrentPuts(t *testing.T) {
	const n = 100
	store, api := startSandbox(t, sandbox.Options{Latency: 50 * time.Millisecond})
	ctx := context.Background()
	var ids []int
	for i := 0; i < n; i += bigcommerce.MaxBatch {
		var in []bigcommerce.CustomerCreate
		for j := i; j < i+bigcommerce.MaxBatch; j++ {
			in = append(in, newCustomer(fmt.Sprintf("put-%03d@example.com", j)))
		}
		got, err := api.CreateCustomers(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		for _, cu := range got {
			ids = append(ids, cu.ID)
		}
	}
	store.ResetStats()
	svc := NewCustomers(api)
	each(n, func(i int) {
		cu, err := svc.UpdateCustomer(ctx, bigcommerce.CustomerUpdate{ID: ids[i], Email: new(fmt.Sprintf("put-%03d@example.com", i)), FirstName: new("Jane"), LastName: new("Batched")})
		if err != nil || cu.LastName != "Batched" {
			t.Errorf("update %d: %+v, %v", ids[i], cu, err)
		}
	})
	// Batches wait for a slot in the coalescer, where they keep filling,
	// rather than in the client.
	if api.peak > bigcommerce.MaxConcurrentCustomerPuts {
		t.Errorf("%d batch updates handed to the client at once, want at most %d", api.peak, bigcommerce.MaxConcurrentCustomerPuts)
	}
	st := store.Stats()
	if st.MaxConcurrentCustomerPuts > bigcommerce.MaxConcurrentCustomerPuts || st.RateLimited != 0 {
		t.Errorf("%d concurrent PUTs and %d 429s, want at most %d and none", st.MaxConcurrentCustomerPuts, st.RateLimited, bigcommerce.MaxConcurrentCustomerPuts)
	}
	if got := st.Requests["PUT /v3/customers"]; got > n/bigcommerce.MaxBatch+2 {
		t.Errorf("%d PUT /v3/customers for %d updates", got, n)
	}
}

// TestCustomersChunksIDs: reads and deletes go out with at most
// MaxIDsPerQuery ids each.
func TestCustomersChunksIDs(t *testing.T) {
	const n = 120
	_, api := startSandbox(t, sandbox.Options{Latency: 20 * time.Millisecond})
	svc := NewCustomers(api)
	ctx := context.Background()
	ids := make([]int, n)
	each(n, func(i int) {
		cu, err := svc.CreateCustomer(ctx, newCustomer(fmt.Sprintf("chunk-%03d@example.com", i)))
		if err != nil {
			t.Error(err)
			return
		}
		ids[i] = cu.ID
	})
	each(n, func(i int) {
		if _, err := svc.GetCustomer(ctx, ids[i]); err != nil {
			t.Error(err)
		}
	})
	each(n, func(i int) {
		if err := svc.DeleteCustomer(ctx, ids[i]); err != nil {
			t.Error(err)
		}
	})
	for _, op := range []string{"get", "delete"} {
		sizes := api.sizes[op]
		total := 0
		for _, s := range sizes {
			if s > bigcommerce.MaxIDsPerQuery {
				t.Errorf("%s with %d ids; at most %d per query", op, s, bigcommerce.MaxIDsPerQuery)
			}
			total += s
		}
		if total != n || len(sizes) > 5 {
			t.Errorf("%s: %d requests of sizes %v for %d ids", op, len(sizes), sizes, n)
		}
	}
}

// TestCustomersCancelledCallerDoesNotCancelNeighbour: the batch runs on
// for the callers still waiting, and the cancelled caller, whose customer
// went out with the batch, still gets it: the store creates it either way.
func TestCustomersCancelledCallerDoesNotCancelNeighbour(t *testing.T) {
	_, api := startSandbox(t, sandbox.Options{Latency: 300 * time.Millisecond})
	svc := newCustomers(api, wideWindow)
	warmUp(t, svc, "warm@example.com")

	ctx, cancel := context.WithCancel(context.Background())
	cancelled := make(chan error, 1)
	go func() {
		cu, err := svc.CreateCustomer(ctx, newCustomer("quitter@example.com"))
		if err == nil && cu.Email != "quitter@example.com" {
			err = fmt.Errorf("got %s", cu.Email)
		}
		cancelled <- err
	}()
	kept := make(chan error, 1)
	go func() {
		cu, err := svc.CreateCustomer(context.Background(), newCustomer("stayer@example.com"))
		if err == nil && cu.Email != "stayer@example.com" {
			err = fmt.Errorf("got %s", cu.Email)
		}
		kept <- err
	}()
	time.Sleep(400 * time.Millisecond) // the batch has gone out and waits for the store
	cancel()
	if err := <-cancelled; err != nil {
		t.Fatalf("the cancelled caller's customer went out, yet it got %v", err)
	}
	if err := <-kept; err != nil {
		t.Fatalf("the other caller of the batch failed: %v", err)
	}
}

// TestCustomersStopMidFlightKeepsEveryAnswer is Terraform's Stop (Ctrl-C):
// every caller's context ends while their batches are in flight. Each
// caller must get the customer the store created for it, and a call that
// had not gone out must not create one.
func TestCustomersStopMidFlightKeepsEveryAnswer(t *testing.T) {
	store, api := startSandbox(t, sandbox.Options{Latency: 300 * time.Millisecond})
	svc := newCustomers(api, wideWindow)
	warmUp(t, svc, "warm@example.com")
	before := store.CustomerCount()

	ctx, cancel := context.WithCancel(context.Background())
	const n = 15 // a full batch of 10 and one of 5
	got := make([]*bigcommerce.Customer, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i], errs[i] = svc.CreateCustomer(ctx, newCustomer(fmt.Sprintf("stop%02d@example.com", i))) })
	}
	time.Sleep(150 * time.Millisecond) // the full batch is in flight, the other still open
	cancel()
	wg.Wait()
	// A call that got context.Canceled was never sent.
	var answered int
	for i := range n {
		switch {
		case errs[i] == nil:
			if want := fmt.Sprintf("stop%02d@example.com", i); got[i].Email != want {
				t.Fatalf("caller %d got %s, want %s", i, got[i].Email, want)
			}
			answered++
		case !errors.Is(errs[i], context.Canceled):
			t.Fatalf("caller %d: %v", i, errs[i])
		}
	}
	if answered == 0 {
		t.Fatal("no caller got its customer: the batch in flight was dropped")
	}
	if created := store.CustomerCount() - before; created != answered {
		t.Fatalf("the store created %d customers, its callers got %d: customers created and lost", created, answered)
	}
}

// TestCustomersPacedByQuota: when the quota runs out, batches wait for the
// window to reset instead of collecting 429s. Ten workers call one after
// the other, as Terraform's parallelism slots do.
func TestCustomersPacedByQuota(t *testing.T) {
	const n, workers = 60, 10
	store, api := startSandbox(t, sandbox.Options{Quota: 3, Window: time.Second, Latency: 10 * time.Millisecond})
	svc := NewCustomers(api)
	var next atomic.Int32
	start := time.Now()
	each(workers, func(int) {
		for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
			if _, err := svc.CreateCustomer(context.Background(), newCustomer(fmt.Sprintf("paced-%02d@example.com", i))); err != nil {
				t.Error(err)
				return
			}
		}
	})
	st := store.Stats()
	if st.RateLimited != 0 {
		t.Errorf("%d requests answered 429; pacing should have held them back", st.RateLimited)
	}
	posts := st.Requests["POST /v3/customers"]
	if posts > n/bigcommerce.MaxBatch+2 {
		t.Errorf("%d POST /v3/customers for %d creates", posts, n)
	}
	if least := time.Duration((posts-1)/3) * time.Second; time.Since(start) < least {
		t.Errorf("%d requests in %v; a quota of 3 a second allows no fewer than %v", posts, time.Since(start), least)
	}
}
