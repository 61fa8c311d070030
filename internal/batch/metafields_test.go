package batch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// metafieldCustomers creates n customers in the sandbox directly.
func metafieldCustomers(t *testing.T, api *recordingAPI, n int) []int {
	t.Helper()
	ids := make([]int, n)
	for i := range ids {
		cu, err := api.CreateCustomer(context.Background(), newCustomer(fmt.Sprintf("mf-%02d@example.com", i)))
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = cu.ID
	}
	return ids
}

func newMetafield(customerID int, key string) bigcommerce.MetafieldCreate {
	return bigcommerce.MetafieldCreate{CustomerID: customerID, Namespace: "ops", Key: key, Value: "v-" + key, PermissionSet: "app_only"}
}

// warmUpMetafield makes one call, so that the calls right after it are not
// alone and share a batch.
func warmUpMetafield(t *testing.T, svc *Metafields, customerID int, key string) *bigcommerce.Metafield {
	t.Helper()
	m, err := svc.CreateCustomerMetafield(context.Background(), newMetafield(customerID, key))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMetafieldsConcurrentLifecycle creates, reads, updates and deletes 50
// metafields from 50 concurrent callers, as Terraform does with count = 50,
// and checks each caller got its own metafield from a handful of requests.
func TestMetafieldsConcurrentLifecycle(t *testing.T) {
	const n = lifecycleItems
	store, api := startSandbox(t, sandbox.Options{Latency: 20 * time.Millisecond})
	customers := metafieldCustomers(t, api, 5)
	svc := NewMetafields(api)
	ctx := context.Background()
	ids := make([]int, n)
	owner := func(i int) int { return customers[i%len(customers)] }
	key := func(i int) string { return fmt.Sprintf("key-%02d", i) }

	phase := func(name string, bounds map[string]int, fn func(i int) error) {
		t.Helper()
		runPhase(t, store, name, bounds, fn)
	}

	// Ideally 5 batches of 10; the first call goes out alone.
	phase("create", map[string]int{"POST /v3/customers/metafields": 7}, func(i int) error {
		m, err := svc.CreateCustomerMetafield(ctx, newMetafield(owner(i), key(i)))
		if err == nil && (m.Key != key(i) || m.ResourceID != owner(i)) {
			err = fmt.Errorf("got metafield %s of customer %d", m.Key, m.ResourceID)
		}
		if err == nil {
			ids[i] = m.ID
		}
		return err
	})
	store.ResetStats()
	for i := range 3 {
		m, err := svc.GetCustomerMetafield(ctx, owner(i), ids[i])
		if err != nil || m.ID != ids[i] || m.Key != key(i) {
			t.Fatalf("read %d: %+v, %v", i, m, err)
		}
	}
	phase("update", map[string]int{"PUT /v3/customers/metafields": 7}, func(i int) error {
		v := "new-" + key(i)
		m, err := svc.UpdateCustomerMetafield(ctx, owner(i), bigcommerce.MetafieldUpdate{ID: ids[i], Value: &v})
		if err == nil && (m.ID != ids[i] || m.Value != v || m.Key != key(i)) {
			err = fmt.Errorf("got metafield %d %s=%s", m.ID, m.Key, m.Value)
		}
		return err
	})
	phase("delete", map[string]int{"DELETE /v3/customers/metafields": 7}, func(i int) error {
		return svc.DeleteCustomerMetafield(ctx, owner(i), ids[i])
	})
	left, err := api.ListCustomerMetafields(ctx, bigcommerce.MetafieldFilter{})
	if err != nil || len(left) != 0 {
		t.Errorf("%d metafields left (%v), want none", len(left), err)
	}
}

// TestMetafieldsConflictIsThatCallersError: a key the customer already has
// in the namespace, and two callers creating the same key at once, give the
// losing caller ErrConflict and leave the neighbours created.
func TestMetafieldsConflictIsThatCallersError(t *testing.T) {
	store, api := startSandbox(t, sandbox.Options{})
	cid := metafieldCustomers(t, api, 1)[0]
	svc := newMetafields(api, wideWindow)
	existing := warmUpMetafield(t, svc, cid, "taken")
	store.ResetStats()

	keys := []string{"a", "taken", "twin", "b", "twin"}
	results := make([]Result[*bigcommerce.Metafield], len(keys))
	each(len(keys), func(i int) {
		results[i].Value, results[i].Err = svc.CreateCustomerMetafield(context.Background(), newMetafield(cid, keys[i]))
	})
	if r := results[1]; !errors.Is(r.Err, bigcommerce.ErrConflict) || !strings.Contains(r.Err.Error(), fmt.Sprint(existing.ID)) {
		t.Errorf("taken: got %v, want ErrConflict naming metafield %d", r.Err, existing.ID)
	}
	var apiErr *bigcommerce.APIError
	if !errors.As(results[1].Err, &apiErr) || apiErr.Status != 409 {
		t.Errorf("taken: got %#v, want an APIError of status 409", results[1].Err)
	}
	if (results[2].Err == nil) == (results[4].Err == nil) {
		t.Errorf("twins: got %v and %v, want exactly one to fail", results[2].Err, results[4].Err)
	} else if !errors.Is(errors.Join(results[2].Err, results[4].Err), bigcommerce.ErrConflict) {
		t.Errorf("twins: got %v and %v, want ErrConflict", results[2].Err, results[4].Err)
	}
	for _, i := range []int{0, 3} {
		if r := results[i]; r.Err != nil || r.Value.Key != keys[i] {
			t.Errorf("%s: got %+v, %v; want it created", keys[i], r.Value, r.Err)
		}
	}
	if got := store.Stats().Requests["POST /v3/customers/metafields"]; got != 1 {
		t.Errorf("%d POST /v3/customers/metafields for one batch, want 1", got)
	}
}

// TestMetafieldsMissingIsThatCallersNotFound: updating or deleting a
// metafield that does not exist is ErrNotFound for that caller only.
func TestMetafieldsMissingIsThatCallersNotFound(t *testing.T) {
	_, api := startSandbox(t, sandbox.Options{})
	cid := metafieldCustomers(t, api, 1)[0]
	svc := newMetafields(api, wideWindow)
	a, b := warmUpMetafield(t, svc, cid, "a"), warmUpMetafield(t, svc, cid, "b")
	v := "changed"
	updates := []int{a.ID, 999991, b.ID}
	upd := make([]error, len(updates))
	each(len(updates), func(i int) {
		_, upd[i] = svc.UpdateCustomerMetafield(context.Background(), cid, bigcommerce.MetafieldUpdate{ID: updates[i], Value: &v})
	})
	if upd[0] != nil || upd[2] != nil || !errors.Is(upd[1], bigcommerce.ErrNotFound) {
		t.Errorf("updates: got %v; want only the missing one ErrNotFound", upd)
	}
	// b's delete warms up the window, so that the next three share a batch.
	if err := svc.DeleteCustomerMetafield(context.Background(), cid, b.ID); err != nil {
		t.Fatal(err)
	}
	deletes := []int{a.ID, 999991, a.ID}
	del := make([]error, len(deletes))
	each(len(deletes), func(i int) { del[i] = svc.DeleteCustomerMetafield(context.Background(), cid, deletes[i]) })
	if del[0] != nil || del[2] != nil || !errors.Is(del[1], bigcommerce.ErrNotFound) {
		t.Errorf("deletes: got %v; want only the missing one ErrNotFound", del)
	}
	if err := svc.DeleteCustomerMetafield(context.Background(), cid, a.ID); !errors.Is(err, bigcommerce.ErrNotFound) {
		t.Errorf("deleting again: got %v, want ErrNotFound", err)
	}
}

// TestMetafieldsSameIDTwice: two updates of one metafield at once both
// succeed, in separate requests.
func TestMetafieldsSameIDTwice(t *testing.T) {
	store, api := startSandbox(t, sandbox.Options{})
	cid := metafieldCustomers(t, api, 1)[0]
	svc := newMetafields(api, wideWindow)
	m := warmUpMetafield(t, svc, cid, "a")
	store.ResetStats()
	values := []string{"one", "two"}
	errs := make([]error, len(values))
	each(len(values), func(i int) {
		_, errs[i] = svc.UpdateCustomerMetafield(context.Background(), cid, bigcommerce.MetafieldUpdate{ID: m.ID, Description: &values[i]})
	})
	if errors.Join(errs...) != nil {
		t.Errorf("got %v", errs)
	}
	if got := store.Stats().Requests["PUT /v3/customers/metafields"]; got != 2 {
		t.Errorf("%d PUT /v3/customers/metafields, want 2", got)
	}
}

func TestMetafieldsUpdateOfAnotherCustomersMetafield(t *testing.T) {
	_, api := startSandbox(t, sandbox.Options{})
	cids := metafieldCustomers(t, api, 2)
	svc := newMetafields(api, wideWindow)
	m := warmUpMetafield(t, svc, cids[0], "a")
	v := "x"
	_, err := svc.UpdateCustomerMetafield(context.Background(), cids[1], bigcommerce.MetafieldUpdate{ID: m.ID, Value: &v})
	var unknown *bigcommerce.OutcomeUnknownError
	if !errors.As(err, &unknown) || !strings.Contains(err.Error(), fmt.Sprintf("belongs to customer %d", cids[0])) {
		t.Errorf("got %v, want an unknown outcome naming the owner", err)
	}
}

func TestMetafieldItemError(t *testing.T) {
	for _, c := range []struct {
		in         bigcommerce.MetafieldItemError
		is         error
		title      string
		wantFields map[string]string
	}{
		{bigcommerce.MetafieldItemError{Index: 3, Status: 409, Title: "Customer 1 already has a metafield 4", Fields: map[string]string{"": "Customer 1 already has a metafield 4"}},
			bigcommerce.ErrConflict, "Customer 1 already has a metafield 4", map[string]string{}},
		{bigcommerce.MetafieldItemError{Index: 1, Status: 422, Title: "Invalid", Fields: map[string]string{"key": "too long"}},
			bigcommerce.ErrValidation, "Invalid", map[string]string{"key": "too long"}},
		{bigcommerce.MetafieldItemError{Status: 404, Fields: map[string]string{"": "Metafield 9 does not exist."}},
			bigcommerce.ErrNotFound, "Metafield 9 does not exist.", map[string]string{}},
	} {
		err := itemError("POST", &c.in)
		var apiErr *bigcommerce.APIError
		if !errors.As(err, &apiErr) || !errors.Is(err, c.is) || apiErr.Title != c.title || fmt.Sprint(apiErr.Fields) != fmt.Sprint(c.wantFields) {
			t.Errorf("%+v: got %#v", c.in, err)
		}
		if fields := bigcommerce.FieldsOf(err); fmt.Sprint(fields) != fmt.Sprint(c.wantFields) {
			t.Errorf("%+v: FieldsOf %v", c.in, fields)
		}
	}
	var unknown *bigcommerce.OutcomeUnknownError
	if err := itemError("PUT", &bigcommerce.MetafieldItemError{Title: "neither saved nor refused"}); !errors.As(err, &unknown) {
		t.Errorf("no status: got %v, want an unknown outcome", err)
	}
}
