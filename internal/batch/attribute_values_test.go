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

// valueRecorder is the real client, counting the upserts in flight and the
// pairs each listing asked about.
type valueRecorder struct {
	*recordingAPI
	mu        sync.Mutex
	upserting int
	peak      int
	lists     []bigcommerce.AttributeValueFilter
}

func (r *valueRecorder) UpsertAttributeValues(ctx context.Context, in []bigcommerce.AttributeValueUpsert) ([]bigcommerce.AttributeValue, error) {
	r.mu.Lock()
	r.upserting++
	r.peak = max(r.peak, r.upserting)
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		r.upserting--
		r.mu.Unlock()
	}()
	return r.Client.UpsertAttributeValues(ctx, in)
}

func (r *valueRecorder) ListAttributeValues(ctx context.Context, f bigcommerce.AttributeValueFilter) ([]bigcommerce.AttributeValue, error) {
	r.mu.Lock()
	r.lists = append(r.lists, f)
	r.mu.Unlock()
	return r.Client.ListAttributeValues(ctx, f)
}

// valueFixture creates customers and attributes of type string in the
// sandbox directly.
func valueFixture(t *testing.T, opts sandbox.Options, customers, attributes int) (*sandbox.Store, *valueRecorder, []int, []int) {
	t.Helper()
	store, rec := startSandbox(t, opts)
	api := &valueRecorder{recordingAPI: rec}
	ctx := context.Background()
	var cids []int
	for start := 0; start < customers; start += bigcommerce.MaxBatch {
		var in []bigcommerce.CustomerCreate
		for i := start; i < min(start+bigcommerce.MaxBatch, customers); i++ {
			in = append(in, newCustomer(fmt.Sprintf("val-%02d@example.com", i)))
		}
		got, err := api.CreateCustomers(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		for _, cu := range got {
			cids = append(cids, cu.ID)
		}
	}
	aids := make([]int, attributes)
	for i := range aids {
		a, err := api.CreateAttribute(ctx, bigcommerce.AttributeCreate{Name: fmt.Sprintf("attr-%d", i), Type: "string"})
		if err != nil {
			t.Fatal(err)
		}
		aids[i] = a.ID
	}
	return store, api, cids, aids
}

// warmUpValue makes one call, so that the calls right after it are not
// alone and share a batch.
func warmUpValue(t *testing.T, svc *AttributeValues, customerID, attributeID int) *bigcommerce.AttributeValue {
	t.Helper()
	v, err := svc.UpsertAttributeValue(context.Background(), bigcommerce.AttributeValueUpsert{CustomerID: customerID, AttributeID: attributeID, Value: "warm"})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestAttributeValuesConcurrentLifecycle reads (none yet), upserts, reads,
// changes and deletes the values of 10 customers for 5 attributes from 50
// concurrent callers, as Terraform does, and checks each caller got its own
// value from a handful of requests, with at most 3 upserts at once.
func TestAttributeValuesConcurrentLifecycle(t *testing.T) {
	const n = lifecycleItems
	store, api, customers, attributes := valueFixture(t, sandbox.Options{Latency: 20 * time.Millisecond}, 10, 5)
	svc := NewAttributeValues(api)
	ctx := context.Background()
	cid := func(i int) int { return customers[i/len(attributes)] }
	aid := func(i int) int { return attributes[i%len(attributes)] }
	ids := make([]int, n)
	phase := func(name string, bounds map[string]int, fn func(i int) error) {
		t.Helper()
		runPhase(t, store, name, bounds, fn)
	}

	write := func(create bool, value func(i int) string) func(i int) error {
		return func(i int) error {
			in := bigcommerce.AttributeValueUpsert{CustomerID: cid(i), AttributeID: aid(i), Value: value(i)}
			var v *bigcommerce.AttributeValue
			var err error
			if create {
				v, err = svc.CreateAttributeValue(ctx, in)
			} else {
				v, err = svc.UpsertAttributeValue(ctx, in)
			}
			if err == nil && (v.CustomerID != cid(i) || v.AttributeID != aid(i) || v.Value != value(i)) {
				err = fmt.Errorf("got %+v", v)
			}
			if err == nil {
				ids[i] = v.ID
			}
			return err
		}
	}
	// Ideally 5 upserts of 10, each after one listing that finds none of
	// its pairs; the first call goes out alone.
	phase("create", map[string]int{"GET /v3/customers/attribute-values": 7, "PUT /v3/customers/attribute-values": 7},
		write(true, func(i int) string { return fmt.Sprint("first-", i) }))
	phase("read", map[string]int{"GET /v3/customers/attribute-values": 3}, func(i int) error {
		v, err := svc.GetAttributeValue(ctx, cid(i), aid(i))
		if err == nil && (v.ID != ids[i] || v.Value != fmt.Sprint("first-", i)) {
			err = fmt.Errorf("got %+v", v)
		}
		return err
	})
	phase("update", map[string]int{"PUT /v3/customers/attribute-values": 7}, write(false, func(i int) string { return fmt.Sprint("second-", i) }))
	if api.peak > maxConcurrentValueUpserts {
		t.Errorf("%d upserts in flight at once, want at most %d", api.peak, maxConcurrentValueUpserts)
	}
	// One listing finds the values' ids, one DELETE removes them.
	phase("delete", map[string]int{"GET /v3/customers/attribute-values": 3, "DELETE /v3/customers/attribute-values": 3}, func(i int) error {
		return svc.DeleteAttributeValueOf(ctx, cid(i), aid(i))
	})
	left, err := api.ListAttributeValues(ctx, bigcommerce.AttributeValueFilter{})
	if err != nil || len(left) != 0 {
		t.Errorf("%d values left (%v), want none", len(left), err)
	}
	for _, f := range api.lists {
		if len(f.CustomerIDs) > bigcommerce.MaxIDsPerQuery || len(f.AttributeIDs) > bigcommerce.MaxIDsPerQuery {
			t.Errorf("a listing for %d customers and %d attributes", len(f.CustomerIDs), len(f.AttributeIDs))
		}
	}
}

// TestAttributeValuesInvalidItemsDoNotFailNeighbours: an upsert the store
// refuses (a value that does not suit the attribute's type, an attribute
// that does not exist) is that caller's ItemError; the others are saved.
func TestAttributeValuesInvalidItemsDoNotFailNeighbours(t *testing.T) {
	_, api, customers, attributes := valueFixture(t, sandbox.Options{}, 3, 1)
	number, err := api.CreateAttribute(context.Background(), bigcommerce.AttributeCreate{Name: "age", Type: "number"})
	if err != nil {
		t.Fatal(err)
	}
	svc := newAttributeValues(api, wideWindow)
	warmUpValue(t, svc, customers[0], attributes[0])

	items := []bigcommerce.AttributeValueUpsert{
		{CustomerID: customers[1], AttributeID: attributes[0], Value: "ok"},
		{CustomerID: customers[1], AttributeID: number.ID, Value: "not a number"},
		{CustomerID: customers[2], AttributeID: 999991, Value: "x"},
		{CustomerID: customers[2], AttributeID: number.ID, Value: "42"},
	}
	results := make([]Result[*bigcommerce.AttributeValue], len(items))
	each(len(items), func(i int) {
		results[i].Value, results[i].Err = svc.UpsertAttributeValue(context.Background(), items[i])
	})
	for _, i := range []int{0, 3} {
		if r := results[i]; r.Err != nil || r.Value.Value != items[i].Value || r.Value.CustomerID != items[i].CustomerID {
			t.Errorf("item %d: got %+v, %v; want it saved", i, r.Value, r.Err)
		}
	}
	var item *bigcommerce.ItemError
	if !errors.As(results[1].Err, &item) || item.Fields["value"] == "" || !errors.Is(results[1].Err, bigcommerce.ErrValidation) {
		t.Errorf("not a number: got %v, want an ItemError on value", results[1].Err)
	}
	if !errors.As(results[2].Err, &item) || item.Fields["attribute_id"] == "" {
		t.Errorf("no attribute: got %v, want an ItemError on attribute_id", results[2].Err)
	}
}

// TestAttributeValuesSamePairTwice: two upserts of one customer's value of
// one attribute at once both apply, in separate requests, as they would one
// after the other.
func TestAttributeValuesSamePairTwice(t *testing.T) {
	store, api, customers, attributes := valueFixture(t, sandbox.Options{}, 2, 1)
	svc := newAttributeValues(api, wideWindow)
	warmUpValue(t, svc, customers[0], attributes[0])
	store.ResetStats()
	values := []string{"one", "two", "other"}
	owners := []int{customers[1], customers[1], customers[0]}
	results := make([]Result[*bigcommerce.AttributeValue], len(values))
	each(len(values), func(i int) {
		results[i].Value, results[i].Err = svc.UpsertAttributeValue(context.Background(), bigcommerce.AttributeValueUpsert{CustomerID: owners[i], AttributeID: attributes[0], Value: values[i]})
	})
	for i, r := range results {
		if r.Err != nil || r.Value.Value != values[i] {
			t.Errorf("%s: got %+v, %v", values[i], r.Value, r.Err)
		}
	}
	if results[0].Err == nil && results[1].Err == nil && results[0].Value.ID != results[1].Value.ID {
		t.Errorf("the two upserts of one pair made values %d and %d", results[0].Value.ID, results[1].Value.ID)
	}
	if got := store.Stats().Requests["PUT /v3/customers/attribute-values"]; got != 2 {
		t.Errorf("%d PUT /v3/customers/attribute-values, want 2", got)
	}
}

// TestAttributeValuesReadsOnlyWhatWasAsked: a listing by customers and
// attributes returns values nobody asked for (customer A's value of
// attribute 2 when A was asked about attribute 1 and B about 2); each
// caller gets its own pair or ErrNotFound, from one request.
func TestAttributeValuesReadsOnlyWhatWasAsked(t *testing.T) {
	store, api, customers, attributes := valueFixture(t, sandbox.Options{}, 2, 2)
	svc := newAttributeValues(api, wideWindow)
	a, b := customers[0], customers[1]
	a1 := warmUpValue(t, svc, a, attributes[0])
	warmUpValue(t, svc, a, attributes[1])
	if _, err := svc.GetAttributeValue(context.Background(), a, attributes[0]); err != nil {
		t.Fatal(err) // warms up the read window
	}
	store.ResetStats()
	keys := []valueKey{{a, attributes[0]}, {b, attributes[1]}, {a, attributes[0]}}
	results := make([]Result[*bigcommerce.AttributeValue], len(keys))
	each(len(keys), func(i int) {
		results[i].Value, results[i].Err = svc.GetAttributeValue(context.Background(), keys[i].customerID, keys[i].attributeID)
	})
	for _, i := range []int{0, 2} {
		if r := results[i]; r.Err != nil || r.Value.ID != a1.ID {
			t.Errorf("read %d: got %+v, %v; want value %d", i, r.Value, r.Err, a1.ID)
		}
	}
	if !errors.Is(results[1].Err, bigcommerce.ErrNotFound) {
		t.Errorf("B's value: got %+v, %v; want ErrNotFound", results[1].Value, results[1].Err)
	}
	if got := store.Stats().Requests["GET /v3/customers/attribute-values"]; got != 1 {
		t.Errorf("%d GET /v3/customers/attribute-values, want 1", got)
	}
}

// TestAttributeValuesDeleteGoneIsNoError: deleting values already gone
// succeeds, as a single request does; the batch finds the values it deletes
// with one listing and deletes them with one request.
func TestAttributeValuesDeleteGoneIsNoError(t *testing.T) {
	store, api, customers, attributes := valueFixture(t, sandbox.Options{}, 3, 1)
	svc := newAttributeValues(api, wideWindow)
	warmUpValue(t, svc, customers[0], attributes[0])
	warmUpValue(t, svc, customers[1], attributes[0])
	if err := svc.DeleteAttributeValueOf(context.Background(), customers[1], attributes[0]); err != nil {
		t.Fatal(err) // warms up the delete window
	}
	store.ResetStats()
	errs := make([]error, len(customers))
	each(len(customers), func(i int) { errs[i] = svc.DeleteAttributeValueOf(context.Background(), customers[i], attributes[0]) })
	if err := errors.Join(errs...); err != nil {
		t.Error(err)
	}
	if _, err := svc.GetAttributeValue(context.Background(), customers[0], attributes[0]); !errors.Is(err, bigcommerce.ErrNotFound) {
		t.Errorf("after delete: got %v, want ErrNotFound", err)
	}
	if st := store.Stats(); st.Requests["DELETE /v3/customers/attribute-values"] != 1 || st.Requests["GET /v3/customers/attribute-values"] != 2 {
		t.Errorf("requests %v, want one listing and one DELETE, then the check's listing", st.Requests)
	}
}

// value, and a call that had not gone out saves nothing.
func TestAttributeValuesStopMidFlightKeepsEveryAnswer(t *testing.T) {
	_, api, customers, attributes := valueFixture(t, sandbox.Options{Latency: 300 * time.Millisecond}, 15, 1)
	svc := newAttributeValues(api, wideWindow)
	warmUpValue(t, svc, customers[0], attributes[0])

	ctx, cancel := context.WithCancel(context.Background())
	const n = 15 // the warm-up's customer again, in a batch of 10 and one of 5
	got := make([]*bigcommerce.AttributeValue, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got[i], errs[i] = svc.UpsertAttributeValue(ctx, bigcommerce.AttributeValueUpsert{CustomerID: customers[i], AttributeID: attributes[0], Value: fmt.Sprint("stop-", i)})
		})
	}
	time.Sleep(150 * time.Millisecond) // the full batch is in flight, the other still open
	cancel()
	wg.Wait()
	saved, err := api.ListAttributeValues(context.Background(), bigcommerce.AttributeValueFilter{})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[int]string{}
	for _, v := range saved {
		stored[v.CustomerID] = v.Value
	}
	var answered int
	for i := range n {
		want := fmt.Sprint("stop-", i)
		switch {
		case errs[i] == nil:
			if got[i].Value != want || stored[customers[i]] != want {
				t.Fatalf("caller %d got %q, the store holds %q; want %q", i, got[i].Value, stored[customers[i]], want)
			}
			answered++
		case !errors.Is(errs[i], context.Canceled):
			t.Fatalf("caller %d: %v", i, errs[i])
		case stored[customers[i]] == want:
			t.Fatalf("caller %d gave up before its upsert went out, yet the store holds it", i)
		}
	}
	if answered == 0 {
		t.Fatal("no caller got its value: the batch in flight was dropped")
	}
}

// TestAttributeValuesCreateRefusesExisting: a create of a value the customer
// has answers ValueExistsError and leaves the value alone, while the creates
// in its batch go through; the batch costs one listing and one upsert.
func TestAttributeValuesCreateRefusesExisting(t *testing.T) {
	store, api, customers, attributes := valueFixture(t, sandbox.Options{}, 4, 1)
	svc := newAttributeValues(api, wideWindow)
	set := warmUpValue(t, svc, customers[0], attributes[0])

	store.ResetStats()
	results := make([]Result[*bigcommerce.AttributeValue], len(customers))
	each(len(customers), func(i int) {
		results[i].Value, results[i].Err = svc.CreateAttributeValue(context.Background(),
			bigcommerce.AttributeValueUpsert{CustomerID: customers[i], AttributeID: attributes[0], Value: "new"})
	})
	var exists *bigcommerce.ValueExistsError
	if !errors.As(results[0].Err, &exists) || exists.Existing.ID != set.ID || exists.Existing.Value != "warm" {
		t.Errorf("customer with a value: got %+v, %v; want ValueExistsError naming value %d", results[0].Value, results[0].Err, set.ID)
	}
	for i := 1; i < len(customers); i++ {
		if r := results[i]; r.Err != nil || r.Value.Value != "new" {
			t.Errorf("customer %d: got %+v, %v; want it created", i, r.Value, r.Err)
		}
	}
	if st := store.Stats(); st.Requests["GET /v3/customers/attribute-values"] != 1 || st.Requests["PUT /v3/customers/attribute-values"] != 1 {
		t.Errorf("requests %v, want one listing and one upsert", st.Requests)
	}
	if got, err := api.GetAttributeValue(context.Background(), customers[0], attributes[0]); err != nil || got.Value != "warm" {
		t.Errorf("existing value now %+v, %v; want it unchanged", got, err)
	}
}
