package bigcommerce

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// MaxCustomerAttributes is how many customer attributes a store may have.
const MaxCustomerAttributes = 50

// AttributeTypes are the types a customer attribute can have. The type is
// fixed at creation.
var AttributeTypes = []string{"string", "number", "date"}

// Attribute is a V3 customer attribute: a name and a type that each
// customer can hold a value for.
type Attribute struct {
	ID           int    `json:"id"`
	Name         string `json:"name"`
	Type         string `json:"type"`
	DateCreated  string `json:"date_created"`
	DateModified string `json:"date_modified"`
}

// AttributeCreate is one item of POST /v3/customers/attributes.
type AttributeCreate struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// AttributeUpdate is one item of PUT /v3/customers/attributes. Only the
// name can change, and attribute_Put requires it beside the id, so a rename
// is the whole update: send none when the name stays.
type AttributeUpdate struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// AttributeFilter selects attributes for ListAttributes. Empty fields filter
// nothing.
type AttributeFilter struct {
	Name string // the exact name, compared without regard to case
	Type string
}

// AttributeLimitError is BigCommerce refusing an attribute because the store
// already has MaxCustomerAttributes.
type AttributeLimitError struct {
	Count int // the store's attributes when the create was refused
	Err   error
}

func (e *AttributeLimitError) Error() string {
	return fmt.Sprintf("the store allows at most %d customer attributes and already has %d; delete one it no longer needs, or reuse an existing one (%v)", MaxCustomerAttributes, e.Count, e.Err)
}

func (e *AttributeLimitError) Unwrap() error { return e.Err }

const attributesPath = "/customers/attributes"

// ListAttributes returns every attribute that matches f, following every
// page.
func (c *Client) ListAttributes(ctx context.Context, f AttributeFilter) ([]Attribute, error) {
	q := url.Values{}
	if f.Name != "" {
		q.Set("name", f.Name)
	}
	if f.Type != "" {
		q.Set("type", f.Type)
	}
	got, err := fetchAllPages[Attribute](ctx, c, attributesPath, q)
	if err != nil || f.Name == "" {
		return got, err
	}
	// The filter is the store's; keep only exact matches whatever it does.
	out := got[:0]
	for _, a := range got {
		if strings.EqualFold(a.Name, f.Name) {
			out = append(out, a)
		}
	}
	return out, nil
}

// GetAttributes reads the attributes with the given ids; missing ids are
// simply absent. V3 cannot filter attributes by id, but a store has at most
// 50, so one listing serves any number of ids.
func (c *Client) GetAttributes(ctx context.Context, ids []int) ([]Attribute, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	all, err := c.ListAttributes(ctx, AttributeFilter{})
	if err != nil {
		return nil, err
	}
	want := map[int]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []Attribute
	for _, a := range all {
		if want[a.ID] {
			out = append(out, a)
		}
	}
	return out, nil
}

// CreateAttributes creates attributes in one request; the answer lists them
// in request order. Going over the store's limit is an *AttributeLimitError.
func (c *Client) CreateAttributes(ctx context.Context, in []AttributeCreate) ([]Attribute, error) {
	if len(in) == 0 {
		return nil, nil
	}
	var page collectionPage[Attribute]
	err := c.do(ctx, request{method: http.MethodPost, version: "v3", path: attributesPath, body: in}, &page)
	if err != nil {
		return nil, c.explainCreateRefusal(ctx, len(in), err)
	}
	if len(page.Data) != len(in) {
		return nil, &OutcomeUnknownError{Method: http.MethodPost, Path: attributesPath, Err: errUnexpectedCount(len(in), len(page.Data))}
	}
	return page.Data, nil
}

// explainCreateRefusal turns a 422 that is not about a name or a type into
// an *AttributeLimitError when the store is full. BigCommerce's wording of
// that refusal is not documented, so the store is counted instead.
func (c *Client) explainCreateRefusal(ctx context.Context, n int, err error) error {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnprocessableEntity {
		return err
	}
	for _, fields := range apiErr.ItemFields() {
		if _, ok := fields["name"]; ok {
			return err
		}
		if _, ok := fields["type"]; ok {
			return err
		}
	}
	all, listErr := c.ListAttributes(ctx, AttributeFilter{})
	if listErr != nil || len(all)+n <= MaxCustomerAttributes {
		return err
	}
	return &AttributeLimitError{Count: len(all), Err: err}
}

// UpdateAttributes renames attributes in one request.
func (c *Client) UpdateAttributes(ctx context.Context, in []AttributeUpdate) ([]Attribute, error) {
	if len(in) == 0 {
		return nil, nil
	}
	var page collectionPage[Attribute]
	err := c.do(ctx, request{method: http.MethodPut, version: "v3", path: attributesPath, body: in, idempotent: true}, &page)
	return page.Data, err
}

// DeleteAttributes deletes the named attributes, and with them every
// customer's value of them. Deleting one already gone succeeds. An empty
// list sends nothing.
func (c *Client) DeleteAttributes(ctx context.Context, ids []int) error {
	for _, part := range chunk(ids, MaxIDsPerQuery) {
		q := url.Values{"id:in": {joinInts(part)}}
		if err := c.do(ctx, request{method: http.MethodDelete, version: "v3", path: attributesPath, query: q, idempotent: true}, nil); err != nil {
			return err
		}
	}
	return nil
}

// GetAttribute reads one attribute; ErrNotFound when it does not exist.
func (c *Client) GetAttribute(ctx context.Context, id int) (*Attribute, error) {
	got, err := c.GetAttributes(ctx, []int{id})
	if err != nil {
		return nil, err
	}
	return findAttribute(got, id, http.MethodGet)
}

// FindAttributeByName looks an attribute up by name, without regard to
// case; ErrNotFound when there is none.
func (c *Client) FindAttributeByName(ctx context.Context, name string) (*Attribute, error) {
	got, err := c.ListAttributes(ctx, AttributeFilter{Name: name})
	if err != nil {
		return nil, err
	}
	if len(got) == 0 {
		return nil, &APIError{Method: http.MethodGet, Path: attributesPath, Status: http.StatusNotFound, Title: fmt.Sprintf("no customer attribute is named %q", name)}
	}
	return &got[0], nil
}

// CreateAttribute creates one attribute. When the outcome of the request is
// unknown (a lost response), it looks the attribute up by its name, which is
// unique in the store, before sending it again, so a retry never creates a
// second copy.
func (c *Client) CreateAttribute(ctx context.Context, in AttributeCreate) (*Attribute, error) {
	for attempt := 0; ; attempt++ {
		got, err := c.CreateAttributes(ctx, []AttributeCreate{in})
		var unknown *OutcomeUnknownError
		if errors.As(err, &unknown) && attempt < createResends {
			found, lookupErr := c.FindAttributeByName(ctx, in.Name)
			switch {
			case errors.Is(lookupErr, ErrNotFound):
				continue // not applied: sending it again cannot duplicate it
			case lookupErr != nil:
				return nil, err
			case found.Type != in.Type:
				return nil, fmt.Errorf("%w; meanwhile an attribute named %q with type %s appeared (id %d)", err, found.Name, found.Type, found.ID)
			}
			return found, nil
		}
		if err != nil {
			return nil, err
		}
		return &got[0], nil
	}
}

// UpdateAttribute renames one attribute; ErrNotFound when it does not exist.
func (c *Client) UpdateAttribute(ctx context.Context, in AttributeUpdate) (*Attribute, error) {
	got, err := c.UpdateAttributes(ctx, []AttributeUpdate{in})
	if err != nil {
		// BigCommerce refuses a write to a missing id with 422, not 404.
		if errors.Is(err, ErrValidation) {
			if _, getErr := c.GetAttribute(ctx, in.ID); errors.Is(getErr, ErrNotFound) {
				return nil, getErr
			}
		}
		return nil, err
	}
	return findAttribute(got, in.ID, http.MethodPut)
}

// DeleteAttribute deletes one attribute and every customer's value of it.
func (c *Client) DeleteAttribute(ctx context.Context, id int) error {
	return c.DeleteAttributes(ctx, []int{id})
}

func findAttribute(list []Attribute, id int, method string) (*Attribute, error) {
	for i := range list {
		if list[i].ID == id {
			return &list[i], nil
		}
	}
	return nil, &APIError{Method: method, Path: attributesPath, Status: http.StatusNotFound, Title: "customer attribute " + strconv.Itoa(id) + " does not exist"}
}
