package batch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// AddressAPI is what Addresses needs of the client: the address batch
// endpoints, the customer listing that finds an address whose create had no
// answer, and the pacer's view of the quota. *bigcommerce.Client implements
// it.
type AddressAPI interface {
	GetAddresses(ctx context.Context, ids []int) ([]bigcommerce.Address, error)
	ListAddresses(ctx context.Context, f bigcommerce.AddressFilter) ([]bigcommerce.Address, error)
	CreateAddresses(ctx context.Context, in []bigcommerce.AddressCreate) ([]bigcommerce.Address, error)
	PatchAddresses(ctx context.Context, in []bigcommerce.AddressPatch) ([]bigcommerce.Address, error)
	DeleteAddresses(ctx context.Context, ids []int) error
	QuotaWait() time.Duration
}

// addressesPath names the batch endpoint in the errors callers get.
const addressesPath = "/customers/addresses"

// Documented limits of the address endpoints: "Create a Customer Address
// ... The default rate limit for this endpoint is 10 concurrent requests",
// "Update a Customer Address: Limit of 3 concurrent requests".
const (
	maxConcurrentAddressPosts = 10
	maxConcurrentAddressPuts  = 3
)

// addressCreateResends bounds how often a create whose outcome was unknown,
// and which a lookup showed was not applied, is sent again (as the client's
// CreateAddress does).
const addressCreateResends = 3

// Addresses serves the per-address calls of resources by merging concurrent
// calls into the V3 address batch requests: up to bigcommerce.MaxBatch
// addresses per create or update, up to bigcommerce.MaxIDsPerQuery ids per
// read or delete. Each caller gets its own address or its own error, as the
// client's single-address methods give them: a duplicate of an address the
// customer already has is that caller's *bigcommerce.DuplicateAddressError,
// naming the identical address; an item the store refuses is that caller's
// *bigcommerce.ItemError, and its neighbours are sent again.
type Addresses struct {
	api    AddressAPI
	get    *Coalescer[int, *bigcommerce.Address]
	create *Coalescer[bigcommerce.AddressCreate, *bigcommerce.Address]
	patch  *Coalescer[bigcommerce.AddressPatch, *bigcommerce.Address]
	remove *Coalescer[int, struct{}]
}

// NewAddresses returns the batching address service over api.
func NewAddresses(api AddressAPI) *Addresses {
	return newAddresses(api, Options{})
}

// newAddresses takes the window's timings from window (tests widen them).
func newAddresses(api AddressAPI, window Options) *Addresses {
	a := &Addresses{api: api}
	opts := familyOptions(window, api.QuotaWait)
	a.get = New(opts(bigcommerce.MaxIDsPerQuery, 0, false), a.getBatch)
	a.create = New(opts(bigcommerce.MaxBatch, maxConcurrentAddressPosts, true), a.createBatch)
	a.patch = New(opts(bigcommerce.MaxBatch, maxConcurrentAddressPuts, true), a.patchBatch)
	a.remove = New(opts(bigcommerce.MaxIDsPerQuery, 0, true), a.deleteBatch)
	return a
}

// GetAddress reads one address; ErrNotFound when it does not exist.
func (a *Addresses) GetAddress(ctx context.Context, id int) (*bigcommerce.Address, error) {
	if err := positiveID("address", id); err != nil {
		return nil, err
	}
	return a.get.Do(ctx, id)
}

// CreateAddress creates one address. A duplicate of an address the customer
// already has (or of a neighbour's in the same batch) is a
// *bigcommerce.DuplicateAddressError naming it.
func (a *Addresses) CreateAddress(ctx context.Context, in bigcommerce.AddressCreate) (*bigcommerce.Address, error) {
	if in.CustomerID <= 0 {
		return nil, fmt.Errorf("customer id %d is not a positive number", in.CustomerID)
	}
	return a.create.Do(ctx, in)
}

// PatchAddress changes the fields of one address that in sets; ErrNotFound
// when it does not exist, a *bigcommerce.DuplicateAddressError when the
// change would make it identical to another address of its customer.
func (a *Addresses) PatchAddress(ctx context.Context, in bigcommerce.AddressPatch) (*bigcommerce.Address, error) {
	if err := positiveID("address", in.ID); err != nil {
		return nil, err
	}
	return a.patch.Do(ctx, in)
}

// DeleteAddress deletes one address; one already gone is no error.
func (a *Addresses) DeleteAddress(ctx context.Context, id int) error {
	if err := positiveID("address", id); err != nil {
		return err
	}
	_, err := a.remove.Do(ctx, id)
	return err
}

func (a *Addresses) getBatch(ctx context.Context, ids []int) []Result[*bigcommerce.Address] {
	got, err := a.api.GetAddresses(ctx, unique(ids))
	if err != nil {
		return withErr(make([]Result[*bigcommerce.Address], len(ids)), err)
	}
	return matchByKey(ids, got, func(ad bigcommerce.Address) int { return ad.ID },
		func(id int) error { return addressNotFound(http.MethodGet, id) })
}

// createBatch sends the creates, the refused items apart. An item whose
// outcome is unknown (the answer was lost) is looked for among its
// customer's addresses before it is sent again, so a retry never meets its
// own address as a duplicate.
func (a *Addresses) createBatch(ctx context.Context, items []bigcommerce.AddressCreate) []Result[*bigcommerce.Address] {
	results := make([]Result[*bigcommerce.Address], len(items))
	pending := make([]int, len(items))
	for i := range pending {
		pending[i] = i
	}
	for attempt := 0; len(pending) > 0; attempt++ {
		var unknown []int
		for i, r := range Resend(ctx, pick(items, pending), a.sendCreates) {
			results[pending[i]] = r
			var u *bigcommerce.OutcomeUnknownError
			if errors.As(r.Err, &u) && attempt < addressCreateResends {
				unknown = append(unknown, pending[i])
			}
		}
		if len(unknown) == 0 {
			break
		}
		var customers []int
		for _, p := range unknown {
			customers = append(customers, items[p].CustomerID)
		}
		existing, err := a.api.ListAddresses(ctx, bigcommerce.AddressFilter{CustomerIDs: unique(customers)})
		if err != nil {
			break // each keeps its own unknown outcome
		}
		claimed := map[int]bool{}
		var again []int
		for _, p := range unknown {
			if found := findIdentical(existing, items[p], claimed); found != nil {
				claimed[found.ID] = true
				results[p] = Result[*bigcommerce.Address]{Value: found}
				continue
			}
			again = append(again, p) // not applied: sending it again cannot duplicate it
		}
		pending = again
	}
	return results
}

// sendCreates makes one POST. The store drops an item identical to an
// address its customer has, or to an earlier item: the client reports each
// as a *bigcommerce.DuplicateAddressError with its index, which becomes that
// item's error.
func (a *Addresses) sendCreates(ctx context.Context, items []bigcommerce.AddressCreate) ([]Result[*bigcommerce.Address], error) {
	got, err := a.api.CreateAddresses(ctx, items)
	return addressResults(items, got, err, func(i int) error {
		return &bigcommerce.OutcomeUnknownError{Method: http.MethodPost, Path: addressesPath,
			Err: fmt.Errorf("the answer to a batch of %d has no address for customer %d's item", len(items), items[i].CustomerID)}
	})
}

// patchBatch sends patches of the same address in separate requests: the
// store refuses a request that names an address twice. A refused item whose
// address does not exist is ErrNotFound, as with a single request (the
// store refuses a write to a missing id with 422, not 404).
func (a *Addresses) patchBatch(ctx context.Context, items []bigcommerce.AddressPatch) []Result[*bigcommerce.Address] {
	id := func(p bigcommerce.AddressPatch) int { return p.ID }
	results := InRounds(items, id, func(round []bigcommerce.AddressPatch) []Result[*bigcommerce.Address] {
		return Resend(ctx, round, a.sendPatches)
	})
	var refused []int
	for i, r := range results {
		var dup *bigcommerce.DuplicateAddressError
		if errors.Is(r.Err, bigcommerce.ErrValidation) && !errors.As(r.Err, &dup) {
			refused = append(refused, items[i].ID)
		}
	}
	if len(refused) == 0 {
		return results
	}
	current, err := a.api.GetAddresses(ctx, unique(refused))
	if err != nil {
		return results // the refusal stands
	}
	exists := make(map[int]bool, len(current))
	for _, ad := range current {
		exists[ad.ID] = true
	}
	for i, r := range results {
		if errors.Is(r.Err, bigcommerce.ErrValidation) && !exists[items[i].ID] {
			results[i].Err = addressNotFound(http.MethodPut, items[i].ID)
		}
	}
	return results
}

func (a *Addresses) sendPatches(ctx context.Context, items []bigcommerce.AddressPatch) ([]Result[*bigcommerce.Address], error) {
	got, err := a.api.PatchAddresses(ctx, items)
	return addressResults(items, got, err, func(i int) error {
		// Neither in the answer nor a duplicate: the client found it gone
		// (or could not look).
		for _, e := range leaves(err) {
			if !errors.Is(e, bigcommerce.ErrNotFound) {
				var dup *bigcommerce.DuplicateAddressError
				if !errors.As(e, &dup) {
					return e
				}
			}
		}
		return addressNotFound(http.MethodPut, items[i].ID)
	})
}

// addressResults splits the client's answer to one POST or PUT by item:
// got is aligned with the items, and err joins a
// *bigcommerce.DuplicateAddressError for each item the store dropped. An
// error that gives no item anything is the request's, returned as such for
// Resend to read. missing is the error of an item with neither an address
// nor a duplicate.
func addressResults[In any](items []In, got []bigcommerce.Address, err error, missing func(i int) error) ([]Result[*bigcommerce.Address], error) {
	dups := map[int]*bigcommerce.DuplicateAddressError{}
	for _, e := range leaves(err) {
		var dup *bigcommerce.DuplicateAddressError
		if errors.As(e, &dup) && dup.Index >= 0 && dup.Index < len(items) {
			dups[dup.Index] = dup
		}
	}
	saved := 0
	for i := range items {
		if i < len(got) && got[i].ID != 0 {
			saved++
		}
	}
	if err != nil && saved == 0 && len(dups) == 0 {
		return nil, err
	}
	results := make([]Result[*bigcommerce.Address], len(items))
	for i := range items {
		switch {
		case i < len(got) && got[i].ID != 0:
			ad := got[i]
			results[i].Value = &ad
		case dups[i] != nil:
			// As a request of its own would report it: the only item.
			dup := *dups[i]
			dup.Index = 0
			results[i].Err = &dup
		default:
			results[i].Err = missing(i)
		}
	}
	return results, nil
}

// leaves flattens errors.Join trees into their parts.
func leaves(err error) []error {
	if err == nil {
		return nil
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, leaves(e)...)
	}
	return out
}

// deleteBatch deletes the ids with `DELETE ?id:in=`. The store deletes what
// it has and answers 204: there is no per-item failure to tell apart.
func (a *Addresses) deleteBatch(ctx context.Context, ids []int) []Result[struct{}] {
	return withErr(make([]Result[struct{}], len(ids)), a.api.DeleteAddresses(ctx, unique(ids)))
}

// findIdentical returns the address of existing that in would have
// created, skipping those claimed by other items.
func findIdentical(existing []bigcommerce.Address, in bigcommerce.AddressCreate, claimed map[int]bool) *bigcommerce.Address {
	want := in.AddressFields
	if want.AddressType == "" {
		want.AddressType = "residential" // the store's default
	}
	for i := range existing {
		ad := existing[i]
		if ad.CustomerID == in.CustomerID && !claimed[ad.ID] && sameAddress(want, ad.AddressFields) {
			return &ad
		}
	}
	return nil
}

// sameAddress compares the fields BigCommerce de-duplicates addresses on,
// as the client does.
func sameAddress(want, have bigcommerce.AddressFields) bool {
	eq := func(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
	if want.AddressType != "" && !eq(want.AddressType, have.AddressType) {
		return false
	}
	return eq(want.FirstName, have.FirstName) && eq(want.LastName, have.LastName) &&
		eq(want.Company, have.Company) && eq(want.Address1, have.Address1) &&
		eq(want.Address2, have.Address2) && eq(want.City, have.City) &&
		eq(want.StateOrProvince, have.StateOrProvince) && eq(want.PostalCode, have.PostalCode) &&
		eq(want.CountryCode, have.CountryCode) && eq(want.Phone, have.Phone)
}

// addressNotFound is the error a per-address call gets for an address the
// store does not have, as the client's single-address methods report it.
func addressNotFound(method string, id int) error {
	return &bigcommerce.APIError{Method: method, Path: addressesPath, Status: http.StatusNotFound, Title: "address " + strconv.Itoa(id) + " does not exist"}
}
