package bigcommerce

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

const wholesaleJSON = `{"id":4,"name":"Wholesale","is_default":false,"is_group_for_guests":false,
 "category_access":{"type":"specific","categories":[18,19]},
 "discount_rules":[{"type":"all","method":"percent","amount":"5.0000"},{"type":"category","method":"fixed","amount":"43.1500","category_id":18},{"type":"price_list","price_list_id":3}],
 "date_created":"2023-07-17 06:30:41","date_modified":"2023-07-25 01:15:19"}`

func TestGetCustomerGroupDecodesTheSpecShape(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: wholesaleJSON}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	got, err := c.GetCustomerGroup(context.Background(), 4)
	if err != nil {
		t.Fatal(err)
	}
	want := &CustomerGroup{
		ID: 4, Name: "Wholesale",
		CategoryAccess: CategoryAccess{Type: "specific", Categories: []int{18, 19}},
		DiscountRules: []DiscountRule{
			{Type: "all", Method: "percent", Amount: "5.0000"},
			{Type: "category", Method: "fixed", Amount: "43.1500", CategoryID: 18},
			{Type: "price_list", PriceListID: 3},
		},
		DateCreated: "2023-07-17 06:30:41", DateModified: "2023-07-25 01:15:19",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("group (-want +got):\n%s", diff)
	}
	if r := srv.requests[0]; r.method != "GET" || r.path != "/stores/abc123/v2/customer_groups/4" {
		t.Fatalf("sent %s %s", r.method, r.path)
	}
}

func TestGetCustomerGroupNotFound(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 404, body: `[{"status":404,"message":"The requested resource was not found."}]`}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	if _, err := c.GetCustomerGroup(context.Background(), 9); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestListCustomerGroupsFollowsEveryPage(t *testing.T) {
	page := func(from, n int) string {
		items := make([]string, n)
		for i := range items {
			items[i] = fmt.Sprintf(`{"id":%d,"name":"G%d","category_access":{"type":"all"},"discount_rules":[]}`, from+i, from+i)
		}
		return "[" + strings.Join(items, ",") + "]"
	}
	srv := &scriptedServer{responses: []scripted{{status: 200, body: page(1, 250)}, {status: 200, body: page(251, 250)}, {status: 204}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	got, err := c.ListCustomerGroups(context.Background(), CustomerGroupFilter{Name: "A&B Wholesale", NameLike: "Whole"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 500 || got[0].ID != 1 || got[499].ID != 500 {
		t.Fatalf("got %d groups", len(got))
	}
	if len(srv.requests) != 3 {
		t.Fatalf("sent %d requests, want 3 (two full pages, then an empty answer)", len(srv.requests))
	}
	for i, r := range srv.requests {
		want := fmt.Sprintf("limit=250&name=A%%26B+Wholesale&name:like=Whole&page=%d", i+1)
		if r.query != want {
			t.Errorf("request %d query %q, want %q", i, r.query, want)
		}
	}
}

func TestListCustomerGroupsStopsAtAShortPage(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `[{"id":1,"name":"Retail"}]`}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	got, err := c.ListCustomerGroups(context.Background(), CustomerGroupFilter{})
	if err != nil || len(got) != 1 || len(srv.requests) != 1 {
		t.Fatalf("got %v, %v after %d requests", got, err, len(srv.requests))
	}
}

func TestCreateCustomerGroupBody(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 201, body: wholesaleJSON}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	isDefault := false
	_, err := c.CreateCustomerGroup(context.Background(), CustomerGroupInput{
		Name:           "Wholesale",
		IsDefault:      &isDefault,
		CategoryAccess: &CategoryAccess{Type: "all", Categories: []int{7}},
		DiscountRules: &[]DiscountRule{
			{Type: "all", Method: "percent", Amount: "5"},
			{Type: "category", Method: "fixed", Amount: "0.1", CategoryID: 18},
			{Type: "price_list", Method: "percent", Amount: "1", PriceListID: 3},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Amounts travel as strings with their exact digits; a price_list rule
	// carries neither method nor amount; categories only with specific.
	want := `{"name":"Wholesale","is_default":false,"category_access":{"type":"all"},"discount_rules":[` +
		`{"type":"all","method":"percent","amount":"5"},` +
		`{"type":"category","method":"fixed","amount":"0.1","category_id":18},` +
		`{"type":"price_list","price_list_id":3}]}`
	if got := srv.requests[0].body; got != want {
		t.Fatalf("body\n got %s\nwant %s", got, want)
	}
}

func TestUpdateCustomerGroupSendsAnEmptyRuleSetToClearRules(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `{"id":4,"name":"W","discount_rules":[]}`}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	if _, err := c.UpdateCustomerGroup(context.Background(), 4, CustomerGroupInput{Name: "W", DiscountRules: &[]DiscountRule{}}); err != nil {
		t.Fatal(err)
	}
	if r := srv.requests[0]; r.method != "PUT" || r.path != "/stores/abc123/v2/customer_groups/4" || r.body != `{"name":"W","discount_rules":[]}` {
		t.Fatalf("sent %s %s %s", r.method, r.path, r.body)
	}
}

func TestPatchCustomerGroupSendsOnlyTheFieldsItSets(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `{"id":4,"name":"W","is_default":true}`}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	yes := true
	if _, err := c.PatchCustomerGroup(context.Background(), 4, CustomerGroupPatch{IsDefault: &yes}); err != nil {
		t.Fatal(err)
	}
	if r := srv.requests[0]; r.method != "PUT" || r.path != "/stores/abc123/v2/customer_groups/4" || r.body != `{"is_default":true}` {
		t.Fatalf("sent %s %s %s", r.method, r.path, r.body)
	}
}

func TestPatchCustomerGroupNeverSendsNullRules(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `{"id":4,"name":"W","discount_rules":[]}`}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	var none []DiscountRule
	if _, err := c.PatchCustomerGroup(context.Background(), 4, CustomerGroupPatch{DiscountRules: &none}); err != nil {
		t.Fatal(err)
	}
	if body := srv.requests[0].body; body != `{"discount_rules":[]}` {
		t.Fatalf("sent %s, want an empty rule set", body)
	}
}

const body207 = `{"status":207,"message":"The customer group was updated, but the sitewide discount update failed. You may retry the request."}`

func TestUpdate207IsRetriedOnce(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 207, body: body207}, {status: 200, body: wholesaleJSON}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	rules := []DiscountRule{{Type: "all", Method: "percent", Amount: "5"}}
	got, err := c.UpdateCustomerGroup(context.Background(), 4, CustomerGroupInput{Name: "Wholesale", DiscountRules: &rules})
	if err != nil || got.ID != 4 {
		t.Fatalf("got %v, %v", got, err)
	}
	if len(srv.requests) != 2 || srv.requests[0].body != srv.requests[1].body {
		t.Fatalf("want the same PUT twice, sent %d requests", len(srv.requests))
	}
}

func TestUpdate207TwiceIsAPartialSaveError(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{
		{status: 207, body: body207},
		{status: 207, body: body207},
		{status: 200, body: `{"id":4,"name":"Wholesale","category_access":{"type":"all"},"discount_rules":[]}`},
	}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	rules := []DiscountRule{{Type: "all", Method: "percent", Amount: "5"}}
	got, err := c.UpdateCustomerGroup(context.Background(), 4, CustomerGroupInput{Name: "Wholesale", DiscountRules: &rules})
	if got != nil || !errors.Is(err, ErrPartialSave) {
		t.Fatalf("got %v, err = %v, want ErrPartialSave", got, err)
	}
	var partial *PartialSaveError
	if !errors.As(err, &partial) || partial.Group.ID != 4 || len(partial.Group.DiscountRules) != 0 {
		t.Fatalf("err = %#v, want the group as read back", err)
	}
	if !strings.Contains(err.Error(), "discount_rules") || !strings.Contains(err.Error(), "sitewide discount update failed") {
		t.Fatalf("message %q names neither discount_rules nor the store's reason", err)
	}
	if r := srv.requests[2]; r.method != "GET" || r.path != "/stores/abc123/v2/customer_groups/4" {
		t.Fatalf("third request %s %s, want the read-back", r.method, r.path)
	}
}

func TestUpdate207TwiceButRulesSavedIsSuccess(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 207, body: body207}, {status: 207, body: body207}, {status: 200, body: wholesaleJSON}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	// Same rules, other order and spelling: what the store holds counts.
	rules := []DiscountRule{{Type: "price_list", PriceListID: 3}, {Type: "category", Method: "fixed", Amount: "43.15", CategoryID: 18}, {Type: "all", Method: "percent", Amount: "5"}}
	if _, err := c.UpdateCustomerGroup(context.Background(), 4, CustomerGroupInput{Name: "Wholesale", DiscountRules: &rules}); err != nil {
		t.Fatal(err)
	}
}

func TestCreateAfterAnUnknownOutcomeAdoptsTheGroupInsteadOfResending(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 502}, {status: 200, body: "[" + wholesaleJSON + "]"}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	got, err := c.CreateCustomerGroup(context.Background(), CustomerGroupInput{Name: "Wholesale"})
	if err != nil || got.ID != 4 {
		t.Fatalf("got %v, %v", got, err)
	}
	if len(srv.requests) != 2 || srv.requests[1].method != "GET" || !strings.Contains(srv.requests[1].query, "name=Wholesale") {
		t.Fatalf("requests %+v, want POST then a look-up by name", srv.requests)
	}
}

func TestCreateAfterAnUnknownOutcomeResendsWhenNothingWasSaved(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 503}, {status: 204}, {status: 201, body: wholesaleJSON}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	got, err := c.CreateCustomerGroup(context.Background(), CustomerGroupInput{Name: "Wholesale"})
	if err != nil || got.ID != 4 {
		t.Fatalf("got %v, %v", got, err)
	}
	var methods []string
	for _, r := range srv.requests {
		methods = append(methods, r.method)
	}
	if diff := cmp.Diff([]string{"POST", "GET", "POST"}, methods); diff != "" {
		t.Fatalf("requests (-want +got):\n%s", diff)
	}
}

func TestCreateGivesUpWhenTheOutcomeStaysUnknown(t *testing.T) {
	srv := &scriptedServer{}
	for range maxGroupCreateAttempts {
		srv.responses = append(srv.responses, scripted{status: 500}, scripted{status: 204})
	}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	_, err := c.CreateCustomerGroup(context.Background(), CustomerGroupInput{Name: "Wholesale"})
	var unknown *OutcomeUnknownError
	if !errors.As(err, &unknown) {
		t.Fatalf("err = %v, want OutcomeUnknownError", err)
	}
	if len(srv.requests) != 2*maxGroupCreateAttempts {
		t.Fatalf("sent %d requests, want %d", len(srv.requests), 2*maxGroupCreateAttempts)
	}
}

func TestCreateConflictIsNotRetried(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 409, body: `[{"status":409,"message":"The field 'name' is invalid.","details":{"conflict_reason":"A customer group named \"Wholesale\" already exists."}}]`}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	_, err := c.CreateCustomerGroup(context.Background(), CustomerGroupInput{Name: "Wholesale"})
	if !errors.Is(err, ErrConflict) || len(srv.requests) != 1 {
		t.Fatalf("err = %v after %d requests, want one ErrConflict", err, len(srv.requests))
	}
}

func TestDeleteCustomerGroupAlreadyGoneSucceeds(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 404, body: `[{"status":404,"message":"The requested resource was not found."}]`}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	if err := c.DeleteCustomerGroup(context.Background(), 4); err != nil {
		t.Fatal(err)
	}
	if r := srv.requests[0]; r.method != "DELETE" || r.path != "/stores/abc123/v2/customer_groups/4" || r.query != "" {
		t.Fatalf("sent %s %s?%s", r.method, r.path, r.query)
	}
	if err := c.DeleteCustomerGroup(context.Background(), 0); err == nil || len(srv.requests) != 1 {
		t.Fatal("deleting group 0 must be refused without a request")
	}
}

// Against the sandbox store.

func newSandboxClient(t *testing.T, h http.Handler) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(Config{BaseURL: srv.URL, StoreHash: "sandbox", AccessToken: "sandbox-token", sleep: (&fakeClock{t: time.Unix(0, 0)}).sleep})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCustomerGroupLifecycleAgainstTheSandbox(t *testing.T) {
	store := sandbox.New(sandbox.Options{Quota: -1})
	c := newSandboxClient(t, store)
	ctx := context.Background()
	yes := true
	rules := []DiscountRule{
		{Type: "all", Method: "percent", Amount: "12.5"},
		{Type: "product", Method: "price", Amount: "43.15", ProductID: 3},
	}
	created, err := c.CreateCustomerGroup(ctx, CustomerGroupInput{
		Name: "Wholesale", IsDefault: &yes,
		CategoryAccess: &CategoryAccess{Type: "specific", Categories: []int{18, 19}},
		DiscountRules:  &rules,
	})
	if err != nil {
		t.Fatal(err)
	}
	if !created.IsDefault || created.CategoryAccess.Type != "specific" || !rulesMatch(&rules, created.DiscountRules) || created.DateCreated == "" {
		t.Fatalf("created %+v", created)
	}
	if created.DiscountRules[1].Amount != "43.1500" {
		t.Fatalf("amount %q, want V2's exact string 43.1500", created.DiscountRules[1].Amount)
	}

	got, err := c.GetCustomerGroup(ctx, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(created, got); diff != "" {
		t.Fatalf("read back (-created +read):\n%s", diff)
	}

	updated, err := c.UpdateCustomerGroup(ctx, created.ID, CustomerGroupInput{
		Name: "Wholesale EU", CategoryAccess: &CategoryAccess{Type: "none"}, DiscountRules: &[]DiscountRule{},
	})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Name != "Wholesale EU" || updated.CategoryAccess.Categories != nil || len(updated.DiscountRules) != 0 || !updated.IsDefault {
		t.Fatalf("updated %+v", updated)
	}

	found, err := c.FindCustomerGroupByName(ctx, "wholesale eu")
	if err != nil || found.ID != created.ID {
		t.Fatalf("found %v, %v", found, err)
	}
	if _, err := c.FindCustomerGroupByName(ctx, "Retail"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}

	// Deleting the group leaves its customers in the store, with no group.
	members := store.SeedCustomers(2, created.ID)
	if err := c.DeleteCustomerGroup(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetCustomerGroup(ctx, created.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound after delete", err)
	}
	if err := c.DeleteCustomerGroup(ctx, created.ID); err != nil {
		t.Fatalf("deleting again: %v", err)
	}
	for _, id := range members {
		cu, err := c.GetCustomer(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if cu.CustomerGroupID != 0 {
			t.Errorf("customer %d still in group %d", id, cu.CustomerGroupID)
		}
	}
}

func TestListCustomerGroupsPagesThroughTheSandbox(t *testing.T) {
	store := sandbox.New(sandbox.Options{Quota: -1})
	for i := range 260 {
		store.SeedGroup(fmt.Sprintf("Group %03d", i))
	}
	c := newSandboxClient(t, store)
	all, err := c.ListCustomerGroups(context.Background(), CustomerGroupFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 260 || all[259].Name != "Group 259" {
		t.Fatalf("listed %d groups", len(all))
	}
	some, err := c.ListCustomerGroups(context.Background(), CustomerGroupFilter{NameLike: "Group 25"})
	if err != nil || len(some) != 10 {
		t.Fatalf("name:like listed %d groups, %v", len(some), err)
	}
	if n := store.Stats().Requests["GET /v2/customer_groups"]; n != 3 {
		t.Fatalf("sent %d list requests, want 3 (two pages, then one filtered page)", n)
	}
}

func TestDiscount207AgainstTheSandbox(t *testing.T) {
	store := sandbox.New(sandbox.Options{Quota: -1})
	c := newSandboxClient(t, store)
	ctx := context.Background()
	rules := []DiscountRule{{Type: "all", Method: "percent", Amount: "10"}}

	store.SetFaults(sandbox.Faults{GroupDiscount207: true})
	_, err := c.CreateCustomerGroup(ctx, CustomerGroupInput{Name: "VIP", DiscountRules: &rules})
	var partial *PartialSaveError
	if !errors.As(err, &partial) {
		t.Fatalf("err = %v, want *PartialSaveError", err)
	}
	if partial.Group.Name != "VIP" || len(partial.Group.DiscountRules) != 0 {
		t.Fatalf("partial group %+v", partial.Group)
	}
	all, _ := c.ListCustomerGroups(ctx, CustomerGroupFilter{})
	if len(all) != 1 {
		t.Fatalf("%d groups after a 207, want exactly 1 (no duplicate)", len(all))
	}

	_, err = c.UpdateCustomerGroup(ctx, partial.Group.ID, CustomerGroupInput{Name: "VIP", DiscountRules: &rules})
	if !errors.Is(err, ErrPartialSave) {
		t.Fatalf("update err = %v, want ErrPartialSave", err)
	}
	if n := store.Stats().InjectedFaults["group_discount_207"]; n != 4 {
		t.Fatalf("store answered 207 %d times, want 4 (create, its retry, update, its retry)", n)
	}

	// Once the store saves discounts again, the update goes through.
	store.SetFaults(sandbox.Faults{})
	got, err := c.UpdateCustomerGroup(ctx, partial.Group.ID, CustomerGroupInput{Name: "VIP", DiscountRules: &rules})
	if err != nil || !rulesMatch(&rules, got.DiscountRules) {
		t.Fatalf("got %+v, %v", got, err)
	}
}

// lostResponse applies the first customer-group POST, then answers 502 as
// a gateway that lost the store's answer would.
type lostResponse struct {
	next http.Handler
	done atomic.Bool
}

func (l *lostResponse) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/v2/customer_groups") && !l.done.Swap(true) {
		l.next.ServeHTTP(httptest.NewRecorder(), r)
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	l.next.ServeHTTP(w, r)
}

func TestCreateWithALostResponseMakesNoDuplicateInTheSandbox(t *testing.T) {
	store := sandbox.New(sandbox.Options{Quota: -1})
	c := newSandboxClient(t, &lostResponse{next: store})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rules := []DiscountRule{{Type: "category", Method: "percent", Amount: "3", CategoryID: 5}}
	got, err := c.CreateCustomerGroup(ctx, CustomerGroupInput{Name: "Trade", DiscountRules: &rules})
	if err != nil {
		t.Fatal(err)
	}
	all, err := c.ListCustomerGroups(ctx, CustomerGroupFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].ID != got.ID || !rulesMatch(&rules, all[0].DiscountRules) {
		t.Fatalf("store holds %+v, want exactly the one group", all)
	}
	if n := store.Stats().Requests["POST /v2/customer_groups"]; n != 1 {
		t.Fatalf("sent %d POSTs, want 1", n)
	}
}

func TestDiscountRuleAmountsStayExact(t *testing.T) {
	var r DiscountRule
	if err := json.Unmarshal([]byte(`{"type":"all","method":"fixed","amount":"0.1000"}`), &r); err != nil {
		t.Fatal(err)
	}
	if r.Amount != "0.1000" || !SameDiscountRule(r, DiscountRule{Type: "all", Method: "fixed", Amount: "0.1"}) {
		t.Fatalf("amount %q", r.Amount)
	}
	if SameDiscountRule(r, DiscountRule{Type: "all", Method: "fixed", Amount: "0.10001"}) {
		t.Fatal("0.1 and 0.10001 compared equal")
	}
	if _, err := json.Marshal(DiscountRule{Type: "all", Method: "fixed", Amount: "1e3"}); err == nil {
		t.Fatal("marshaled an amount that is not a plain decimal")
	}
}
