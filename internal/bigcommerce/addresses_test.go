package bigcommerce

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func texasAddress(line1 string) AddressFields {
	return AddressFields{FirstName: "Jane", LastName: "Doe", Address1: line1, City: "Austin", StateOrProvince: "Texas", PostalCode: "78759", CountryCode: "US"}
}

func TestCreateAddressReportsTheSilentlyDroppedDuplicate(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{
		// BigCommerce's answer when it drops every item as a duplicate.
		{status: 200, body: `{}`},
		{status: 200, body: `{"data":[{"id":33,"customer_id":12,"first_name":"Jane","last_name":"Doe","address1":"2 Main St","city":"Austin","state_or_province":"Texas","postal_code":"78759","country_code":"US","address_type":"residential"},
		                            {"id":34,"customer_id":12,"first_name":"Jane","last_name":"Doe","address1":"1 Main St","city":"Austin","state_or_province":"Texas","postal_code":"78759","country_code":"US","address_type":"residential"}],
		                   "meta":{"pagination":{"total":2,"count":2,"per_page":250,"current_page":1,"total_pages":1}}}`},
	}}
	c := newTestClient(t, srv, &fakeClock{})
	got, err := c.CreateAddress(context.Background(), AddressCreate{CustomerID: 12, AddressFields: texasAddress("1 Main St")})
	if got != nil {
		t.Fatalf("got address %+v, want none", got)
	}
	var dup *DuplicateAddressError
	if !errors.As(err, &dup) || dup.ExistingID != 34 || !errors.Is(err, ErrConflict) {
		t.Fatalf("err = %v, want a DuplicateAddressError naming address 34", err)
	}
	if want := "customer 12 already has an identical address (id 34)"; err.Error() != want {
		t.Fatalf("message %q, want %q", err, want)
	}
	if q, _ := url.ParseQuery(srv.requests[1].query); srv.requests[1].method != "GET" || q.Get("customer_id:in") != "12" {
		t.Fatalf("looked up with %s ?%s", srv.requests[1].method, srv.requests[1].query)
	}
}

func TestCreateAddressesAlignsAPartlyDroppedBatch(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{
		{status: 200, body: `{"data":[{"id":40,"customer_id":1,"first_name":"Jane","last_name":"Doe","address1":"A","city":"Austin","state_or_province":"Texas","postal_code":"78759","country_code":"US","address_type":"residential"},
		                            {"id":41,"customer_id":2,"first_name":"Jane","last_name":"Doe","address1":"C","city":"Austin","state_or_province":"Texas","postal_code":"78759","country_code":"US","address_type":"commercial"}]}`},
		{status: 200, body: `{"data":[]}`}, // the lookup finds nothing: the id is unknown
	}}
	c := newTestClient(t, srv, &fakeClock{})
	b := texasAddress("B")
	cc := texasAddress("C")
	cc.AddressType = "commercial"
	got, err := c.CreateAddresses(context.Background(), []AddressCreate{{CustomerID: 1, AddressFields: texasAddress("A")}, {CustomerID: 1, AddressFields: b}, {CustomerID: 2, AddressFields: cc}})
	var dup *DuplicateAddressError
	if !errors.As(err, &dup) || dup.Index != 1 || dup.CustomerID != 1 || dup.ExistingID != 0 {
		t.Fatalf("err = %#v", err)
	}
	if len(got) != 3 || got[0].ID != 40 || got[1].ID != 0 || got[2].ID != 41 {
		t.Fatalf("aligned result %+v", got)
	}
	if err.Error() != "customer 1 already has an identical address" {
		t.Fatalf("message %q", err)
	}
}

func TestAddressWritesSendEveryStringSoFieldsCanBeCleared(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `{"data":[{"id":5,"customer_id":1}]}`}}}
	c := newTestClient(t, srv, &fakeClock{})
	if _, err := c.UpdateAddress(context.Background(), AddressUpdate{ID: 5, AddressFields: AddressFields{FirstName: "Jane"}}); err != nil {
		t.Fatal(err)
	}
	var body []map[string]any
	if err := json.Unmarshal([]byte(srv.requests[0].body), &body); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"company", "address2", "state_or_province", "postal_code", "phone"} {
		if v, ok := body[0][field]; !ok || v != "" {
			t.Errorf("%s sent as %v (present: %t), want \"\"", field, v, ok)
		}
	}
	if _, ok := body[0]["address_type"]; ok {
		t.Error("an empty address_type was sent; it cannot be cleared and means unchanged")
	}
	if _, ok := body[0]["customer_id"]; ok {
		t.Error("an update sent customer_id")
	}
}

func TestUpdateAddressDroppedAsDuplicateOrNoOp(t *testing.T) {
	current := `{"data":[{"id":7,"customer_id":3,"first_name":"Jane","last_name":"Doe","address1":"1 Main St","city":"Austin","state_or_province":"Texas","postal_code":"78759","country_code":"US","address_type":"residential"}]}`
	t.Run("duplicate", func(t *testing.T) {
		srv := &scriptedServer{responses: []scripted{
			{status: 200, body: `{}`},
			{status: 200, body: current},
			{status: 200, body: `{"data":[{"id":7,"customer_id":3,"address1":"1 Main St"},{"id":8,"customer_id":3,"first_name":"Jane","last_name":"Doe","address1":"2 Main St","city":"Austin","state_or_province":"Texas","postal_code":"78759","country_code":"US","address_type":"residential"}]}`},
		}}
		c := newTestClient(t, srv, &fakeClock{})
		_, err := c.UpdateAddress(context.Background(), AddressUpdate{ID: 7, AddressFields: texasAddress("2 Main St")})
		var dup *DuplicateAddressError
		if !errors.As(err, &dup) || dup.ExistingID != 8 || dup.AddressID != 7 {
			t.Fatalf("err = %v", err)
		}
		if want := "customer 3 already has an identical address (id 8), so BigCommerce left address 7 unchanged"; err.Error() != want {
			t.Fatalf("message %q, want %q", err, want)
		}
	})
	t.Run("already so", func(t *testing.T) {
		srv := &scriptedServer{responses: []scripted{{status: 200, body: `{}`}, {status: 200, body: current}}}
		c := newTestClient(t, srv, &fakeClock{})
		got, err := c.UpdateAddress(context.Background(), AddressUpdate{ID: 7, AddressFields: texasAddress("1 Main St")})
		if err != nil || got.ID != 7 {
			t.Fatalf("got %+v, %v", got, err)
		}
	})
	t.Run("gone", func(t *testing.T) {
		srv := &scriptedServer{responses: []scripted{{status: 200, body: `{}`}, {status: 200, body: `{"data":[]}`}}}
		c := newTestClient(t, srv, &fakeClock{})
		if _, err := c.UpdateAddress(context.Background(), AddressUpdate{ID: 7, AddressFields: texasAddress("1 Main St")}); !errors.Is(err, ErrNotFound) {
			t.Fatalf("err = %v, want ErrNotFound", err)
		}
	})
}

func TestListAddressesFollowsEveryPage(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{
		{status: 200, body: `{"data":[{"id":1},{"id":2}],"meta":{"pagination":{"total":3,"count":2,"current_page":1,"total_pages":2}}}`},
		{status: 200, body: `{"data":[{"id":3}],"meta":{"pagination":{"total":3,"count":1,"current_page":2,"total_pages":2}}}`},
	}}
	c := newTestClient(t, srv, &fakeClock{})
	got, err := c.ListAddresses(context.Background(), AddressFilter{CustomerIDs: []int{4, 5}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || len(srv.requests) != 2 {
		t.Fatalf("got %d addresses in %d requests", len(got), len(srv.requests))
	}
	q, _ := url.ParseQuery(srv.requests[1].query)
	if q.Get("customer_id:in") != "4,5" || q.Get("page") != "2" || q.Get("limit") != "250" {
		t.Fatalf("second page asked with %q", srv.requests[1].query)
	}
}

func TestGetAddressNotFound(t *testing.T) {
	c := newTestClient(t, &scriptedServer{}, &fakeClock{})
	if _, err := c.GetAddress(context.Background(), 9); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestSubresourceDeletesAlwaysNameTheirIDs(t *testing.T) {
	srv := &scriptedServer{}
	c := newTestClient(t, srv, &fakeClock{})
	ctx := context.Background()
	for _, del := range []func([]int) error{
		func(ids []int) error { return c.DeleteAddresses(ctx, ids) },
		func(ids []int) error { return c.DeleteAttributes(ctx, ids) },
		func(ids []int) error { return c.DeleteAttributeValues(ctx, ids) },
	} {
		if err := del(nil); err != nil {
			t.Fatal(err)
		}
	}
	if len(srv.requests) != 0 {
		t.Fatalf("deleting nothing sent %d requests", len(srv.requests))
	}
	_ = c.DeleteAddress(ctx, 3)
	_ = c.DeleteAttribute(ctx, 4)
	_ = c.DeleteAttributeValue(ctx, 5)
	var got []string
	for _, r := range srv.requests {
		got = append(got, r.method+" "+r.path+"?"+r.query)
	}
	want := []string{
		"DELETE /stores/abc123/v3/customers/addresses?id:in=3",
		"DELETE /stores/abc123/v3/customers/attributes?id:in=4",
		"DELETE /stores/abc123/v3/customers/attribute-values?id:in=5",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("deletes (-want +got):\n%s", diff)
	}
}

// Against the sandbox store.

// newSubresourceSandbox serves a fresh sandbox store behind an
// applyThenLose, which can make requests look lost.
func newSubresourceSandbox(t *testing.T) (*Client, *applyThenLose) {
	t.Helper()
	store := sandbox.New(sandbox.Options{Quota: -1})
	loser := &applyThenLose{next: store}
	srv := httptest.NewServer(loser)
	t.Cleanup(srv.Close)
	c, err := New(Config{BaseURL: srv.URL, StoreHash: "sandbox", AccessToken: "sandbox-token", sleep: (&fakeClock{}).sleep})
	if err != nil {
		t.Fatal(err)
	}
	return c, loser
}

type applyThenLose struct {
	next http.Handler
	mu   sync.Mutex
	// lose is how many of the next requests matching method and path are
	// answered 502, after being applied when apply is set.
	lose         int
	method, path string
	apply        bool
	sent         int // requests that matched method and path
}

func (l *applyThenLose) loseNext(n int, method, path string, apply bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lose, l.method, l.path, l.apply, l.sent = n, method, path, apply, 0
}

func (l *applyThenLose) matched() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sent
}

func (l *applyThenLose) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	l.mu.Lock()
	match := r.Method == l.method && strings.HasSuffix(r.URL.Path, l.path)
	if match {
		l.sent++
	}
	lose := match && l.lose > 0
	if lose {
		l.lose--
	}
	apply := l.apply
	l.mu.Unlock()
	if !lose {
		l.next.ServeHTTP(w, r)
		return
	}
	if apply {
		l.next.ServeHTTP(httptest.NewRecorder(), r)
	}
	w.WriteHeader(http.StatusBadGateway)
}

func subresourceCustomer(t *testing.T, c *Client, email string) int {
	t.Helper()
	cu, err := c.CreateCustomer(context.Background(), CustomerCreate{Email: email, FirstName: "Jane", LastName: "Doe"})
	if err != nil {
		t.Fatal(err)
	}
	return cu.ID
}

func TestSandboxAddressLifecycle(t *testing.T) {
	c, _ := newSubresourceSandbox(t)
	ctx := context.Background()
	cid := subresourceCustomer(t, c, "a@example.com")

	fields := texasAddress("1 Main St")
	fields.Company, fields.Phone = "Acme", "555-0100"
	created, err := c.CreateAddress(ctx, AddressCreate{CustomerID: cid, AddressFields: fields})
	if err != nil {
		t.Fatal(err)
	}
	if created.Country != "United States" || created.AddressType != "residential" || created.Company != "Acme" {
		t.Fatalf("created %+v", created)
	}

	// The exact same address again: the store drops it without an error.
	_, err = c.CreateAddress(ctx, AddressCreate{CustomerID: cid, AddressFields: fields})
	var dup *DuplicateAddressError
	if !errors.As(err, &dup) || dup.ExistingID != created.ID {
		t.Fatalf("err = %v, want a duplicate of %d", err, created.ID)
	}

	// Clearing optional fields clears them.
	cleared := texasAddress("1 Main St")
	updated, err := c.UpdateAddress(ctx, AddressUpdate{ID: created.ID, AddressFields: cleared})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Company != "" || updated.Phone != "" {
		t.Fatalf("not cleared: %+v", updated)
	}

	second, err := c.CreateAddress(ctx, AddressCreate{CustomerID: cid, AddressFields: texasAddress("2 Main St")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.UpdateAddress(ctx, AddressUpdate{ID: second.ID, AddressFields: cleared})
	if !errors.As(err, &dup) || dup.ExistingID != created.ID || dup.AddressID != second.ID {
		t.Fatalf("err = %v, want a duplicate of %d", err, created.ID)
	}

	list, err := c.ListAddresses(ctx, AddressFilter{CustomerIDs: []int{cid}})
	if err != nil || len(list) != 2 {
		t.Fatalf("listed %d addresses, %v", len(list), err)
	}
	if err := c.DeleteAddresses(ctx, []int{created.ID, second.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetAddress(ctx, created.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v after delete, want ErrNotFound", err)
	}
	if _, err := c.UpdateAddress(ctx, AddressUpdate{ID: created.ID, AddressFields: cleared}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("updating a deleted address: err = %v, want ErrNotFound", err)
	}
}

func TestSandboxLostCreateResponseNeverDuplicatesAnAddress(t *testing.T) {
	c, loser := newSubresourceSandbox(t)
	ctx := context.Background()
	cid := subresourceCustomer(t, c, "lost@example.com")

	for _, tt := range []struct {
		line1     string
		applied   bool
		wantPosts int
	}{
		{"1 Main St", true, 1},  // the lookup finds the applied address
		{"2 Main St", false, 2}, // the lookup finds nothing: sent again
	} {
		loser.loseNext(1, http.MethodPost, "/customers/addresses", tt.applied)
		got, err := c.CreateAddress(ctx, AddressCreate{CustomerID: cid, AddressFields: texasAddress(tt.line1)})
		if err != nil {
			t.Fatal(err)
		}
		list, _ := c.ListAddresses(ctx, AddressFilter{CustomerIDs: []int{cid}})
		var same []int
		for _, a := range list {
			if a.Address1 == tt.line1 {
				same = append(same, a.ID)
			}
		}
		if len(same) != 1 || same[0] != got.ID {
			t.Fatalf("applied=%t: the customer has addresses %v at %s, want exactly %d", tt.applied, same, tt.line1, got.ID)
		}
		if n := loser.matched(); n != tt.wantPosts {
			t.Fatalf("applied=%t: sent %d creates, want %d", tt.applied, n, tt.wantPosts)
		}
	}
}

func TestPatchAddressSendsOnlyTheFieldsItSets(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `{"data":[{"id":5,"customer_id":1}]}`}}}
	c := newTestClient(t, srv, &fakeClock{})
	empty, phone := "", "555-0199"
	if _, err := c.PatchAddress(context.Background(), AddressPatch{ID: 5, Company: &empty, Phone: &phone}); err != nil {
		t.Fatal(err)
	}
	if want := `[{"id":5,"company":"","phone":"555-0199"}]`; srv.requests[0].body != want {
		t.Errorf("body %s, want %s", srv.requests[0].body, want)
	}
}

func TestPatchAddressDroppedAsDuplicateOrNoOp(t *testing.T) {
	current := `{"data":[{"id":7,"customer_id":3,"first_name":"Jane","last_name":"Doe","address1":"1 Main St","city":"Austin","state_or_province":"Texas","postal_code":"78759","country_code":"US","address_type":"residential"}]}`
	line := func(s string) *string { return &s }
	t.Run("duplicate", func(t *testing.T) {
		srv := &scriptedServer{responses: []scripted{
			{status: 200, body: `{}`},
			{status: 200, body: current},
			{status: 200, body: `{"data":[{"id":7,"customer_id":3,"address1":"1 Main St"},{"id":8,"customer_id":3,"first_name":"Jane","last_name":"Doe","address1":"2 Main St","city":"Austin","state_or_province":"Texas","postal_code":"78759","country_code":"US","address_type":"residential"}]}`},
		}}
		c := newTestClient(t, srv, &fakeClock{})
		// The fields the patch leaves out are the current address's.
		_, err := c.PatchAddress(context.Background(), AddressPatch{ID: 7, Address1: line("2 Main St")})
		var dup *DuplicateAddressError
		if !errors.As(err, &dup) || dup.ExistingID != 8 || dup.AddressID != 7 {
			t.Fatalf("err = %v, want a DuplicateAddressError naming 8", err)
		}
	})
	t.Run("already so", func(t *testing.T) {
		srv := &scriptedServer{responses: []scripted{{status: 200, body: `{}`}, {status: 200, body: current}}}
		c := newTestClient(t, srv, &fakeClock{})
		got, err := c.PatchAddress(context.Background(), AddressPatch{ID: 7, Address1: line("1 Main St")})
		if err != nil || got.ID != 7 || got.City != "Austin" {
			t.Fatalf("got %+v, %v", got, err)
		}
	})
}
