package bigcommerce

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// These tests run the client against the sandbox store, which answers as
// BigCommerce does: quota headers, 429s, injected faults.

// startSandbox serves a sandbox store to a client; with a clock, both share
// it, so quota windows pass without sleeping.
func startSandbox(t *testing.T, opts sandbox.Options, clock *fakeClock) (*Client, *sandbox.Store) {
	t.Helper()
	if clock == nil {
		clock = &fakeClock{t: time.Now()}
	} else {
		opts.Now = clock.now
	}
	opts.StoreHash, opts.AccessToken = "abc123", "secret-token"
	store := sandbox.New(opts)
	return newTestClient(t, store, clock), store
}

func TestSandbox_pacingStaysInsideTheQuota(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_800_000_000, 0)}
	c, store := startSandbox(t, sandbox.Options{Quota: 5, Window: 30 * time.Second}, clock)
	ctx := context.Background()
	for i := range 12 {
		if _, err := c.GetCustomers(ctx, []int{i + 1}); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	stats := store.Stats()
	if stats.RateLimited != 0 {
		t.Fatalf("the store answered %d requests with 429: the client did not pace itself", stats.RateLimited)
	}
	if stats.Total != 12 {
		t.Fatalf("the store saw %d requests, want 12", stats.Total)
	}
	var waited time.Duration
	for _, d := range clock.sleeps {
		waited += d
	}
	// 12 requests at 5 per 30 s window, keeping one in reserve: two waits
	// for the window to turn over.
	if waited < 30*time.Second || waited > 90*time.Second {
		t.Fatalf("waited %v in all (%v), want between one and three windows", waited, clock.sleeps)
	}
}

func TestSandbox_retriesAbsorbServerErrorsAndStorms(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_800_000_000, 0)}
	c, store := startSandbox(t, sandbox.Options{Quota: -1, Seed: 7}, clock)
	c.maxRetries = 10
	ctx := context.Background()
	store.SetFaults(sandbox.Faults{})
	ids := store.SeedCustomers(5, 0)
	store.SetFaults(sandbox.Faults{ServerError: 0.15, RateLimitStorm: 0.1, TruncatedJSON: 0.1})
	for range 20 {
		got, err := c.GetCustomers(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(ids) {
			t.Fatalf("read %d customers, want %d", len(got), len(ids))
		}
	}
	stats := store.Stats()
	faults := 0
	for _, n := range stats.InjectedFaults {
		faults += n
	}
	if faults == 0 || stats.Total <= 20 {
		t.Fatalf("%d faults over %d requests: the test proves nothing", faults, stats.Total)
	}
}

func TestSandbox_lostCreateIsNotDuplicated(t *testing.T) {
	store := sandbox.New(sandbox.Options{Quota: -1, StoreHash: "abc123", AccessToken: "secret-token"})
	// The first answer is lost after the store applied the create.
	first := true
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if first {
			first = false
			store.SetFaults(sandbox.Faults{AppliedThen502: 1})
			defer store.SetFaults(sandbox.Faults{})
		}
		store.ServeHTTP(w, r)
	})
	c := newTestClient(t, h, &fakeClock{t: time.Now()})
	got, err := c.CreateCustomer(context.Background(), CustomerCreate{Email: "lost@example.com", FirstName: "Lost", LastName: "Answer"})
	if err != nil {
		t.Fatal(err)
	}
	if n := store.CustomerCount(); n != 1 {
		t.Fatalf("the store holds %d customers, want exactly 1", n)
	}
	stats := store.Stats()
	if stats.Requests["POST /v3/customers"] != 1 || stats.InjectedFaults["applied_then_502"] != 1 || got.Email != "lost@example.com" {
		t.Fatalf("requests %v, faults %v, got %+v: want one create, one lost answer, the customer adopted", stats.Requests, stats.InjectedFaults, got)
	}
}

const uuid1 = "5bb733a9-5491-47b3-9451-9ae8d6a6bc6b"

func TestSandbox_safetyRailSendsNothing(t *testing.T) {
	c, store := startSandbox(t, sandbox.Options{Quota: -1}, nil)
	store.SeedCustomers(3, 0)
	ctx := context.Background()
	for _, r := range []request{
		{method: http.MethodDelete, version: "v2", path: "/customers"},
		{method: http.MethodDelete, version: "v3", path: "/customers"},
		{method: http.MethodDelete, version: "v3", path: "/customers", query: url.Values{"id:in": {"1"}, "name:like": {"a"}}},
		// Customer metafields: the ids go in the body, and nothing else.
		{method: http.MethodDelete, version: "v3", path: "/customers/metafields"},
		{method: http.MethodDelete, version: "v3", path: "/customers/metafields/"},
		{method: http.MethodDelete, version: "v3", path: "/customers/metafields", body: []int{}},
		{method: http.MethodDelete, version: "v3", path: "/customers/metafields", body: []int{4, 0}},
		{method: http.MethodDelete, version: "v3", path: "/customers/metafields", body: []string{"4"}},
		{method: http.MethodDelete, version: "v3", path: "/customers/metafields", body: []int{4}, query: url.Values{"id:in": {"4"}}},
		{method: http.MethodDelete, version: "v3", path: "/customers/metafields", query: url.Values{"id:in": {"4"}}},
		// Subscribers: the collection DELETE deletes every subscriber
		// unless filtered, and has no id filter.
		{method: http.MethodDelete, version: "v3", path: "/customers/subscribers"},
		{method: http.MethodDelete, version: "v3", path: "/customers/subscribers/"},
		{method: http.MethodDelete, version: "v3", path: "/customers/subscribers", query: url.Values{"id:in": {"1"}}},
		{method: http.MethodDelete, version: "v3", path: "/customers/subscribers", query: url.Values{"email": {"a@example.com"}}},
		// Segments, shopper profiles and a segment's profiles: id:in of
		// UUIDs, and nothing else.
		{method: http.MethodDelete, version: "v3", path: "/segments"},
		{method: http.MethodDelete, version: "v3", path: "/segments", query: url.Values{"id:in": {"1"}}},
		{method: http.MethodDelete, version: "v3", path: "/segments", query: url.Values{"id:in": {uuid1 + ","}}},
		{method: http.MethodDelete, version: "v3", path: "/segments", query: url.Values{"id:in": {uuid1}, "page": {"1"}}},
		{method: http.MethodDelete, version: "v3", path: "/segments", query: url.Values{"id:in": {uuid1, uuid1}}},
		{method: http.MethodDelete, version: "v3", path: "/shopper-profiles/"},
		{method: http.MethodDelete, version: "v3", path: "/shopper-profiles", query: url.Values{"id:in": {""}}},
		{method: http.MethodDelete, version: "v3", path: "/segments/" + uuid1 + "/shopper-profiles"},
		{method: http.MethodDelete, version: "v3", path: "/segments/" + uuid1 + "/shopper-profiles", query: url.Values{"id:in": {"x"}}},
	} {
		if err := c.do(ctx, r, nil); err == nil {
			t.Errorf("%s /%s%s was sent", r.method, r.version, r.path)
		}
	}
	if total := store.Stats().Total; total != 0 {
		t.Fatalf("%d requests reached the store", total)
	}
	if n := store.CustomerCount(); n != 3 {
		t.Fatalf("the store holds %d customers, want 3", n)
	}
	// The same V2 request sent by hand shows what the rail prevents.
	req, _ := http.NewRequest(http.MethodDelete, fmt.Sprintf("%s/stores/abc123/v2/customers", c.baseURL), nil)
	req.Header.Set("X-Auth-Token", "secret-token")
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if n := store.CustomerCount(); n != 0 {
		t.Fatalf("an unfiltered V2 DELETE /customers left %d customers; the store double is not faithful", n)
	}
}
