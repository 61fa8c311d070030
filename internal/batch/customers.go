package batch

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// CustomerAPI is what Customers needs of the client: V3's batch endpoints
// and the pacer's view of the quota. *bigcommerce.Client implements it.
type CustomerAPI interface {
	GetCustomers(ctx context.Context, ids []int) ([]bigcommerce.Customer, error)
	CreateCustomers(ctx context.Context, in []bigcommerce.CustomerCreate) ([]bigcommerce.Customer, error)
	UpdateCustomers(ctx context.Context, in []bigcommerce.CustomerUpdate) ([]bigcommerce.Customer, error)
	DeleteCustomers(ctx context.Context, ids []int) error
	QuotaWait() time.Duration
}

// Customers serves the per-customer calls of resources by merging concurrent
// calls into V3's batch requests: up to bigcommerce.MaxBatch customers per
// create or update, up to bigcommerce.MaxIDsPerQuery ids per read or delete.
// Each caller gets its own customer or its own error.
type Customers struct {
	api    CustomerAPI
	get    *Coalescer[int, *bigcommerce.Customer]
	create *Coalescer[bigcommerce.CustomerCreate, *bigcommerce.Customer]
	update *Coalescer[bigcommerce.CustomerUpdate, *bigcommerce.Customer]
	remove *Coalescer[int, struct{}]
}

// NewCustomers returns the batching customer service over api.
func NewCustomers(api CustomerAPI) *Customers {
	return newCustomers(api, Options{})
}

// newCustomers takes the window's timings from window (tests widen them).
func newCustomers(api CustomerAPI, window Options) *Customers {
	c := &Customers{api: api}
	opts := familyOptions(window, api.QuotaWait)
	c.get = New(opts(bigcommerce.MaxIDsPerQuery, 0, false), c.getBatch)
	c.create = New(opts(bigcommerce.MaxBatch, 0, true), c.createBatch)
	// The client also holds PUTs to the API's limit; limiting batches here
	// too keeps a batch waiting for a slot open to more items.
	c.update = New(opts(bigcommerce.MaxBatch, bigcommerce.MaxConcurrentCustomerPuts, true), c.updateBatch)
	c.remove = New(opts(bigcommerce.MaxIDsPerQuery, 0, true), c.deleteBatch)
	return c
}

// GetCustomer reads one customer; ErrNotFound when it does not exist.
func (c *Customers) GetCustomer(ctx context.Context, id int) (*bigcommerce.Customer, error) {
	if err := positiveID("customer", id); err != nil {
		return nil, err
	}
	return c.get.Do(ctx, id)
}

// CreateCustomer creates one customer.
func (c *Customers) CreateCustomer(ctx context.Context, in bigcommerce.CustomerCreate) (*bigcommerce.Customer, error) {
	return c.create.Do(ctx, in)
}

// UpdateCustomer updates one customer.
func (c *Customers) UpdateCustomer(ctx context.Context, in bigcommerce.CustomerUpdate) (*bigcommerce.Customer, error) {
	if err := positiveID("customer", in.ID); err != nil {
		return nil, err
	}
	return c.update.Do(ctx, in)
}

// DeleteCustomer deletes one customer; one already gone is no error.
func (c *Customers) DeleteCustomer(ctx context.Context, id int) error {
	if err := positiveID("customer", id); err != nil {
		return err
	}
	_, err := c.remove.Do(ctx, id)
	return err
}

// positiveID keeps an impossible id of a what out of a batch, where the
// store's (or the client's) refusal would fail every caller.
func positiveID(what string, id int) error {
	if id <= 0 {
		return fmt.Errorf("%s id %d is not a positive number", what, id)
	}
	return nil
}

func (c *Customers) getBatch(ctx context.Context, ids []int) []Result[*bigcommerce.Customer] {
	got, err := c.api.GetCustomers(ctx, unique(ids))
	if err != nil {
		return withErr(make([]Result[*bigcommerce.Customer], len(ids)), err)
	}
	return matchByKey(ids, got, func(cu bigcommerce.Customer) int { return cu.ID },
		func(id int) error { return notFound(http.MethodGet, id) })
}

func (c *Customers) createBatch(ctx context.Context, items []bigcommerce.CustomerCreate) []Result[*bigcommerce.Customer] {
	email := func(in bigcommerce.CustomerCreate) string { return emailKey(in.Email) }
	return InRounds(items, email, func(round []bigcommerce.CustomerCreate) []Result[*bigcommerce.Customer] {
		return Resend(ctx, round, c.sendCreates)
	})
}

func (c *Customers) sendCreates(ctx context.Context, items []bigcommerce.CustomerCreate) ([]Result[*bigcommerce.Customer], error) {
	got, err := c.api.CreateCustomers(ctx, items)
	if err != nil {
		return nil, err
	}
	// The answer lists the customers in request order; match by e-mail all
	// the same, so that an answer short of an item cannot hand one caller
	// another's customer.
	byEmail := make(map[string]bigcommerce.Customer, len(got))
	for _, cu := range got {
		byEmail[emailKey(cu.Email)] = cu
	}
	results := make([]Result[*bigcommerce.Customer], len(items))
	for i, in := range items {
		cu, ok := byEmail[emailKey(in.Email)]
		if !ok && len(got) == len(items) {
			cu, ok = got[i], true
		}
		if !ok {
			results[i].Err = &bigcommerce.OutcomeUnknownError{Method: http.MethodPost, Path: "/customers",
				Err: fmt.Errorf("the answer to a batch of %d lists %d customers, none with the e-mail %s", len(items), len(got), in.Email)}
			continue
		}
		results[i].Value = &cu
	}
	return results, nil
}

func (c *Customers) updateBatch(ctx context.Context, items []bigcommerce.CustomerUpdate) []Result[*bigcommerce.Customer] {
	id := func(in bigcommerce.CustomerUpdate) int { return in.ID }
	return InRounds(items, id, func(round []bigcommerce.CustomerUpdate) []Result[*bigcommerce.Customer] {
		return Resend(ctx, round, c.sendUpdates)
	})
}

func (c *Customers) sendUpdates(ctx context.Context, items []bigcommerce.CustomerUpdate) ([]Result[*bigcommerce.Customer], error) {
	got, err := c.api.UpdateCustomers(ctx, items)
	if err != nil {
		return nil, err
	}
	byID := make(map[int]bigcommerce.Customer, len(got))
	for _, cu := range got {
		byID[cu.ID] = cu
	}
	results := make([]Result[*bigcommerce.Customer], len(items))
	for i, in := range items {
		cu, ok := byID[in.ID]
		if !ok {
			results[i].Err = notFound(http.MethodPut, in.ID)
			continue
		}
		results[i].Value = &cu
	}
	return results, nil
}

// deleteBatch deletes the ids with `DELETE ?id:in=`, which the client
// chunks. The store deletes what it has and answers 204: there is no
// per-item failure to tell apart.
func (c *Customers) deleteBatch(ctx context.Context, ids []int) []Result[struct{}] {
	return withErr(make([]Result[struct{}], len(ids)), c.api.DeleteCustomers(ctx, unique(ids)))
}

func withErr[Out any](results []Result[Out], err error) []Result[Out] {
	for i := range results {
		results[i].Err = err
	}
	return results
}

func unique(ids []int) []int {
	seen := make(map[int]bool, len(ids))
	out := make([]int, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// emailKey compares e-mails as the store does: without regard to case.
func emailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }
