package bigcommerce

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
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

// FormField is a customer form-field value. The API sends a string, a number
// or a list of strings; Value holds a string as is and anything else as JSON.
type FormField struct {
	Name  string         `json:"name"`
	Value FormFieldValue `json:"value"`
}

// FormFieldValue is a form-field value in text form.
type FormFieldValue string

// UnmarshalJSON keeps strings as they are and other JSON values as text.
func (v *FormFieldValue) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*v = FormFieldValue(s)
		return nil
	}
	*v = FormFieldValue(bytes.TrimSpace(b))
	return nil
}

// CustomerCreate is one item of POST /v3/customers. Optional fields that the
// store fills in when absent are pointers; plain strings are always sent so
// that an empty value means empty.
type CustomerCreate struct {
	Email                                   string               `json:"email"`
	FirstName                               string               `json:"first_name"`
	LastName                                string               `json:"last_name"`
	Company                                 string               `json:"company"`
	Phone                                   string               `json:"phone"`
	Notes                                   string               `json:"notes"`
	TaxExemptCategory                       string               `json:"tax_exempt_category"`
	CustomerGroupID                         int                  `json:"customer_group_id"`
	RegistrationIPAddress                   string               `json:"registration_ip_address,omitempty"`
	Authentication                          *AuthenticationInput `json:"authentication,omitempty"`
	AcceptsProductReviewAbandonedCartEmails *bool                `json:"accepts_product_review_abandoned_cart_emails,omitempty"`
	StoreCreditAmounts                      []StoreCredit        `json:"store_credit_amounts,omitempty"`
	OriginChannelID                         *int                 `json:"origin_channel_id,omitempty"`
	// ChannelIDs nil is sent as null: access to every channel.
	ChannelIDs                        []int       `json:"channel_ids"`
	FormFields                        []FormField `json:"form_fields,omitempty"`
	TriggerAccountCreatedNotification *bool       `json:"trigger_account_created_notification,omitempty"`
}

// CustomerUpdate is one item of PUT /v3/customers. Every managed field is sent
// so that clearing a value in configuration clears it in the store.
type CustomerUpdate struct {
	ID                                      int                  `json:"id"`
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
	ChannelIDs                              []int                `json:"channel_ids"`
	FormFields                              []FormField          `json:"form_fields,omitempty"`
}

// CustomerService is the per-customer surface that resources use. The Client
// implements it with one request per call; the batching layer implements it
// by merging concurrent calls into the batch endpoints.
type CustomerService interface {
	GetCustomer(ctx context.Context, id int) (*Customer, error)
	CreateCustomer(ctx context.Context, in CustomerCreate) (*Customer, error)
	UpdateCustomer(ctx context.Context, in CustomerUpdate) (*Customer, error)
	DeleteCustomer(ctx context.Context, id int) error
}

// MaxBatch is how many items V3 accepts in one POST or PUT.
const MaxBatch = 10

// MaxIDsPerQuery bounds an `id:in` list so the URL stays well inside what
// the gateway accepts.
const MaxIDsPerQuery = 50

// customerIncludes asks for the sub-resources the provider manages.
const customerIncludes = "storecredit,formfields"

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
		if err := c.sleep(ctx, c.backoff(attempt)); err != nil {
			return nil, err
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
