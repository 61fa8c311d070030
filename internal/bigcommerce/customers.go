package bigcommerce

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Customer is a V3 customer as the API returns it.
type Customer struct {
	ID                                      int                     `json:"id"`
	Email                                   string                  `json:"email"`
	FirstName                               string                  `json:"first_name"`
	LastName                                string                  `json:"last_name"`
	Company                                 string                  `json:"company"`
	Phone                                   string                  `json:"phone"`
	Notes                                   string                  `json:"notes"`
	TaxExemptCategory                       string                  `json:"tax_exempt_category"`
	CustomerGroupID                         int                     `json:"customer_group_id"`
	RegistrationIPAddress                   string                  `json:"registration_ip_address"`
	AcceptsProductReviewAbandonedCartEmails bool                    `json:"accepts_product_review_abandoned_cart_emails"`
	StoreCreditAmounts                      []StoreCredit           `json:"store_credit_amounts"`
	OriginChannelID                         int                     `json:"origin_channel_id"`
	ChannelIDs                              []int                   `json:"channel_ids"`
	Authentication                          *CustomerAuthentication `json:"authentication,omitempty"`
	FormFields                              []FormField             `json:"form_fields"`
	DateCreated                             string                  `json:"date_created"`
	DateModified                            string                  `json:"date_modified"`
	AddressCount                            int                     `json:"address_count"`
	AttributeCount                          int                     `json:"attribute_count"`
	// ShopperProfileID and SegmentIDs are read with include=
	// shopper_profile_id,segment_ids (beta): SegmentIDs is nil when the
	// answer did not include them, and ShopperProfileID nil for a customer
	// without a shopper profile.
	ShopperProfileID *string  `json:"shopper_profile_id,omitempty"`
	SegmentIDs       []string `json:"segment_ids,omitempty"`
}

// StoreCredit is one store-credit amount.
type StoreCredit struct {
	Amount Decimal `json:"amount"`
}

// CustomerAuthentication is what a customer read says about the password.
type CustomerAuthentication struct {
	ForcePasswordReset bool `json:"force_password_reset"`
}

// AuthenticationInput sets the password and its reset flag.
type AuthenticationInput struct {
	ForcePasswordReset *bool  `json:"force_password_reset,omitempty"`
	NewPassword        string `json:"new_password,omitempty"`
}

// FormField is a form-field value of a customer or an address.
type FormField struct {
	Name  string         `json:"name"`
	Value FormFieldValue `json:"value"`
}

// FormFieldValue is one of the three JSON types the API gives form-field
// values: a string (text fields), a number (number fields) or a list of
// strings (checkboxes). Exactly one of Text, Number and List is set; List is
// non-nil (possibly empty) for a list.
type FormFieldValue struct {
	Text   *string
	Number *Decimal
	List   []string
}

// TextValue, NumberValue and ListValue build a FormFieldValue of each type.
func TextValue(s string) FormFieldValue    { return FormFieldValue{Text: &s} }
func NumberValue(d Decimal) FormFieldValue { return FormFieldValue{Number: &d} }
func ListValue(list []string) FormFieldValue {
	if list == nil {
		list = []string{}
	}
	return FormFieldValue{List: list}
}

// Equal reports whether two values have the same type and content. Numbers
// compare by their digits as sent, so 12.5 and 12.50 differ.
func (v FormFieldValue) Equal(o FormFieldValue) bool {
	switch {
	case v.Text != nil:
		return o.Text != nil && *v.Text == *o.Text
	case v.Number != nil:
		return o.Number != nil && *v.Number == *o.Number
	case v.List != nil:
		return o.List != nil && slices.Equal(v.List, o.List)
	}
	return o.Text == nil && o.Number == nil && o.List == nil
}

// MarshalJSON writes the value with its own JSON type.
func (v FormFieldValue) MarshalJSON() ([]byte, error) {
	switch {
	case v.Text != nil:
		return json.Marshal(*v.Text)
	case v.Number != nil:
		return v.Number.MarshalJSON()
	case v.List != nil:
		return json.Marshal(v.List)
	}
	return nil, errors.New("a form-field value needs a text, a number or a list")
}

// UnmarshalJSON reads a string, a number or a list of strings.
func (v *FormFieldValue) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	*v = FormFieldValue{}
	if len(b) == 0 {
		return errors.New("empty form-field value")
	}
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		v.Text = &s
	case '[':
		list := []string{}
		if err := json.Unmarshal(b, &list); err != nil {
			return fmt.Errorf("a form-field list must hold strings: %w", err)
		}
		v.List = list
	default:
		var d Decimal
		if err := d.UnmarshalJSON(b); err != nil {
			return fmt.Errorf("a form-field value must be a string, a number or a list of strings, got %s", b)
		}
		v.Number = &d
	}
	return nil
}

// CustomerCreate is one item of POST /v3/customers (customer_Post). Optional
// fields that the store fills in when absent are pointers or omitted when
// empty; plain strings are always sent so that an empty value means empty.
// The registration IP is not part of it: V3 ignores it on create, and
// SetRegistrationIP sets it through V2 afterwards.
type CustomerCreate struct {
	Email                                   string               `json:"email"`
	FirstName                               string               `json:"first_name"`
	LastName                                string               `json:"last_name"`
	Company                                 string               `json:"company"`
	Phone                                   string               `json:"phone"`
	Notes                                   string               `json:"notes"`
	TaxExemptCategory                       string               `json:"tax_exempt_category"`
	CustomerGroupID                         int                  `json:"customer_group_id"`
	Authentication                          *AuthenticationInput `json:"authentication,omitempty"`
	AcceptsProductReviewAbandonedCartEmails *bool                `json:"accepts_product_review_abandoned_cart_emails,omitempty"`
	StoreCreditAmounts                      []StoreCredit        `json:"store_credit_amounts,omitempty"`
	OriginChannelID                         *int                 `json:"origin_channel_id,omitempty"`
	// ChannelIDs nil is omitted: access to every channel.
	ChannelIDs                        []int       `json:"channel_ids,omitempty"`
	FormFields                        []FormField `json:"form_fields,omitempty"`
	TriggerAccountCreatedNotification *bool       `json:"trigger_account_created_notification,omitempty"`
}

// CustomerUpdate is one item of PUT /v3/customers (customer_Put): the id and
// only the fields to change. A nil field is not sent, so the store keeps its
// value; a pointer to "" clears a string. None of customer_Put's fields is
// nullable, so nothing is ever sent as null.
type CustomerUpdate struct {
	ID                                      int                  `json:"id"`
	Email                                   *string              `json:"email,omitempty"`
	FirstName                               *string              `json:"first_name,omitempty"`
	LastName                                *string              `json:"last_name,omitempty"`
	Company                                 *string              `json:"company,omitempty"`
	Phone                                   *string              `json:"phone,omitempty"`
	Notes                                   *string              `json:"notes,omitempty"`
	TaxExemptCategory                       *string              `json:"tax_exempt_category,omitempty"`
	CustomerGroupID                         *int                 `json:"customer_group_id,omitempty"`
	Authentication                          *AuthenticationInput `json:"authentication,omitempty"`
	AcceptsProductReviewAbandonedCartEmails *bool                `json:"accepts_product_review_abandoned_cart_emails,omitempty"`
	StoreCreditAmounts                      []StoreCredit        `json:"store_credit_amounts,omitempty"`
	ChannelIDs                              []int                `json:"channel_ids,omitempty"`
	FormFields                              []FormField          `json:"form_fields,omitempty"`
}

// Empty reports whether the update changes nothing, so that no request is
// needed.
func (u CustomerUpdate) Empty() bool {
	return u.Email == nil && u.FirstName == nil && u.LastName == nil && u.Company == nil && u.Phone == nil &&
		u.Notes == nil && u.TaxExemptCategory == nil && u.CustomerGroupID == nil && u.Authentication == nil &&
		u.AcceptsProductReviewAbandonedCartEmails == nil && u.StoreCreditAmounts == nil && u.ChannelIDs == nil &&
		u.FormFields == nil
}

// MaxBatch is how many items V3 accepts in one POST or PUT.
const MaxBatch = 10

// MaxIDsPerQuery bounds an `id:in` list so the URL stays well inside what
// the gateway accepts.
const MaxIDsPerQuery = 50

// customerIncludes asks for the sub-resources the provider manages.
const customerIncludes = "storecredit,formfields,shopper_profile_id,segment_ids"

type customerPage struct {
	Data []Customer `json:"data"`
	Meta struct {
		Pagination *Pagination `json:"pagination"`
	} `json:"meta"`
}

// Pagination is V3's offset pagination block.
type Pagination struct {
	Total       int `json:"total"`
	Count       int `json:"count"`
	PerPage     int `json:"per_page"`
	CurrentPage int `json:"current_page"`
	TotalPages  int `json:"total_pages"`
}

// GetCustomers reads the customers with the given ids; missing ids are
// simply absent from the result.
func (c *Client) GetCustomers(ctx context.Context, ids []int) ([]Customer, error) {
	var out []Customer
	for _, chunk := range chunk(ids, MaxIDsPerQuery) {
		q := url.Values{"id:in": {joinInts(chunk)}, "include": {customerIncludes}, "limit": {strconv.Itoa(len(chunk))}}
		var page customerPage
		if err := c.do(ctx, request{method: http.MethodGet, version: "v3", path: "/customers", query: q, idempotent: true}, &page); err != nil {
			return nil, err
		}
		out = append(out, page.Data...)
	}
	return out, nil
}

// CreateCustomers creates up to MaxBatch customers in one request and
// returns them in request order.
//
// A create whose answer is lost (a dropped connection, a 5xx, a truncated
// body) may have been applied. Re-sending it blindly would fail on "e-mail
// already in use" or, worse, half-apply; so the client first looks the
// customers up by e-mail, adopts those that exist with the names being
// created, and re-sends only the rest.
func (c *Client) CreateCustomers(ctx context.Context, in []CustomerCreate) ([]Customer, error) {
	out := make([]Customer, len(in))
	pending := make([]int, len(in)) // indexes into in still to create
	for i := range in {
		pending[i] = i
	}
	for attempt := 0; ; attempt++ {
		batch := make([]CustomerCreate, len(pending))
		for j, i := range pending {
			batch[j] = in[i]
		}
		var page customerPage
		err := c.do(ctx, request{method: http.MethodPost, version: "v3", path: "/customers", body: batch}, &page)
		if err == nil {
			if len(page.Data) != len(batch) {
				return nil, &OutcomeUnknownError{Method: http.MethodPost, Path: "/customers", Err: errUnexpectedCount(len(batch), len(page.Data))}
			}
			for j, i := range pending {
				out[i] = page.Data[j]
			}
			return out, nil
		}
		var unknown *OutcomeUnknownError
		if !errors.As(err, &unknown) || attempt >= c.maxRetries {
			return nil, err
		}
		if serr := c.sleep(ctx, c.backoff(attempt)); serr != nil {
			// Stopped while the outcome is unknown: say both, so the user
			// knows to look before applying again.
			return nil, errors.Join(err, serr)
		}
		if pending, err = c.adoptCreated(ctx, in, pending, out); err != nil {
			return nil, err
		}
		if len(pending) == 0 {
			return out, nil
		}
	}
}

// adoptCreated fills out with the customers of in[pending] that the store
// already holds, and returns the indexes still to create. A customer with
// the e-mail but other names is someone else: that is an error, not a match.
func (c *Client) adoptCreated(ctx context.Context, in []CustomerCreate, pending []int, out []Customer) ([]int, error) {
	emails := make([]string, len(pending))
	for j, i := range pending {
		emails[j] = in[i].Email
	}
	found, err := c.FindCustomersByEmail(ctx, emails)
	if err != nil {
		return nil, err
	}
	byEmail := make(map[string]Customer, len(found))
	for _, cu := range found {
		byEmail[strings.ToLower(cu.Email)] = cu
	}
	var still []int
	for _, i := range pending {
		cu, ok := byEmail[strings.ToLower(in[i].Email)]
		switch {
		case !ok:
			still = append(still, i)
		case cu.FirstName == in[i].FirstName && cu.LastName == in[i].LastName:
			out[i] = cu
		default:
			return nil, &APIError{Method: http.MethodPost, Path: "/customers", Status: http.StatusConflict,
				Title:  "customer e-mail already in use",
				Fields: map[string]string{strconv.Itoa(i) + ".email": "the e-mail " + in[i].Email + " already belongs to customer " + strconv.Itoa(cu.ID)}}
		}
	}
	return still, nil
}

// UpdateCustomers updates up to MaxBatch customers in one request, with at
// most MaxConcurrentCustomerPuts such requests in flight.
func (c *Client) UpdateCustomers(ctx context.Context, in []CustomerUpdate) ([]Customer, error) {
	release, err := acquire(ctx, c.puts)
	if err != nil {
		return nil, err
	}
	defer release()
	var page customerPage
	err = c.do(ctx, request{method: http.MethodPut, version: "v3", path: "/customers", body: in, idempotent: true}, &page)
	return page.Data, err
}

// DeleteCustomers deletes the named customers. Deleting one already gone
// succeeds. An empty list sends nothing.
func (c *Client) DeleteCustomers(ctx context.Context, ids []int) error {
	for _, chunk := range chunk(ids, MaxIDsPerQuery) {
		q := url.Values{"id:in": {joinInts(chunk)}}
		if err := c.do(ctx, request{method: http.MethodDelete, version: "v3", path: "/customers", query: q, idempotent: true}, nil); err != nil {
			return err
		}
	}
	return nil
}

// GetCustomer reads one customer; ErrNotFound when it does not exist.
func (c *Client) GetCustomer(ctx context.Context, id int) (*Customer, error) {
	got, err := c.GetCustomers(ctx, []int{id})
	if err != nil {
		return nil, err
	}
	return findCustomer(got, id, "GET")
}

// CreateCustomer creates one customer.
func (c *Client) CreateCustomer(ctx context.Context, in CustomerCreate) (*Customer, error) {
	got, err := c.CreateCustomers(ctx, []CustomerCreate{in})
	if err != nil {
		return nil, err
	}
	if len(got) != 1 {
		return nil, &OutcomeUnknownError{Method: http.MethodPost, Path: "/customers", Err: errUnexpectedCount(1, len(got))}
	}
	return &got[0], nil
}

// UpdateCustomer updates one customer.
func (c *Client) UpdateCustomer(ctx context.Context, in CustomerUpdate) (*Customer, error) {
	got, err := c.UpdateCustomers(ctx, []CustomerUpdate{in})
	if err != nil {
		return nil, err
	}
	return findCustomer(got, in.ID, "PUT")
}

// DeleteCustomer deletes one customer.
func (c *Client) DeleteCustomer(ctx context.Context, id int) error {
	return c.DeleteCustomers(ctx, []int{id})
}

// FindCustomerByEmail looks a customer up by e-mail, case-insensitively.
// ErrNotFound when there is none.
func (c *Client) FindCustomerByEmail(ctx context.Context, email string) (*Customer, error) {
	got, err := c.FindCustomersByEmail(ctx, []string{email})
	if err != nil {
		return nil, err
	}
	if len(got) == 0 {
		return nil, &APIError{Method: http.MethodGet, Path: "/customers", Status: http.StatusNotFound, Title: "no customer has the e-mail " + email}
	}
	return &got[0], nil
}

// FindCustomersByEmail returns the customers whose e-mail is one of emails
// (compared case-insensitively).
func (c *Client) FindCustomersByEmail(ctx context.Context, emails []string) ([]Customer, error) {
	want := map[string]bool{}
	for _, e := range emails {
		want[strings.ToLower(e)] = true
	}
	var out []Customer
	for _, chunk := range chunk(emails, MaxIDsPerQuery) {
		q := url.Values{"email:in": {strings.Join(chunk, ",")}, "include": {customerIncludes}, "limit": {"250"}}
		var page customerPage
		if err := c.do(ctx, request{method: http.MethodGet, version: "v3", path: "/customers", query: q, idempotent: true}, &page); err != nil {
			return nil, err
		}
		for _, cu := range page.Data {
			if want[strings.ToLower(cu.Email)] {
				out = append(out, cu)
			}
		}
	}
	return out, nil
}

func findCustomer(list []Customer, id int, method string) (*Customer, error) {
	for i := range list {
		if list[i].ID == id {
			return &list[i], nil
		}
	}
	return nil, &APIError{Method: method, Path: "/customers", Status: http.StatusNotFound, Title: "customer " + strconv.Itoa(id) + " does not exist"}
}

func chunk[T any](items []T, size int) [][]T {
	var out [][]T
	for len(items) > size {
		out = append(out, items[:size])
		items = items[size:]
	}
	if len(items) > 0 {
		out = append(out, items)
	}
	return out
}

func joinInts(ids []int) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.Itoa(id)
	}
	return strings.Join(parts, ",")
}

// ValidateCredentials asks the store whether email and password sign in on
// the channel (0 means the default channel). The endpoint is rate-limited
// more strictly than others; it exists here for checks, not for bulk use.
func (c *Client) ValidateCredentials(ctx context.Context, email, password string, channelID int) (bool, error) {
	body := struct {
		Email     string `json:"email"`
		Password  string `json:"password"`
		ChannelID int    `json:"channel_id,omitempty"`
	}{email, password, channelID}
	var out struct {
		IsValid bool `json:"is_valid"`
	}
	err := c.do(ctx, request{method: http.MethodPost, version: "v3", path: "/customers/validate-credentials", body: body, idempotent: true}, &out)
	return out.IsValid, err
}

// SetRegistrationIP sets a customer's registration IP address through V2's
// Update a Customer: V3 lists the field as read-only and ignores it on
// create, and V2 is the API that documents it as writable.
func (c *Client) SetRegistrationIP(ctx context.Context, id int, ip string) error {
	body := struct {
		RegistrationIPAddress string `json:"registration_ip_address"`
	}{ip}
	return c.do(ctx, request{method: http.MethodPut, version: "v2", path: "/customers/" + strconv.Itoa(id), body: body, idempotent: true}, nil)
}
