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

// AddressFields are the fields of a V3 customer address that a client sets.
// Together with the customer they are what BigCommerce compares to decide
// that two addresses are the same.
type AddressFields struct {
	FirstName       string `json:"first_name"`
	LastName        string `json:"last_name"`
	Company         string `json:"company"`
	Address1        string `json:"address1"`
	Address2        string `json:"address2"`
	City            string `json:"city"`
	StateOrProvince string `json:"state_or_province"`
	PostalCode      string `json:"postal_code"`
	CountryCode     string `json:"country_code"`
	Phone           string `json:"phone"`
	// AddressType is "residential" or "commercial". It cannot be cleared, so
	// empty means "the store's default" on create and "unchanged" on update.
	AddressType string `json:"address_type,omitempty"`
}

// Address is a V3 customer address as the API returns it.
type Address struct {
	ID         int `json:"id"`
	CustomerID int `json:"customer_id"`
	AddressFields
	// Country is the country's name, which the store derives from CountryCode.
	Country string `json:"country"`
	// FormFields are the address form's values; nil when the answer did not
	// include them.
	FormFields []FormField `json:"form_fields"`
}

// AddressCreate is one item of POST /v3/customers/addresses. Every string is
// sent, so an empty value means empty.
type AddressCreate struct {
	CustomerID int `json:"customer_id"`
	AddressFields
	FormFields []FormField `json:"form_fields,omitempty"`
}

// AddressUpdate is an update that sets every field: each string is sent, so
// an empty value clears the field, and an empty AddressType leaves the type
// unchanged. It travels as the AddressPatch that Patch returns.
type AddressUpdate struct {
	ID int `json:"id"`
	AddressFields
}

// Patch returns the update as a patch that sends every field.
func (u AddressUpdate) Patch() AddressPatch {
	f := u.AddressFields
	p := AddressPatch{
		ID: u.ID, FirstName: &f.FirstName, LastName: &f.LastName, Company: &f.Company,
		Address1: &f.Address1, Address2: &f.Address2, City: &f.City, StateOrProvince: &f.StateOrProvince,
		PostalCode: &f.PostalCode, CountryCode: &f.CountryCode, Phone: &f.Phone,
	}
	if f.AddressType != "" {
		p.AddressType = &f.AddressType
	}
	return p
}

// AddressPatch is one item of PUT /v3/customers/addresses (address_Put,
// which requires only the id). A nil field is not sent, so the store keeps
// its value; a pointer to "" clears it. An address cannot move to another
// customer.
type AddressPatch struct {
	ID              int     `json:"id"`
	FirstName       *string `json:"first_name,omitempty"`
	LastName        *string `json:"last_name,omitempty"`
	Company         *string `json:"company,omitempty"`
	Address1        *string `json:"address1,omitempty"`
	Address2        *string `json:"address2,omitempty"`
	City            *string `json:"city,omitempty"`
	StateOrProvince *string `json:"state_or_province,omitempty"`
	PostalCode      *string `json:"postal_code,omitempty"`
	CountryCode     *string `json:"country_code,omitempty"`
	Phone           *string `json:"phone,omitempty"`
	AddressType     *string `json:"address_type,omitempty"`
	// FormFields are written one by one: fields left out keep their values.
	FormFields []FormField `json:"form_fields,omitempty"`
}

// IsEmpty reports whether the patch changes nothing.
func (p AddressPatch) IsEmpty() bool {
	return p.FirstName == nil && p.LastName == nil && p.Company == nil && p.Address1 == nil && p.Address2 == nil &&
		p.City == nil && p.StateOrProvince == nil && p.PostalCode == nil && p.CountryCode == nil && p.Phone == nil &&
		p.AddressType == nil && len(p.FormFields) == 0
}

// apply returns f with the patch's fields set: the address the store will
// hold once the patch is applied.
func (p AddressPatch) apply(f AddressFields) AddressFields {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&f.FirstName, p.FirstName)
	set(&f.LastName, p.LastName)
	set(&f.Company, p.Company)
	set(&f.Address1, p.Address1)
	set(&f.Address2, p.Address2)
	set(&f.City, p.City)
	set(&f.StateOrProvince, p.StateOrProvince)
	set(&f.PostalCode, p.PostalCode)
	set(&f.CountryCode, p.CountryCode)
	set(&f.Phone, p.Phone)
	set(&f.AddressType, p.AddressType)
	return f
}

// AddressFilter selects addresses for ListAddresses. Empty fields filter
// nothing.
type AddressFilter struct {
	IDs         []int
	CustomerIDs []int
}

// DuplicateAddressError reports an address that BigCommerce dropped without
// an error because the customer already has an identical one: the store
// answers 200 and leaves the address out of the answer.
type DuplicateAddressError struct {
	Index      int // the item's position in the batch
	CustomerID int
	ExistingID int // the identical address; 0 when it could not be found
	AddressID  int // for an update: the address that was left unchanged
}

func (e *DuplicateAddressError) Error() string {
	msg := fmt.Sprintf("customer %d already has an identical address", e.CustomerID)
	if e.ExistingID != 0 {
		msg += fmt.Sprintf(" (id %d)", e.ExistingID)
	}
	if e.AddressID != 0 {
		msg += fmt.Sprintf(", so BigCommerce left address %d unchanged", e.AddressID)
	}
	return msg
}

// Is makes a duplicate an ErrConflict.
func (e *DuplicateAddressError) Is(target error) bool { return target == ErrConflict }

const addressesPath = "/customers/addresses"

// addressIncludes asks for the address form's values with every read.
const addressIncludes = "formfields"

// GetAddresses reads the addresses with the given ids; missing ids are
// simply absent from the result.
func (c *Client) GetAddresses(ctx context.Context, ids []int) ([]Address, error) {
	var out []Address
	for _, part := range chunk(ids, MaxIDsPerQuery) {
		got, err := fetchAllPages[Address](ctx, c, addressesPath, url.Values{"id:in": {joinInts(part)}, "include": {addressIncludes}})
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// ListAddresses returns every address that matches f, following every page.
// An empty filter lists the whole store.
func (c *Client) ListAddresses(ctx context.Context, f AddressFilter) ([]Address, error) {
	q := url.Values{"include": {addressIncludes}}
	if len(f.IDs) > 0 {
		q.Set("id:in", joinInts(f.IDs))
	}
	if len(f.CustomerIDs) == 0 {
		return fetchAllPages[Address](ctx, c, addressesPath, q)
	}
	var out []Address
	for _, part := range chunk(f.CustomerIDs, MaxIDsPerQuery) {
		q.Set("customer_id:in", joinInts(part))
		got, err := fetchAllPages[Address](ctx, c, addressesPath, q)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// CreateAddresses creates addresses, MaxBatch to a request. The result is
// aligned with in: out[i] is the address created for in[i].
//
// BigCommerce silently drops an item that duplicates an address its customer
// already has (or an earlier item of the batch). Such an item has a zero
// Address in the result, and the error joins a *DuplicateAddressError for
// each, naming the identical address. On any other error the result holds
// the addresses of the requests that succeeded before it.
func (c *Client) CreateAddresses(ctx context.Context, in []AddressCreate) ([]Address, error) {
	out := make([]Address, len(in))
	var dropped []int
	for start := 0; start < len(in); start += MaxBatch {
		part := in[start:min(start+MaxBatch, len(in))]
		var page collectionPage[Address]
		if err := c.do(ctx, request{method: http.MethodPost, version: "v3", path: addressesPath, body: part}, &page); err != nil {
			return out, err
		}
		missing, err := alignCreated(part, page.Data, out[start:])
		if err != nil {
			return out, err
		}
		for _, i := range missing {
			dropped = append(dropped, start+i)
		}
	}
	if len(dropped) == 0 {
		return out, nil
	}
	return out, c.duplicateErrors(ctx, dropped, func(i int) (int, AddressFields) { return in[i].CustomerID, createdFields(in[i]) }, nil)
}

// alignCreated places the answer's addresses next to the request's items and
// returns the positions of the items the store left out. The answer keeps
// the request's order, so when it is shorter a greedy in-order match finds
// the gaps.
func alignCreated(req []AddressCreate, got []Address, out []Address) ([]int, error) {
	if len(got) == len(req) {
		copy(out, got)
		return nil, nil
	}
	var missing []int
	j := 0
	for i, item := range req {
		if j < len(got) && got[j].CustomerID == item.CustomerID && sameAddress(createdFields(item), got[j].AddressFields) {
			out[i] = got[j]
			j++
			continue
		}
		missing = append(missing, i)
	}
	if j != len(got) {
		// The store changed a field we compare: we cannot tell which items it
		// dropped. They were created, so callers reconcile by reading.
		return nil, &OutcomeUnknownError{Method: http.MethodPost, Path: addressesPath,
			Err: fmt.Errorf("the answer lists %d of %d addresses and they do not match the request", len(got), len(req))}
	}
	return missing, nil
}

// UpdateAddresses updates addresses, setting every field; see
// PatchAddresses.
func (c *Client) UpdateAddresses(ctx context.Context, in []AddressUpdate) ([]Address, error) {
	patches := make([]AddressPatch, len(in))
	for i, u := range in {
		patches[i] = u.Patch()
	}
	return c.PatchAddresses(ctx, patches)
}

// PatchAddresses changes addresses, MaxBatch to a request, sending only the
// fields each patch sets. The result is aligned with in.
//
// BigCommerce leaves an address unchanged, and out of the answer, when the
// update would make it identical to another address of its customer; such an
// item gets a *DuplicateAddressError (joined into the error) and a zero
// Address. An item left out because it already had the requested values is
// returned as it is.
func (c *Client) PatchAddresses(ctx context.Context, in []AddressPatch) ([]Address, error) {
	out := make([]Address, len(in))
	var missing []int
	for start := 0; start < len(in); start += MaxBatch {
		part := in[start:min(start+MaxBatch, len(in))]
		var page collectionPage[Address]
		if err := c.do(ctx, request{method: http.MethodPut, version: "v3", path: addressesPath, body: part, idempotent: true}, &page); err != nil {
			return out, err
		}
		byID := make(map[int]Address, len(page.Data))
		for _, a := range page.Data {
			byID[a.ID] = a
		}
		for i, item := range part {
			if a, ok := byID[item.ID]; ok {
				out[start+i] = a
			} else {
				missing = append(missing, start+i)
			}
		}
	}
	if len(missing) == 0 {
		return out, nil
	}

	ids := make([]int, len(missing))
	for k, i := range missing {
		ids[k] = in[i].ID
	}
	current, err := c.GetAddresses(ctx, ids)
	if err != nil {
		return out, err
	}
	byID := make(map[int]Address, len(current))
	for _, a := range current {
		byID[a.ID] = a
	}
	var errs []error
	var dropped []int
	customerOf := map[int]int{}
	fieldsOf := map[int]AddressFields{}
	for _, i := range missing {
		cur, ok := byID[in[i].ID]
		if !ok {
			errs = append(errs, addressNotFound(http.MethodPut, in[i].ID))
			continue
		}
		want := in[i].apply(cur.AddressFields)
		if sameAddress(want, cur.AddressFields) {
			out[i] = cur
			continue
		}
		dropped = append(dropped, i)
		customerOf[i] = cur.CustomerID
		fieldsOf[i] = want
	}
	if len(dropped) > 0 {
		errs = append(errs, c.duplicateErrors(ctx, dropped, func(i int) (int, AddressFields) { return customerOf[i], fieldsOf[i] }, func(i int) int { return in[i].ID }))
	}
	return out, errors.Join(errs...)
}

// duplicateErrors builds a *DuplicateAddressError for each dropped item,
// looking up the identical addresses with one listing of their customers.
func (c *Client) duplicateErrors(ctx context.Context, dropped []int, item func(int) (int, AddressFields), self func(int) int) error {
	var customers []int
	seen := map[int]bool{}
	for _, i := range dropped {
		if cid, _ := item(i); !seen[cid] {
			seen[cid] = true
			customers = append(customers, cid)
		}
	}
	// Without the listing the error still says what happened, only without
	// the identical address's id.
	existing, _ := c.ListAddresses(ctx, AddressFilter{CustomerIDs: customers})
	errs := make([]error, 0, len(dropped))
	for _, i := range dropped {
		cid, fields := item(i)
		e := &DuplicateAddressError{Index: i, CustomerID: cid}
		if self != nil {
			e.AddressID = self(i)
		}
		for _, a := range existing {
			if a.CustomerID == cid && a.ID != e.AddressID && sameAddress(fields, a.AddressFields) {
				e.ExistingID = a.ID
				break
			}
		}
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}

// DeleteAddresses deletes the named addresses. Deleting one already gone
// succeeds. An empty list sends nothing.
func (c *Client) DeleteAddresses(ctx context.Context, ids []int) error {
	for _, part := range chunk(ids, MaxIDsPerQuery) {
		q := url.Values{"id:in": {joinInts(part)}}
		if err := c.do(ctx, request{method: http.MethodDelete, version: "v3", path: addressesPath, query: q, idempotent: true}, nil); err != nil {
			return err
		}
	}
	return nil
}

// GetAddress reads one address; ErrNotFound when it does not exist.
func (c *Client) GetAddress(ctx context.Context, id int) (*Address, error) {
	got, err := c.GetAddresses(ctx, []int{id})
	if err != nil {
		return nil, err
	}
	for i := range got {
		if got[i].ID == id {
			return &got[i], nil
		}
	}
	return nil, addressNotFound(http.MethodGet, id)
}

// createResends bounds how often a create whose outcome was unknown, and
// which a lookup showed was not applied, is sent again.
const createResends = 3

// CreateAddress creates one address. A duplicate of an address the customer
// already has is a *DuplicateAddressError. When the outcome of the request
// is unknown (a lost response), it looks for the address before sending it
// again, so a retry never creates a second copy.
func (c *Client) CreateAddress(ctx context.Context, in AddressCreate) (*Address, error) {
	for attempt := 0; ; attempt++ {
		got, err := c.CreateAddresses(ctx, []AddressCreate{in})
		var unknown *OutcomeUnknownError
		if errors.As(err, &unknown) && attempt < createResends {
			found, lookupErr := c.findAddress(ctx, in)
			if lookupErr != nil {
				return nil, err
			}
			if found != nil {
				return found, nil
			}
			continue // not applied: sending it again cannot duplicate it
		}
		if err != nil {
			var dup *DuplicateAddressError
			if errors.As(err, &dup) {
				return nil, dup
			}
			return nil, err
		}
		return &got[0], nil
	}
}

// findAddress returns the customer's address identical to in, or nil.
func (c *Client) findAddress(ctx context.Context, in AddressCreate) (*Address, error) {
	list, err := c.ListAddresses(ctx, AddressFilter{CustomerIDs: []int{in.CustomerID}})
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].CustomerID == in.CustomerID && sameAddress(createdFields(in), list[i].AddressFields) {
			return &list[i], nil
		}
	}
	return nil, nil
}

// UpdateAddress updates one address, setting every field; see PatchAddress.
func (c *Client) UpdateAddress(ctx context.Context, in AddressUpdate) (*Address, error) {
	return c.PatchAddress(ctx, in.Patch())
}

// PatchAddress changes the fields of one address that in sets; ErrNotFound
// when it does not exist. An update that would make it identical to another
// address of its customer is a *DuplicateAddressError.
func (c *Client) PatchAddress(ctx context.Context, in AddressPatch) (*Address, error) {
	got, err := c.PatchAddresses(ctx, []AddressPatch{in})
	if err != nil {
		var dup *DuplicateAddressError
		if errors.As(err, &dup) {
			return nil, dup
		}
		// BigCommerce refuses a write to a missing id with 422, not 404.
		if errors.Is(err, ErrValidation) {
			if _, getErr := c.GetAddress(ctx, in.ID); errors.Is(getErr, ErrNotFound) {
				return nil, getErr
			}
		}
		return nil, err
	}
	return &got[0], nil
}

// DeleteAddress deletes one address.
func (c *Client) DeleteAddress(ctx context.Context, id int) error {
	return c.DeleteAddresses(ctx, []int{id})
}

func addressNotFound(method string, id int) error {
	return &APIError{Method: method, Path: addressesPath, Status: http.StatusNotFound, Title: "address " + strconv.Itoa(id) + " does not exist"}
}

// createdFields is what an address will hold once created: the store's
// default type when none is given.
func createdFields(in AddressCreate) AddressFields {
	f := in.AddressFields
	if f.AddressType == "" {
		f.AddressType = "residential"
	}
	return f
}

// sameAddress compares the fields BigCommerce de-duplicates on. An empty
// requested address type matches any: it means the store's default on
// create and "unchanged" on update.
func sameAddress(want, have AddressFields) bool {
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
