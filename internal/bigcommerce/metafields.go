package bigcommerce

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

const (
	// MaxMetafieldsPerBatch is how many items one batch request of customer
	// metafields carries. BigCommerce documents no limit for these batches;
	// 10 is the one it documents for the other customer batches.
	MaxMetafieldsPerBatch = 10
	// MaxMetafieldsPerCustomer is how many metafields a customer may have,
	// after "the max number of metafields allowed on each is 50".
	MaxMetafieldsPerCustomer = 50
	// Lengths of a metafield's members, in characters.
	MaxMetafieldNamespaceLength   = 64
	MaxMetafieldKeyLength         = 64
	MaxMetafieldValueLength       = 65535
	MaxMetafieldDescriptionLength = 255
)

// MetafieldPermissionSets are the values of permission_set: who else may
// read and write a metafield.
var MetafieldPermissionSets = []string{"app_only", "read", "write", "read_and_sf_access", "write_and_sf_access"}

// Metafield is a customer metafield. ResourceID is the customer's id.
type Metafield struct {
	ID            int    `json:"id"`
	Namespace     string `json:"namespace"`
	Key           string `json:"key"`
	Value         string `json:"value"`
	Description   string `json:"description"`
	PermissionSet string `json:"permission_set"`
	ResourceType  string `json:"resource_type"`
	ResourceID    int    `json:"resource_id"`
	OwnerClientID string `json:"owner_client_id,omitempty"`
	DateCreated   string `json:"date_created"`
	DateModified  string `json:"date_modified"`
}

// MetafieldCreate is a new metafield of a customer. Namespace, Key, Value
// and PermissionSet are required.
type MetafieldCreate struct {
	CustomerID    int    `json:"resource_id"`
	Namespace     string `json:"namespace"`
	Key           string `json:"key"`
	Value         string `json:"value"`
	PermissionSet string `json:"permission_set"`
	Description   string `json:"description,omitempty"`
}

// MetafieldUpdate changes the members of metafield ID it names; nil keeps
// a member.
type MetafieldUpdate struct {
	ID            int     `json:"id"`
	Namespace     *string `json:"namespace,omitempty"`
	Key           *string `json:"key,omitempty"`
	Value         *string `json:"value,omitempty"`
	PermissionSet *string `json:"permission_set,omitempty"`
	Description   *string `json:"description,omitempty"`
}

// MetafieldFilter selects metafields. Empty fields filter nothing.
type MetafieldFilter struct {
	CustomerID      int      // 0: every customer's
	Namespaces      []string // namespace:in
	Keys            []string // key:in
	DateCreatedMin  string   // such as 2024-05-14 or 2024-05-14T09:34:00
	DateCreatedMax  string
	DateModifiedMin string
	DateModifiedMax string
}

func (f MetafieldFilter) query() url.Values {
	q := url.Values{}
	for name, v := range map[string]string{
		"namespace:in": strings.Join(f.Namespaces, ","), "key:in": strings.Join(f.Keys, ","),
		"date_created:min": f.DateCreatedMin, "date_created:max": f.DateCreatedMax,
		"date_modified:min": f.DateModifiedMin, "date_modified:max": f.DateModifiedMax,
	} {
		if v != "" {
			q.Set(name, v)
		}
	}
	return q
}

// MetafieldItemError is the store's refusal of one item of a batch.
type MetafieldItemError struct {
	Index  int    // the item's position in the slice given to the call
	Status int    // 422 invalid, 409 a clash of keys, 404 no such metafield
	Title  string // the store's words
	// Fields are the store's messages by field ("key"); "" for the item
	// as a whole.
	Fields map[string]string
}

func (e *MetafieldItemError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "item %d: BigCommerce answered %d %s", e.Index, e.Status, http.StatusText(e.Status))
	if e.Title != "" {
		fmt.Fprintf(&b, ": %s", e.Title)
	}
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k == "" || e.Fields[k] == e.Title {
			continue
		}
		fmt.Fprintf(&b, "; %s: %s", k, e.Fields[k])
	}
	return b.String()
}

// Is maps the item's status onto the error kinds, as APIError does.
func (e *MetafieldItemError) Is(target error) bool {
	return (&APIError{Status: e.Status}).Is(target)
}

// MetafieldResult is the outcome of one item of a batch write: the
// metafield as saved, or the store's refusal.
type MetafieldResult struct {
	Metafield *Metafield
	Err       *MetafieldItemError
}

// MetafieldResults are a batch's outcomes, one per item, in order.
type MetafieldResults []MetafieldResult

// Err joins the refusals; nil when every item was saved.
func (r MetafieldResults) Err() error {
	var errs []error
	for _, res := range r {
		if res.Err != nil {
			errs = append(errs, res.Err)
		}
	}
	return errors.Join(errs...)
}

const metafieldsPath = "/customers/metafields"

func customerMetafieldsPath(customerID int) string {
	return "/customers/" + strconv.Itoa(customerID) + "/metafields"
}

// ListCustomerMetafields returns every metafield that matches f, following
// every page. A customer that does not exist is ErrNotFound.
func (c *Client) ListCustomerMetafields(ctx context.Context, f MetafieldFilter) ([]Metafield, error) {
	path := metafieldsPath
	if f.CustomerID != 0 {
		path = customerMetafieldsPath(f.CustomerID)
	}
	return fetchAllPages[Metafield](ctx, c, path, f.query())
}

// GetCustomerMetafield reads one metafield of a customer; ErrNotFound when
// either does not exist or the metafield is another customer's.
func (c *Client) GetCustomerMetafield(ctx context.Context, customerID, id int) (*Metafield, error) {
	var out struct {
		Data Metafield `json:"data"`
	}
	path := customerMetafieldsPath(customerID) + "/" + strconv.Itoa(id)
	if err := c.do(ctx, request{method: http.MethodGet, version: "v3", path: path, idempotent: true}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// CreateCustomerMetafield creates one metafield of in.CustomerID. A key
// the customer has in the namespace is ErrConflict; an unknown customer
// ErrValidation.
func (c *Client) CreateCustomerMetafield(ctx context.Context, in MetafieldCreate) (*Metafield, error) {
	var out writeAnswer
	err := c.do(ctx, request{method: http.MethodPost, version: "v3", path: customerMetafieldsPath(in.CustomerID), body: metafieldPostBody(in)}, &out)
	return out.one(http.MethodPost, err)
}

// metafieldPostBody is MetafieldBase_Post: no resource_id, as the URL
// names the customer.
func metafieldPostBody(in MetafieldCreate) map[string]string {
	body := map[string]string{"namespace": in.Namespace, "key": in.Key, "value": in.Value, "permission_set": in.PermissionSet}
	if in.Description != "" {
		body["description"] = in.Description
	}
	return body
}

// UpdateCustomerMetafield changes one metafield of a customer.
func (c *Client) UpdateCustomerMetafield(ctx context.Context, customerID int, u MetafieldUpdate) (*Metafield, error) {
	var out writeAnswer
	path := customerMetafieldsPath(customerID) + "/" + strconv.Itoa(u.ID)
	err := c.do(ctx, request{method: http.MethodPut, version: "v3", path: path, body: u, idempotent: true}, &out)
	return out.one(http.MethodPut, err)
}

// DeleteCustomerMetafield deletes one metafield of a customer; one already
// gone is ErrNotFound.
func (c *Client) DeleteCustomerMetafield(ctx context.Context, customerID, id int) error {
	path := customerMetafieldsPath(customerID) + "/" + strconv.Itoa(id)
	return c.do(ctx, request{method: http.MethodDelete, version: "v3", path: path, idempotent: true}, nil)
}

// writeAnswer is the answer of a metafield write: 200, or the documented
// 422 partial success. Data holds metafields, or ids for a delete.
type writeAnswer struct {
	Data   []json.RawMessage `json:"data"`
	Errors []struct {
		Status int            `json:"status"`
		Title  string         `json:"title"`
		Errors map[string]any `json:"errors"`
	} `json:"errors"`
}

func (w *writeAnswer) one(method string, err error) (*Metafield, error) {
	if err != nil {
		return nil, err
	}
	var m Metafield
	if len(w.Data) != 1 || json.Unmarshal(w.Data[0], &m) != nil {
		return nil, &OutcomeUnknownError{Method: method, Path: metafieldsPath, Err: errUnexpectedCount(1, len(w.Data))}
	}
	return &m, nil
}

// itemErrors reads the refusals, their indexes shifted by offset. Each
// error's keys name its item ("2", "2.key").
func (w *writeAnswer) itemErrors(offset int) map[int]*MetafieldItemError {
	out := map[int]*MetafieldItemError{}
	for _, e := range w.Errors {
		for k, v := range stringFields(e.Errors) {
			idx, field := splitItemKey(k)
			if idx < 0 {
				continue
			}
			item := out[offset+idx]
			if item == nil {
				item = &MetafieldItemError{Index: offset + idx, Status: e.Status, Title: e.Title, Fields: map[string]string{}}
				out[offset+idx] = item
			}
			item.Fields[field] = v
		}
	}
	return out
}

// doBatch sends one batch write. Its 422 with data and errors arrays is
// the documented partial success: the items in data were saved. It is
// decoded into out like a 200; any other refusal is the whole request's
// error.
func (c *Client) doBatch(ctx context.Context, r request, out *writeAnswer) error {
	r.partial = true
	return c.do(ctx, r, out)
}

// isPartialBody tells the partial success (errors is an array) from an
// ErrorResponse (errors is an object).
func isPartialBody(body []byte) bool {
	var probe struct {
		Errors json.RawMessage `json:"errors"`
		Data   json.RawMessage `json:"data"`
	}
	return json.Unmarshal(body, &probe) == nil && bytes.HasPrefix(bytes.TrimSpace(probe.Errors), []byte("[")) &&
		bytes.HasPrefix(bytes.TrimSpace(probe.Data), []byte("["))
}

// CreateCustomerMetafields creates metafields, MaxMetafieldsPerBatch to a
// request, and answers one result per item, in order: each item is saved
// or refused on its own. An error is a request that failed as a whole;
// the results then hold the items of the requests before it.
func (c *Client) CreateCustomerMetafields(ctx context.Context, in []MetafieldCreate) (MetafieldResults, error) {
	return writeBatches(ctx, c, http.MethodPost, in, false, func(m Metafield, item MetafieldCreate) bool {
		return m.ResourceID == item.CustomerID && strings.EqualFold(m.Namespace, item.Namespace) && strings.EqualFold(m.Key, item.Key)
	})
}

// UpdateCustomerMetafields updates metafields as CreateCustomerMetafields
// creates them. A metafield that does not exist is an item error that is
// ErrNotFound.
func (c *Client) UpdateCustomerMetafields(ctx context.Context, in []MetafieldUpdate) (MetafieldResults, error) {
	return writeBatches(ctx, c, http.MethodPut, in, true, func(m Metafield, item MetafieldUpdate) bool { return m.ID == item.ID })
}

// writeBatches sends items in batches and matches the saved metafields to
// the items: the answer lists only those saved.
func writeBatches[T any](ctx context.Context, c *Client, method string, in []T, idempotent bool, same func(Metafield, T) bool) (MetafieldResults, error) {
	results := make(MetafieldResults, 0, len(in))
	for offset, part := 0, []T(nil); offset < len(in); offset += len(part) {
		part = in[offset:min(offset+MaxMetafieldsPerBatch, len(in))]
		var out writeAnswer
		if err := c.doBatch(ctx, request{method: method, version: "v3", path: metafieldsPath, body: part, idempotent: idempotent}, &out); err != nil {
			return results, err
		}
		saved := make([]Metafield, len(out.Data))
		for i, raw := range out.Data {
			if err := json.Unmarshal(raw, &saved[i]); err != nil {
				return results, &OutcomeUnknownError{Method: method, Path: metafieldsPath, Err: err}
			}
		}
		refused := out.itemErrors(offset)
		for i, item := range part {
			res := MetafieldResult{Err: refused[offset+i]}
			for j := range saved {
				if res.Err == nil && same(saved[j], item) {
					res.Metafield = &saved[j]
					break
				}
			}
			if res.Metafield == nil && res.Err == nil {
				res.Err = &MetafieldItemError{Index: offset + i, Title: "the store's answer neither lists the item as saved nor refuses it"}
			}
			results = append(results, res)
		}
	}
	return results, nil
}

// DeleteCustomerMetafields deletes metafields by id, MaxMetafieldsPerBatch
// to a request, and answers the ids deleted and the refusals (Index is the
// position in ids; an id that does not exist is ErrNotFound). An empty list
// sends nothing. The ids travel as the request's body: the request never
// goes without them.
func (c *Client) DeleteCustomerMetafields(ctx context.Context, ids []int) (deleted []int, refused []*MetafieldItemError, err error) {
	for offset, part := 0, []int(nil); offset < len(ids); offset += len(part) {
		part = ids[offset:min(offset+MaxMetafieldsPerBatch, len(ids))]
		var out writeAnswer
		if err := c.doBatch(ctx, request{method: http.MethodDelete, version: "v3", path: metafieldsPath, body: part, idempotent: true}, &out); err != nil {
			return deleted, refused, err
		}
		for _, raw := range out.Data {
			var id int
			if err := json.Unmarshal(raw, &id); err != nil {
				return deleted, refused, &OutcomeUnknownError{Method: http.MethodDelete, Path: metafieldsPath, Err: err}
			}
			deleted = append(deleted, id)
		}
		errs := out.itemErrors(offset)
		for i := range part {
			if e := errs[offset+i]; e != nil {
				refused = append(refused, e)
			}
		}
	}
	return deleted, refused, nil
}
