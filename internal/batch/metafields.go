package batch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// MetafieldAPI is what Metafields needs of the client: the single read, the
// metafield batch endpoints and the pacer's view of the quota.
// *bigcommerce.Client implements it.
type MetafieldAPI interface {
	GetCustomerMetafield(ctx context.Context, customerID, id int) (*bigcommerce.Metafield, error)
	CreateCustomerMetafields(ctx context.Context, in []bigcommerce.MetafieldCreate) (bigcommerce.MetafieldResults, error)
	UpdateCustomerMetafields(ctx context.Context, in []bigcommerce.MetafieldUpdate) (bigcommerce.MetafieldResults, error)
	DeleteCustomerMetafields(ctx context.Context, ids []int) (deleted []int, refused []*bigcommerce.MetafieldItemError, err error)
	QuotaWait() time.Duration
}

// metafieldsPath names the batch endpoint in the errors callers get.
const metafieldsPath = "/customers/metafields"

// Metafields serves the per-metafield calls of resources by merging
// concurrent writes into the metafield batch endpoints, up to
// bigcommerce.MaxMetafieldsPerBatch items a request. The store saves or
// refuses each item of a batch on its own, and each caller gets its own
// metafield or its own error: a refusal is an *bigcommerce.APIError with
// the item's status, so errors.Is(err, bigcommerce.ErrConflict) holds for
// a key the customer already has in the namespace. Reads are single
// requests.
type Metafields struct {
	api    MetafieldAPI
	create *Coalescer[bigcommerce.MetafieldCreate, *bigcommerce.Metafield]
	update *Coalescer[metafieldUpdate, *bigcommerce.Metafield]
	remove *Coalescer[int, struct{}]
}

// metafieldUpdate is an update with the customer its caller names: the
// batch endpoint takes the metafield's id alone.
type metafieldUpdate struct {
	customerID int
	bigcommerce.MetafieldUpdate
}

// NewMetafields returns the batching metafield service over api.
func NewMetafields(api MetafieldAPI) *Metafields {
	return newMetafields(api, Options{})
}

// newMetafields takes the window's timings from window (tests widen them).
func newMetafields(api MetafieldAPI, window Options) *Metafields {
	m := &Metafields{api: api}
	o := window
	o.MaxSize, o.Hold = bigcommerce.MaxMetafieldsPerBatch, api.QuotaWait
	// Every call here is a write: its caller waits for the answer even when
	// Terraform asks the provider to stop, so that what the store did
	// reaches the state, and its batch waits for calls at the pace they
	// come.
	o.AwaitSent, o.FollowPace = true, true
	if o.Scheduler == nil {
		o.Scheduler = NewScheduler()
	}
	m.create = New(o, m.createBatch)
	m.update = New(o, m.updateBatch)
	m.remove = New(o, m.deleteBatch)
	return m
}

// GetCustomerMetafield reads one metafield of a customer with a request of
// its own; ErrNotFound when either does not exist.
func (m *Metafields) GetCustomerMetafield(ctx context.Context, customerID, id int) (*bigcommerce.Metafield, error) {
	return m.api.GetCustomerMetafield(ctx, customerID, id)
}

// CreateCustomerMetafield creates one metafield of in.CustomerID. A key the
// customer has in the namespace is ErrConflict.
func (m *Metafields) CreateCustomerMetafield(ctx context.Context, in bigcommerce.MetafieldCreate) (*bigcommerce.Metafield, error) {
	if in.CustomerID <= 0 {
		return nil, fmt.Errorf("customer id %d is not a positive number", in.CustomerID)
	}
	return m.create.Do(ctx, in)
}

// UpdateCustomerMetafield changes one metafield of a customer; ErrNotFound
// when it does not exist.
func (m *Metafields) UpdateCustomerMetafield(ctx context.Context, customerID int, u bigcommerce.MetafieldUpdate) (*bigcommerce.Metafield, error) {
	if u.ID <= 0 {
		return nil, fmt.Errorf("metafield id %d is not a positive number", u.ID)
	}
	return m.update.Do(ctx, metafieldUpdate{customerID: customerID, MetafieldUpdate: u})
}

// DeleteCustomerMetafield deletes one metafield; one already gone is
// ErrNotFound, as with a single request.
func (m *Metafields) DeleteCustomerMetafield(ctx context.Context, _, id int) error {
	if id <= 0 {
		return fmt.Errorf("metafield id %d is not a positive number", id)
	}
	_, err := m.remove.Do(ctx, id)
	return err
}

func (m *Metafields) createBatch(ctx context.Context, items []bigcommerce.MetafieldCreate) []Result[*bigcommerce.Metafield] {
	return Resend(ctx, items, func(ctx context.Context, items []bigcommerce.MetafieldCreate) ([]Result[*bigcommerce.Metafield], error) {
		got, err := m.api.CreateCustomerMetafields(ctx, items)
		if err != nil {
			return nil, err
		}
		return metafieldResults(http.MethodPost, got, len(items), nil), nil
	})
}

// updateBatch sends updates of the same metafield in separate requests: the
// store refuses a request that names a metafield twice.
func (m *Metafields) updateBatch(ctx context.Context, items []metafieldUpdate) []Result[*bigcommerce.Metafield] {
	id := func(u metafieldUpdate) int { return u.ID }
	return InRounds(items, id, func(round []metafieldUpdate) []Result[*bigcommerce.Metafield] {
		return Resend(ctx, round, func(ctx context.Context, items []metafieldUpdate) ([]Result[*bigcommerce.Metafield], error) {
			in := make([]bigcommerce.MetafieldUpdate, len(items))
			for i, u := range items {
				in[i] = u.MetafieldUpdate
			}
			got, err := m.api.UpdateCustomerMetafields(ctx, in)
			if err != nil {
				return nil, err
			}
			return metafieldResults(http.MethodPut, got, len(items), func(i int, mf *bigcommerce.Metafield) error {
				// The batch endpoint names no customer; a metafield of
				// another customer is not the caller's.
				if cid := items[i].customerID; cid != 0 && mf.ResourceID != cid {
					return &bigcommerce.OutcomeUnknownError{Method: http.MethodPut, Path: metafieldsPath,
						Err: fmt.Errorf("metafield %d belongs to customer %d, not %d", mf.ID, mf.ResourceID, cid)}
				}
				return nil
			}), nil
		})
	})
}

// deleteBatch deletes the ids in one request; an id named twice is sent
// once and both callers get its answer.
func (m *Metafields) deleteBatch(ctx context.Context, ids []int) []Result[struct{}] {
	results := make([]Result[struct{}], len(ids))
	uniq := unique(ids)
	deleted, refused, err := m.api.DeleteCustomerMetafields(ctx, uniq)
	if err != nil {
		return withErr(results, err)
	}
	errByID := make(map[int]error, len(refused))
	for _, e := range refused {
		if e.Index >= 0 && e.Index < len(uniq) {
			errByID[uniq[e.Index]] = itemError(http.MethodDelete, e)
		}
	}
	done := make(map[int]bool, len(deleted))
	for _, id := range deleted {
		done[id] = true
	}
	for i, id := range ids {
		switch {
		case errByID[id] != nil:
			results[i].Err = errByID[id]
		case !done[id]:
			results[i].Err = &bigcommerce.OutcomeUnknownError{Method: http.MethodDelete, Path: metafieldsPath,
				Err: fmt.Errorf("the answer neither lists metafield %d as deleted nor refuses it", id)}
		}
	}
	return results
}

// metafieldResults turns the client's per-item results into the callers'
// results; check, when set, vets a saved metafield.
func metafieldResults(method string, got bigcommerce.MetafieldResults, n int, check func(i int, m *bigcommerce.Metafield) error) []Result[*bigcommerce.Metafield] {
	results := make([]Result[*bigcommerce.Metafield], n)
	for i := range results {
		if i >= len(got) {
			results[i].Err = &bigcommerce.OutcomeUnknownError{Method: method, Path: metafieldsPath,
				Err: fmt.Errorf("the answer to a batch of %d has %d results", n, len(got))}
			continue
		}
		switch res := got[i]; {
		case res.Err != nil:
			results[i].Err = itemError(method, res.Err)
		case res.Metafield == nil:
			results[i].Err = &bigcommerce.OutcomeUnknownError{Method: method, Path: metafieldsPath, Err: errors.New("the answer holds no metafield for the item")}
		default:
			results[i].Value = res.Metafield
			if check != nil {
				if err := check(i, res.Metafield); err != nil {
					results[i] = Result[*bigcommerce.Metafield]{Err: err}
				}
			}
		}
	}
	return results
}

// itemError is the store's refusal of one item as the error a single
// request would have given its caller: an *APIError with the item's status
// and its field messages, without the item's index. An item the answer
// neither saved nor refused (no status) has an unknown outcome.
func itemError(method string, e *bigcommerce.MetafieldItemError) error {
	if e.Status == 0 {
		return &bigcommerce.OutcomeUnknownError{Method: method, Path: metafieldsPath, Err: errors.New(e.Title)}
	}
	title := strings.TrimSpace(e.Title)
	if title == "" {
		title = e.Fields[""]
	}
	fields := map[string]string{}
	for k, v := range e.Fields {
		if k != "" && v != title {
			fields[k] = v
		}
	}
	return &bigcommerce.APIError{Method: method, Path: metafieldsPath, Status: e.Status, Title: title, Fields: fields}
}
