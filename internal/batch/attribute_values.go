package batch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// AttributeValueAPI is what AttributeValues needs of the client: the
// attribute-values list, upsert and delete endpoints and the pacer's view of
// the quota. *bigcommerce.Client implements it.
type AttributeValueAPI interface {
	ListAttributeValues(ctx context.Context, f bigcommerce.AttributeValueFilter) ([]bigcommerce.AttributeValue, error)
	UpsertAttributeValues(ctx context.Context, in []bigcommerce.AttributeValueUpsert) ([]bigcommerce.AttributeValue, error)
	DeleteAttributeValues(ctx context.Context, ids []int) error
	QuotaWait() time.Duration
}

// attributeValuesPath names the endpoint in the errors callers get.
const attributeValuesPath = "/customers/attribute-values"

// maxConcurrentValueUpserts is the documented limit of the upsert:
// "Upsert Customer Attribute Values: Limit of 3 concurrent requests".
const maxConcurrentValueUpserts = 3

// AttributeValues serves the per-value calls of resources by merging
// concurrent calls into the attribute-values endpoints: up to
// bigcommerce.MaxBatch values per upsert, with at most 3 upserts in flight;
// up to bigcommerce.MaxIDsPerQuery pairs per delete; and reads of up to
// bigcommerce.MaxIDsPerQuery (customer, attribute) pairs through one listing
// filtered by customer_id:in and attribute_id:in. Creates and deletes find
// the values they concern with one such listing per batch, not one per
// value. Each caller gets its own value or its own error: an item the store
// refuses is that caller's *bigcommerce.ItemError, and its neighbours are
// sent again.
type AttributeValues struct {
	api    AttributeValueAPI
	get    *Coalescer[valueKey, *bigcommerce.AttributeValue]
	upsert *Coalescer[valueWrite, *bigcommerce.AttributeValue]
	remove *Coalescer[valueKey, struct{}]
}

// valueKey names a value by its customer and attribute.
type valueKey struct{ customerID, attributeID int }

// valueWrite is one upsert; a create must not replace a value the customer
// has. Creates and updates share a coalescer, and so the documented limit
// of 3 upserts in flight.
type valueWrite struct {
	in     bigcommerce.AttributeValueUpsert
	create bool
}

// NewAttributeValues returns the batching attribute value service over api.
func NewAttributeValues(api AttributeValueAPI) *AttributeValues {
	return newAttributeValues(api, Options{})
}

// newAttributeValues takes the window's timings from window (tests widen
// them).
func newAttributeValues(api AttributeValueAPI, window Options) *AttributeValues {
	v := &AttributeValues{api: api}
	opts := familyOptions(window, api.QuotaWait)
	v.get = New(opts(bigcommerce.MaxIDsPerQuery, 0, false), v.getBatch)
	v.upsert = New(opts(bigcommerce.MaxBatch, maxConcurrentValueUpserts, true), v.writeBatch)
	v.remove = New(opts(bigcommerce.MaxIDsPerQuery, 0, true), v.deleteBatch)
	return v
}

// GetAttributeValue reads a customer's value of an attribute; ErrNotFound
// when the customer has none.
func (v *AttributeValues) GetAttributeValue(ctx context.Context, customerID, attributeID int) (*bigcommerce.AttributeValue, error) {
	if customerID <= 0 || attributeID <= 0 {
		return nil, fmt.Errorf("customer id %d and attribute id %d must both be positive numbers", customerID, attributeID)
	}
	return v.get.Do(ctx, valueKey{customerID, attributeID})
}

// UpsertAttributeValue creates or replaces one value.
func (v *AttributeValues) UpsertAttributeValue(ctx context.Context, in bigcommerce.AttributeValueUpsert) (*bigcommerce.AttributeValue, error) {
	if in.CustomerID <= 0 || in.AttributeID <= 0 {
		return nil, fmt.Errorf("customer id %d and attribute id %d must both be positive numbers", in.CustomerID, in.AttributeID)
	}
	return v.upsert.Do(ctx, valueWrite{in: in})
}

// CreateAttributeValue sets a value the customer does not have yet, and
// answers *bigcommerce.ValueExistsError instead of replacing one.
func (v *AttributeValues) CreateAttributeValue(ctx context.Context, in bigcommerce.AttributeValueUpsert) (*bigcommerce.AttributeValue, error) {
	if in.CustomerID <= 0 || in.AttributeID <= 0 {
		return nil, fmt.Errorf("customer id %d and attribute id %d must both be positive numbers", in.CustomerID, in.AttributeID)
	}
	return v.upsert.Do(ctx, valueWrite{in: in, create: true})
}

// DeleteAttributeValueOf deletes a customer's value of an attribute; one
// already gone is no error.
func (v *AttributeValues) DeleteAttributeValueOf(ctx context.Context, customerID, attributeID int) error {
	if customerID <= 0 || attributeID <= 0 {
		return fmt.Errorf("customer id %d and attribute id %d must both be positive numbers", customerID, attributeID)
	}
	_, err := v.remove.Do(ctx, valueKey{customerID, attributeID})
	return err
}

// getBatch reads the pairs with one listing filtered by their customers and
// their attributes (which the client splits into chunks of customers). The
// listing may hold values nobody asked for, of a customer asked about for
// another attribute; they are left out.
func (v *AttributeValues) getBatch(ctx context.Context, keys []valueKey) []Result[*bigcommerce.AttributeValue] {
	results := make([]Result[*bigcommerce.AttributeValue], len(keys))
	byKey, err := v.find(ctx, keys)
	if err != nil {
		return withErr(results, err)
	}
	for i, k := range keys {
		val, ok := byKey[k]
		if !ok {
			results[i].Err = &bigcommerce.APIError{Method: http.MethodGet, Path: attributeValuesPath, Status: http.StatusNotFound,
				Title: fmt.Sprintf("customer %d has no value of attribute %d", k.customerID, k.attributeID)}
			continue
		}
		results[i].Value = &val
	}
	return results
}

// find lists the values of the pairs named by keys, with one listing
// filtered by their customers and their attributes.
func (v *AttributeValues) find(ctx context.Context, keys []valueKey) (map[valueKey]bigcommerce.AttributeValue, error) {
	var customers, attributes []int
	for _, k := range keys {
		customers = append(customers, k.customerID)
		attributes = append(attributes, k.attributeID)
	}
	got, err := v.api.ListAttributeValues(ctx, bigcommerce.AttributeValueFilter{CustomerIDs: unique(customers), AttributeIDs: unique(attributes)})
	if err != nil {
		return nil, err
	}
	byKey := make(map[valueKey]bigcommerce.AttributeValue, len(got))
	for _, val := range got {
		byKey[valueKey{val.CustomerID, val.AttributeID}] = val
	}
	return byKey, nil
}

// writeBatch reads the pairs of the batch's creates with one listing,
// answers ValueExistsError for those the store has, and upserts the rest.
func (v *AttributeValues) writeBatch(ctx context.Context, items []valueWrite) []Result[*bigcommerce.AttributeValue] {
	results := make([]Result[*bigcommerce.AttributeValue], len(items))
	var creates []valueKey
	for _, w := range items {
		if w.create {
			creates = append(creates, valueKey{w.in.CustomerID, w.in.AttributeID})
		}
	}
	var existing map[valueKey]bigcommerce.AttributeValue
	if len(creates) > 0 {
		var err error
		if existing, err = v.find(ctx, creates); err != nil {
			return withErr(results, err)
		}
	}
	var send []bigcommerce.AttributeValueUpsert
	var at []int // send[j] is items[at[j]]
	for i, w := range items {
		if val, ok := existing[valueKey{w.in.CustomerID, w.in.AttributeID}]; ok && w.create {
			results[i].Err = &bigcommerce.ValueExistsError{Existing: val}
			continue
		}
		send, at = append(send, w.in), append(at, i)
	}
	if len(send) == 0 {
		return results
	}
	for j, r := range v.upsertBatch(ctx, send) {
		results[at[j]] = r
	}
	return results
}

// upsertBatch sends upserts of the same customer and attribute in separate
// requests: the store refuses a request that names a pair twice.
func (v *AttributeValues) upsertBatch(ctx context.Context, items []bigcommerce.AttributeValueUpsert) []Result[*bigcommerce.AttributeValue] {
	key := func(in bigcommerce.AttributeValueUpsert) valueKey { return valueKey{in.CustomerID, in.AttributeID} }
	return InRounds(items, key, func(round []bigcommerce.AttributeValueUpsert) []Result[*bigcommerce.AttributeValue] {
		return Resend(ctx, round, v.sendUpserts)
	})
}

func (v *AttributeValues) sendUpserts(ctx context.Context, items []bigcommerce.AttributeValueUpsert) ([]Result[*bigcommerce.AttributeValue], error) {
	got, err := v.api.UpsertAttributeValues(ctx, items)
	var unknown *bigcommerce.OutcomeUnknownError
	if err != nil && !errors.As(err, &unknown) {
		return nil, err
	}
	// The client fills the values in request order and stops at the first
	// one the answer lacks: the items before it have theirs.
	results := make([]Result[*bigcommerce.AttributeValue], len(items))
	for i, in := range items {
		if i < len(got) && got[i].ID != 0 && got[i].CustomerID == in.CustomerID && got[i].AttributeID == in.AttributeID {
			val := got[i]
			results[i].Value = &val
			continue
		}
		results[i].Err = err
		if err == nil {
			results[i].Err = &bigcommerce.OutcomeUnknownError{Method: http.MethodPut, Path: attributeValuesPath,
				Err: fmt.Errorf("the answer lacks the value of attribute %d for customer %d", in.AttributeID, in.CustomerID)}
		}
	}
	return results, nil
}

// deleteBatch finds the pairs' values with one listing, since values are
// deleted by their own id and a value set again outside Terraform has a new
// one, and deletes those it found with one `DELETE ?id:in=`. The store
// deletes what it has and answers 204: there is no per-item failure to tell
// apart.
func (v *AttributeValues) deleteBatch(ctx context.Context, keys []valueKey) []Result[struct{}] {
	results := make([]Result[struct{}], len(keys))
	found, err := v.find(ctx, keys)
	if err != nil || len(found) == 0 {
		return withErr(results, err)
	}
	ids := make([]int, 0, len(found))
	for _, val := range found {
		ids = append(ids, val.ID)
	}
	slices.Sort(ids)
	return withErr(results, v.api.DeleteAttributeValues(ctx, ids))
}
