package batch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
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
// up to bigcommerce.MaxIDsPerQuery ids per delete; and reads of up to
// bigcommerce.MaxIDsPerQuery (customer, attribute) pairs through one listing
// filtered by customer_id:in and attribute_id:in. Each caller gets its own
// value or its own error: an item the store refuses is that caller's
// *bigcommerce.ItemError, and its neighbours are sent again.
type AttributeValues struct {
	api    AttributeValueAPI
	get    *Coalescer[valueKey, *bigcommerce.AttributeValue]
	upsert *Coalescer[bigcommerce.AttributeValueUpsert, *bigcommerce.AttributeValue]
	remove *Coalescer[int, struct{}]
}

// valueKey names a value by its customer and attribute.
type valueKey struct{ customerID, attributeID int }

// NewAttributeValues returns the batching attribute value service over api.
func NewAttributeValues(api AttributeValueAPI) *AttributeValues {
	return newAttributeValues(api, Options{})
}

// newAttributeValues takes the window's timings from window (tests widen
// them).
func newAttributeValues(api AttributeValueAPI, window Options) *AttributeValues {
	v := &AttributeValues{api: api}
	opts := func(size, inFlight int, write bool) Options {
		o := window
		o.MaxSize, o.MaxInFlight, o.Hold = size, inFlight, api.QuotaWait
		// A write's caller waits for the answer even when Terraform asks
		// the provider to stop, so that what the store did reaches the state.
		o.AwaitSent = write
		return o
	}
	v.get = New(opts(bigcommerce.MaxIDsPerQuery, 0, false), v.getBatch)
	v.upsert = New(opts(bigcommerce.MaxBatch, maxConcurrentValueUpserts, true), v.upsertBatch)
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
	return v.upsert.Do(ctx, in)
}

// DeleteAttributeValue deletes one value by its id; one already gone is no
// error.
func (v *AttributeValues) DeleteAttributeValue(ctx context.Context, id int) error {
	if id <= 0 {
		return fmt.Errorf("attribute value id %d is not a positive number", id)
	}
	_, err := v.remove.Do(ctx, id)
	return err
}

// getBatch reads the pairs with one listing filtered by their customers and
// their attributes (which the client splits into chunks of customers). The
// listing may hold values nobody asked for, of a customer asked about for
// another attribute; they are left out.
func (v *AttributeValues) getBatch(ctx context.Context, keys []valueKey) []Result[*bigcommerce.AttributeValue] {
	results := make([]Result[*bigcommerce.AttributeValue], len(keys))
	var customers, attributes []int
	for _, k := range keys {
		customers = append(customers, k.customerID)
		attributes = append(attributes, k.attributeID)
	}
	got, err := v.api.ListAttributeValues(ctx, bigcommerce.AttributeValueFilter{CustomerIDs: unique(customers), AttributeIDs: unique(attributes)})
	if err != nil {
		return withErr(results, err)
	}
	byKey := make(map[valueKey]bigcommerce.AttributeValue, len(got))
	for _, val := range got {
		byKey[valueKey{val.CustomerID, val.AttributeID}] = val
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

// deleteBatch deletes the ids with `DELETE ?id:in=`. The store deletes what
// it has and answers 204: there is no per-item failure to tell apart.
func (v *AttributeValues) deleteBatch(ctx context.Context, ids []int) []Result[struct{}] {
	return withErr(make([]Result[struct{}], len(ids)), v.api.DeleteAttributeValues(ctx, unique(ids)))
}
