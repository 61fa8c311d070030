package bigcommerce

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// AttributeValue is one customer's value of one customer attribute. The
// value is always text, whatever the attribute's type.
type AttributeValue struct {
	ID           int    `json:"id"`
	CustomerID   int    `json:"customer_id"`
	AttributeID  int    `json:"attribute_id"`
	Value        string `json:"attribute_value"`
	DateCreated  string `json:"date_created"`
	DateModified string `json:"date_modified"`
}

// UnmarshalJSON reads the value from "attribute_value", as reads send it, or
// from "value", the name PUT takes.
func (v *AttributeValue) UnmarshalJSON(b []byte) error {
	type plain AttributeValue
	var raw struct {
		plain
		Alt *string `json:"value"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*v = AttributeValue(raw.plain)
	if v.Value == "" && raw.Alt != nil {
		v.Value = *raw.Alt
	}
	return nil
}

// AttributeValueUpsert is one item of PUT /v3/customers/attribute-values,
// which creates or replaces the value for a customer and an attribute.
// attributeValue_Base requires all three fields; the value's own id is
// optional and not sent, since the pair names the value. Value is always
// sent: an empty value is a value.
type AttributeValueUpsert struct {
	CustomerID  int    `json:"customer_id"`
	AttributeID int    `json:"attribute_id"`
	Value       string `json:"value"`
}

// AttributeValueFilter selects values for ListAttributeValues. Empty fields
// filter nothing.
type AttributeValueFilter struct {
	CustomerIDs  []int
	AttributeIDs []int
}

const attributeValuesPath = "/customers/attribute-values"

// ListAttributeValues returns every value that matches f, following every
// page.
func (c *Client) ListAttributeValues(ctx context.Context, f AttributeValueFilter) ([]AttributeValue, error) {
	q := url.Values{}
	if len(f.AttributeIDs) > 0 {
		q.Set("attribute_id:in", joinInts(f.AttributeIDs))
	}
	if len(f.CustomerIDs) == 0 {
		return fetchAllPages[AttributeValue](ctx, c, attributeValuesPath, q)
	}
	var out []AttributeValue
	for _, part := range chunk(f.CustomerIDs, MaxIDsPerQuery) {
		q.Set("customer_id:in", joinInts(part))
		got, err := fetchAllPages[AttributeValue](ctx, c, attributeValuesPath, q)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// UpsertAttributeValues creates or replaces values, MaxBatch to a request.
// The result is aligned with in. An upsert is idempotent, so it is retried
// like a read.
func (c *Client) UpsertAttributeValues(ctx context.Context, in []AttributeValueUpsert) ([]AttributeValue, error) {
	out := make([]AttributeValue, len(in))
	for start := 0; start < len(in); start += MaxBatch {
		part := in[start:min(start+MaxBatch, len(in))]
		var page collectionPage[AttributeValue]
		if err := c.do(ctx, request{method: http.MethodPut, version: "v3", path: attributeValuesPath, body: part, idempotent: true}, &page); err != nil {
			return out, err
		}
		byPair := make(map[[2]int]AttributeValue, len(page.Data))
		for _, v := range page.Data {
			byPair[[2]int{v.CustomerID, v.AttributeID}] = v
		}
		for i, item := range part {
			v, ok := byPair[[2]int{item.CustomerID, item.AttributeID}]
			if !ok {
				return out, &OutcomeUnknownError{Method: http.MethodPut, Path: attributeValuesPath,
					Err: fmt.Errorf("the answer lacks the value of attribute %d for customer %d", item.AttributeID, item.CustomerID)}
			}
			out[start+i] = v
		}
	}
	return out, nil
}

// DeleteAttributeValues deletes the values with the given ids. Deleting one
// already gone succeeds. An empty list sends nothing.
func (c *Client) DeleteAttributeValues(ctx context.Context, ids []int) error {
	for _, part := range chunk(ids, MaxIDsPerQuery) {
		q := url.Values{"id:in": {joinInts(part)}}
		if err := c.do(ctx, request{method: http.MethodDelete, version: "v3", path: attributeValuesPath, query: q, idempotent: true}, nil); err != nil {
			return err
		}
	}
	return nil
}

// GetAttributeValue reads a customer's value of an attribute; ErrNotFound
// when the customer has none.
func (c *Client) GetAttributeValue(ctx context.Context, customerID, attributeID int) (*AttributeValue, error) {
	got, err := c.ListAttributeValues(ctx, AttributeValueFilter{CustomerIDs: []int{customerID}, AttributeIDs: []int{attributeID}})
	if err != nil {
		return nil, err
	}
	for i := range got {
		if got[i].CustomerID == customerID && got[i].AttributeID == attributeID {
			return &got[i], nil
		}
	}
	return nil, &APIError{Method: http.MethodGet, Path: attributeValuesPath, Status: http.StatusNotFound,
		Title: fmt.Sprintf("customer %d has no value of attribute %d", customerID, attributeID)}
}

// UpsertAttributeValue creates or replaces one value.
func (c *Client) UpsertAttributeValue(ctx context.Context, in AttributeValueUpsert) (*AttributeValue, error) {
	got, err := c.UpsertAttributeValues(ctx, []AttributeValueUpsert{in})
	if err != nil {
		return nil, err
	}
	return &got[0], nil
}

// DeleteAttributeValue deletes one value by its id.
func (c *Client) DeleteAttributeValue(ctx context.Context, id int) error {
	return c.DeleteAttributeValues(ctx, []int{id})
}

// ValueExistsError is what CreateAttributeValue answers for a customer that
// already has a value of the attribute: the store's write is an upsert, and
// would replace it.
type ValueExistsError struct {
	Existing AttributeValue
}

func (e *ValueExistsError) Error() string {
	return fmt.Sprintf("customer %d already has a value of attribute %d (id %d)", e.Existing.CustomerID, e.Existing.AttributeID, e.Existing.ID)
}

// CreateAttributeValue sets a value the customer does not have yet: it
// reads first, and answers *ValueExistsError instead of replacing one.
func (c *Client) CreateAttributeValue(ctx context.Context, in AttributeValueUpsert) (*AttributeValue, error) {
	existing, err := c.GetAttributeValue(ctx, in.CustomerID, in.AttributeID)
	switch {
	case err == nil:
		return nil, &ValueExistsError{Existing: *existing}
	case !errors.Is(err, ErrNotFound):
		return nil, err
	}
	return c.UpsertAttributeValue(ctx, in)
}

// DeleteAttributeValueOf deletes a customer's value of an attribute, found
// by the pair: a value set again outside Terraform has a new id. A value
// already gone is no error.
func (c *Client) DeleteAttributeValueOf(ctx context.Context, customerID, attributeID int) error {
	got, err := c.GetAttributeValue(ctx, customerID, attributeID)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return c.DeleteAttributeValue(ctx, got.ID)
}

// CheckAttributeValue says whether value suits an attribute of type typ, as
// BigCommerce checks it: a number must parse as a finite number, a date must
// be RFC 3339 or YYYY-MM-DD. Any text suits a string attribute.
func CheckAttributeValue(typ, value string) error {
	switch typ {
	case "number":
		n, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
			return fmt.Errorf("%q is not a number such as 42 or 3.5", value)
		}
	case "date":
		if _, err := time.Parse(time.DateOnly, value); err == nil {
			return nil
		}
		if _, err := time.Parse(time.RFC3339, value); err == nil {
			return nil
		}
		return fmt.Errorf("%q is not a date: use YYYY-MM-DD such as 2024-05-14, or RFC 3339 such as 2024-05-14T09:34:00Z", value)
	}
	return nil
}
