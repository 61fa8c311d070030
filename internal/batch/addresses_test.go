package batch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// addressRecorder is the real client, counting the address PUTs in flight
// and losing the answers to the next loseCreates POSTs after the store
// applied them.
type addressRecorder struct {
	*recordingAPI
	mu          sync.Mutex
	patching    int
	peak        int
	loseCreates int
}

func (r *addressRecorder) PatchAddresses(ctx context.Context, in []bigcommerce.AddressPatch) ([]bigcommerce.Address, error) {
	r.mu.Lock()
	r.patching++
	r.peak = max(r.peak, r.patching)
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		r.patching--
		r.mu.Unlock()
	}()
	return r.Client.PatchAddresses(ctx, in)
}

func (r *addressRecorder) CreateAddresses(ctx context.Context, in []bigcommerce.AddressCreate) ([]bigcommerce.Address, error) {
	got, err := r.Client.CreateAddresses(ctx, in)
	r.mu.Lock()
	defer r.mu.Unlock()
	if err == nil && r.loseCreates > 0 {
		r.loseCreates--
		return make([]bigcommerce.Address, len(in)), &bigcommerce.OutcomeUnknownError{Method: "POST", Path: addressesPath, Err: errors.New("502 with an empty body")}
	}
	return got, err
}

func newAddressAPI(t *testing.T, opts sandbox.Options) (*sandbox.Store, *addressRecorder) {
	t.Helper()
	store, api := startSandbox(t, opts)
	return store, &addressRecorder{recordingAPI: api}
}

// addressCustomers creates n customers in the sandbox directly.
func addressCustomers(t *testing.T, api *addressRecorder, n int) []int {
	t.Helper()
	ids := make([]int, n)
	for i := range ids {
		cu, err := api.CreateCustomer(context.Background(), newCustomer(fmt.Sprintf("addr-%02d@example.com", i)))
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = cu.ID
	}
	return ids
}

func newAddress(customerID int, street string) bigcommerce.AddressCreate {
	return bigcommerce.AddressCreate{CustomerID: customerID, AddressFields: bigcommerce.AddressFields{
		FirstName: "Jane", LastName: "Doe", Address1: street, City: "Akron",
		StateOrProvince: "Ohio", PostalCode: "44325", CountryCode: "US",
	}}
}

// warmUpAddress makes one call, so that the calls right after it are not
// alone and share a batch.
func warmUpAddress(t *testing.T, svc *Addresses, customerID int, street string) *bigcommerce.Address {
	t.Helper()
	a, err := svc.CreateAddress(context.Background(), newAddress(customerID, street))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func addressCount(t *testing.T, api *addressRecorder) int {
	t.Helper()
	all, err := api.ListAddresses(context.Background(), bigcommerce.AddressFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

// TestAddressesConcurrentLifecycle creates, reads, updates and deletes 50
// addresses of 5 customers from 50 concurrent callers, as Terraform does
// with count = 50, and checks each caller got its own address from a
// handful of requests.
func TestAddressesConcurrentLifecycle(t *testing.T) {
	const n = lifecycleItems
	store, api := newAddressAPI(t, sandbox.Options{Latency: 20 * time.Millisecond})
	customers := addressCustomers(t, api, 5)
	svc := NewAddresses(api)
	ctx := context.Background()
	ids := make([]int, n)
	owner := func(i int) int { return customers[i%len(customers)] }
	street := func(i int) string { return fmt.Sprintf("%d Main Street", i+1) }
	phase := func(name string, bounds map[string]int, fn func(i int) error) {
		t.Helper()
		runPhase(t, store, name, bounds, fn)
	}

	// Ideally 5 batches of 10; the first call goes out alone.
	phase("create", map[string]int{"POST /v3/customers/addresses": 7}, func(i int) error {
		a, err := svc.CreateAddress(ctx, newAddress(owner(i), street(i)))
		if err == nil && (a.Address1 != street(i) || a.CustomerID != owner(i)) {
			err = fmt.Errorf("got %q of customer %d", a.Address1, a.CustomerID)
		}
		if err == nil {
			ids[i] = a.ID
		}
		return err
	})
	phase("read", map[string]int{"GET /v3/customers/addresses": 3}, func(i int) error {
		a, err := svc.GetAddress(ctx, ids[i])
		if err == nil && (a.ID != ids[i] || a.Address1 != street(i)) {
			err = fmt.Errorf("got address %d %q", a.ID, a.Address1)
		}
		return err
	})
	phase("update", map[string]int{"PUT /v3/customers/addresses": 7}, func(i int) error {
		city := fmt.Sprintf("Town %d", i)
		a, err := svc.PatchAddress(ctx, bigcommerce.AddressPatch{ID: ids[i], City: &city})
		if err == nil && (a.ID != ids[i] || a.City != city || a.Address1 != street(i)) {
			err = fmt.Errorf("got address %d %q in %q", a.ID, a.Address1, a.City)
		}
		return err
	})
	if api.peak > maxConcurrentAddressPuts {
		t.Errorf("%d address updates in flight at once, want at most %d", api.peak, maxConcurrentAddressPuts)
	}
	phase("delete", map[string]int{"DELETE /v3/customers/addresses": 3}, func(i int) error {
		return svc.DeleteAddress(ctx, ids[i])
	})
	if left := addressCount(t, api); left != 0 {
		t.Errorf("%d addresses left, want none", left)
	}
}

// TestAddressesDuplicateIsThatCallersError: an address identical to one the
// customer has, and two callers creating the same address at once, give
// the losing caller a DuplicateAddressError naming the address it
// duplicates, and leave the neighbours created.
func TestAddressesDuplicateIsThatCallersError(t *testing.T) {
	store, api := newAddressAPI(t, sandbox.Options{})
	cid := addressCustomers(t, api, 1)[0]
	svc := newAddresses(api, wideWindow)
	existing := warmUpAddress(t, svc, cid, "1 Taken Road")
	store.ResetStats()

	streets := []string{"2 A Street", "1 Taken Road", "3 Twin Lane", "4 B Street", "3 Twin Lane"}
	results := make([]Result[*bigcommerce.Address], len(streets))
	each(len(streets), func(i int) {
		results[i].Value, results[i].Err = svc.CreateAddress(context.Background(), newAddress(cid, streets[i]))
	})
	var dup *bigcommerce.DuplicateAddressError
	if !errors.As(results[1].Err, &dup) || dup.ExistingID != existing.ID || dup.CustomerID != cid || dup.Index != 0 {
		t.Errorf("taken: got %#v, want a DuplicateAddressError naming address %d", results[1].Err, existing.ID)
	} else if !errors.Is(results[1].Err, bigcommerce.ErrConflict) {
		t.Errorf("taken: %v is not ErrConflict", results[1].Err)
	}
	twins := []Result[*bigcommerce.Address]{results[2], results[4]}
	if (twins[0].Err == nil) == (twins[1].Err == nil) {
		t.Errorf("twins: got %v and %v, want exactly one to fail", twins[0].Err, twins[1].Err)
	} else {
		won, lost := twins[0], twins[1]
		if won.Err != nil {
			won, lost = lost, won
		}
		if !errors.As(lost.Err, &dup) || dup.ExistingID != won.Value.ID {
			t.Errorf("twins: the loser got %v, want a DuplicateAddressError naming address %d", lost.Err, won.Value.ID)
		}
	}
	for _, i := range []int{0, 3} {
		if r := results[i]; r.Err != nil || r.Value.Address1 != streets[i] {
			t.Errorf("%s: got %+v, %v; want it created", streets[i], r.Value, r.Err)
		}
	}
	if got := store.Stats().Requests["POST /v3/customers/addresses"]; got != 1 {
		t.Errorf("%d POST /v3/customers/addresses for one batch, want 1", got)
	}
	if got := addressCount(t, api); got != 4 {
		t.Errorf("the store has %d addresses, want 4", got)
	}
}

// TestAddressesInvalidItemsDoNotFailNeighbours: items the store refuses
// get their own ItemError, with their own fields, and the rest are created.
func TestAddressesInvalidItemsDoNotFailNeighbours(t *testing.T) {
	_, api := newAddressAPI(t, sandbox.Options{})
	cid := addressCustomers(t, api, 1)[0]
	svc := newAddresses(api, wideWindow)
	warmUpAddress(t, svc, cid, "warm")

	noState := newAddress(cid, "5 No State Street")
	noState.StateOrProvince = ""
	items := []bigcommerce.AddressCreate{newAddress(cid, "1 Good Street"), noState, newAddress(999991, "9 Nobody Street"), newAddress(cid, "2 Good Street")}
	results := make([]Result[*bigcommerce.Address], len(items))
	each(len(items), func(i int) {
		results[i].Value, results[i].Err = svc.CreateAddress(context.Background(), items[i])
	})
	for _, i := range []int{0, 3} {
		if r := results[i]; r.Err != nil || r.Value.Address1 != items[i].Address1 {
			t.Errorf("%s: got %+v, %v; want it created", items[i].Address1, r.Value, r.Err)
		}
	}
	var item *bigcommerce.ItemError
	if !errors.As(results[1].Err, &item) || item.Fields["state_or_province"] == "" {
		t.Errorf("no state: got %v, want an ItemError on state_or_province", results[1].Err)
	}
	if !errors.As(results[2].Err, &item) || item.Fields["customer_id"] == "" {
		t.Errorf("no customer: got %v, want an ItemError on customer_id", results[2].Err)
	}
	if got := addressCount(t, api); got != 3 {
		t.Errorf("the store has %d addresses, want 3", got)
	}
}

// TestAddressesPatchPerItem: a patch of an address that does not exist is
// ErrNotFound, one that would duplicate another address is a
// DuplicateAddressError naming both, and neither fails its neighbours.
func TestAddressesPatchPerItem(t *testing.T) {
	_, api := newAddressAPI(t, sandbox.Options{})
	cid := addressCustomers(t, api, 1)[0]
	svc := newAddresses(api, wideWindow)
	a := warmUpAddress(t, svc, cid, "1 First Street")
	b := warmUpAddress(t, svc, cid, "2 Second Street")
	c := warmUpAddress(t, svc, cid, "3 Third Street")

	same, city := a.Address1, "Dayton"
	patches := []bigcommerce.AddressPatch{{ID: c.ID, City: &city}, {ID: 999991, City: &city}, {ID: b.ID, Address1: &same}}
	results := make([]Result[*bigcommerce.Address], len(patches))
	each(len(patches), func(i int) {
		results[i].Value, results[i].Err = svc.PatchAddress(context.Background(), patches[i])
	})
	if r := results[0]; r.Err != nil || r.Value.ID != c.ID || r.Value.City != city {
		t.Errorf("update: got %+v, %v", r.Value, r.Err)
	}
	if !errors.Is(results[1].Err, bigcommerce.ErrNotFound) {
		t.Errorf("missing: got %v, want ErrNotFound", results[1].Err)
	}
	var dup *bigcommerce.DuplicateAddressError
	if !errors.As(results[2].Err, &dup) || dup.ExistingID != a.ID || dup.AddressID != b.ID {
		t.Errorf("duplicate: got %#v, want a DuplicateAddressError naming %d and %d", results[2].Err, a.ID, b.ID)
	}
	if got, err := svc.GetAddress(context.Background(), b.ID); err != nil || got.Address1 != b.Address1 {
		t.Errorf("b became %+v, %v; want it unchanged", got, err)
	}
	if _, err := svc.GetAddress(context.Background(), 999991); !errors.Is(err, bigcommerce.ErrNotFound) {
		t.Errorf("reading a missing address: got %v, want ErrNotFound", err)
	}
}

// TestAddressesSameIDTwice: two patches of one address at once both apply,
// in separate requests.
func TestAddressesSameIDTwice(t *testing.T) {
	store, api := newAddressAPI(t, sandbox.Options{})
	cid := addressCustomers(t, api, 1)[0]
	svc := newAddresses(api, wideWindow)
	a := warmUpAddress(t, svc, cid, "1 First Street")
	store.ResetStats()
	companies := []string{"One", "Two"}
	errs := make([]error, len(companies))
	each(len(companies), func(i int) {
		_, errs[i] = svc.PatchAddress(context.Background(), bigcommerce.AddressPatch{ID: a.ID, Company: &companies[i]})
	})
	if errors.Join(errs...) != nil {
		t.Errorf("got %v", errs)
	}
	if got := store.Stats().Requests["PUT /v3/customers/addresses"]; got != 2 {
		t.Errorf("%d PUT /v3/customers/addresses, want 2", got)
	}
}

// TestAddressesLostAnswerIsFoundNotResent: when the store applied a create
// but its answer was lost, the callers get the addresses the store created,
// found by a listing, and nothing is created twice.
func TestAddressesLostAnswerIsFoundNotResent(t *testing.T) {
	store, api := newAddressAPI(t, sandbox.Options{})
	cid := addressCustomers(t, api, 1)[0]
	svc := newAddresses(api, wideWindow)
	warmUpAddress(t, svc, cid, "warm")
	store.ResetStats()
	api.loseCreates = 1

	streets := []string{"1 Lost Street", "2 Lost Street", "3 Lost Street"}
	results := make([]Result[*bigcommerce.Address], len(streets))
	each(len(streets), func(i int) {
		results[i].Value, results[i].Err = svc.CreateAddress(context.Background(), newAddress(cid, streets[i]))
	})
	seen := map[int]bool{}
	for i, r := range results {
		if r.Err != nil || r.Value.Address1 != streets[i] || r.Value.ID == 0 || seen[r.Value.ID] {
			t.Errorf("%s: got %+v, %v", streets[i], r.Value, r.Err)
			continue
		}
		seen[r.Value.ID] = true
	}
	if got := store.Stats().Requests["POST /v3/customers/addresses"]; got != 1 {
		t.Errorf("%d POST /v3/customers/addresses, want 1: the lost batch was applied", got)
	}
	if got := addressCount(t, api); got != 4 {
		t.Errorf("the store has %d addresses, want 4", got)
	}
}

// TestAddressesStopMidFlightKeepsEveryAnswer is Terraform's Stop (Ctrl-C)
// during creates: every caller whose address went out gets it, and a call
// that had not gone out creates nothing.
func TestAddressesStopMidFlightKeepsEveryAnswer(t *testing.T) {
	_, api := newAddressAPI(t, sandbox.Options{Latency: 300 * time.Millisecond})
	cid := addressCustomers(t, api, 1)[0]
	svc := newAddresses(api, wideWindow)
	warmUpAddress(t, svc, cid, "warm")
	before := addressCount(t, api)

	ctx, cancel := context.WithCancel(context.Background())
	const n = 15 // a full batch of 10 and one of 5
	got := make([]*bigcommerce.Address, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i], errs[i] = svc.CreateAddress(ctx, newAddress(cid, fmt.Sprintf("%d Stop Street", i))) })
	}
	time.Sleep(150 * time.Millisecond) // the full batch is in flight, the other still open
	cancel()
	wg.Wait()
	var answered int
	for i := range n {
		switch {
		case errs[i] == nil:
			if want := fmt.Sprintf("%d Stop Street", i); got[i].Address1 != want {
				t.Fatalf("caller %d got %q, want %q", i, got[i].Address1, want)
			}
			answered++
		case !errors.Is(errs[i], context.Canceled):
			t.Fatalf("caller %d: %v", i, errs[i])
		}
	}
	if answered == 0 {
		t.Fatal("no caller got its address: the batch in flight was dropped")
	}
	if created := addressCount(t, api) - before; created != answered {
		t.Fatalf("the store created %d addresses, its callers got %d: addresses created and lost", created, answered)
	}
}
