package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is an injectable Options.Now.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// api sends requests to a Store through httptest.NewRecorder.
type api struct {
	t     *testing.T
	store *Store
	clock *fakeClock
	token string
}

func newAPI(t *testing.T, opts Options) *api {
	t.Helper()
	clock := newClock()
	if opts.Now == nil {
		opts.Now = clock.Now
	}
	if opts.Quota == 0 {
		opts.Quota = -1 // most tests are not about the quota
	}
	return &api{t: t, store: New(opts), clock: clock, token: "sandbox-token"}
}

type result struct {
	status int
	header http.Header
	body   []byte
}

// do sends method path (below /stores/sandbox) with body: nil for none, a
// string as is, anything else as JSON.
func (a *api) do(method, path string, body any) *result {
	a.t.Helper()
	return a.doWith(method, "/stores/sandbox"+path, body, func(r *http.Request) {})
}

func (a *api) doWith(method, target string, body any, edit func(*http.Request)) *result {
	a.t.Helper()
	var rd io.Reader
	if body != nil {
		s, ok := body.(string)
		if !ok {
			b, err := json.Marshal(body)
			if err != nil {
				a.t.Fatal(err)
			}
			s = string(b)
		}
		rd = strings.NewReader(s)
	}
	req := httptest.NewRequest(method, target, rd)
	req.Header.Set("X-Auth-Token", a.token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	edit(req)
	rec := httptest.NewRecorder()
	a.store.ServeHTTP(rec, req)
	return &result{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

func (r *result) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %s: %v", r.body, err)
	}
}

func (r *result) want(t *testing.T, status int) *result {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	return r
}

// v3Err is a V3 error body.
type v3Err struct {
	Status int               `json:"status"`
	Title  string            `json:"title"`
	Type   string            `json:"type"`
	Errors map[string]string `json:"errors"`
}

// customerOut is the part of a V3 customer the tests look at.
type customerOut struct {
	ID                    int    `json:"id"`
	Email                 string `json:"email"`
	FirstName             string `json:"first_name"`
	LastName              string `json:"last_name"`
	Company               string `json:"company"`
	CustomerGroupID       int    `json:"customer_group_id"`
	DateCreated           string `json:"date_created"`
	DateModified          string `json:"date_modified"`
	AddressCount          int    `json:"address_count"`
	AttributeCount        int    `json:"attribute_count"`
	OriginChannelID       int    `json:"origin_channel_id"`
	RegistrationIPAddress string `json:"registration_ip_address"`
	ChannelIDs            []int  `json:"channel_ids"`
	Addresses             *[]any `json:"addresses"`
	Attributes            *[]any `json:"attributes"`
	FormFields            *[]any `json:"form_fields"`
	StoreCreditAmounts    *[]struct {
		Amount json.Number `json:"amount"`
	} `json:"store_credit_amounts"`
}

type customersPage struct {
	Data []customerOut `json:"data"`
	Meta struct {
		Pagination *pagination `json:"pagination"`
	} `json:"meta"`
}

func (a *api) customers(query string) customersPage {
	a.t.Helper()
	var p customersPage
	a.do("GET", "/v3/customers"+query, nil).want(a.t, 200).decode(a.t, &p)
	return p
}

// newCustomer is a minimal valid POST /v3/customers item.
func newCustomer(email string) map[string]any {
	return map[string]any{"email": email, "first_name": "Jane", "last_name": "Smith"}
}

// createCustomers posts items and returns the created ids.
func (a *api) createCustomers(items ...map[string]any) []int {
	a.t.Helper()
	var p customersPage
	a.do("POST", "/v3/customers", items).want(a.t, 200).decode(a.t, &p)
	ids := make([]int, len(p.Data))
	for i, c := range p.Data {
		ids[i] = c.ID
	}
	return ids
}

func usAddress(customerID int, line1 string) map[string]any {
	return map[string]any{
		"customer_id": customerID, "first_name": "Jane", "last_name": "Smith", "address1": line1,
		"city": "Austin", "state_or_province": "Texas", "postal_code": "78759", "country_code": "US",
	}
}

func repeat(n int, f func(i int) map[string]any) []map[string]any {
	out := make([]map[string]any, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

func email(i int) string { return fmt.Sprintf("user%d@example.com", i) }
