package bigcommerce

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fakeClock records the waits the client asks for instead of sleeping.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	c.t = c.t.Add(d)
	return nil
}

// scriptedServer answers each request with the next scripted response and
// records what it received.
type scriptedServer struct {
	mu        sync.Mutex
	responses []scripted
	requests  []recorded
}

type scripted struct {
	status  int
	headers map[string]string
	body    string
}

type recorded struct {
	method, path, query, body string
	header                    http.Header
}

func (s *scriptedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.requests = append(s.requests, recorded{r.Method, r.URL.Path, r.URL.RawQuery, string(body), r.Header.Clone()})
	next := scripted{status: 200, body: `{"data":[],"meta":{}}`}
	if len(s.responses) > 0 {
		next, s.responses = s.responses[0], s.responses[1:]
	}
	s.mu.Unlock()
	for k, v := range next.headers {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(next.status)
	_, _ = io.WriteString(w, next.body)
}

func newTestClient(t *testing.T, h http.Handler, clock *fakeClock) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	// The whole window: these tests are about pacing itself (quota_test.go
	// covers the share).
	c, err := New(Config{BaseURL: srv.URL, StoreHash: "abc123", AccessToken: "secret-token", UserAgent: "terraform-provider-bigcommerce/test", MaxRetries: 5, QuotaShare: 100, sleep: clock.sleep, now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRetriesHonourTheLongerOfResetAndRetryAfter(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{responses: []scripted{
		{status: 429, headers: map[string]string{"X-Rate-Limit-Time-Reset-Ms": "1500", "X-Retry-After": "3"}, body: `{"status":429,"title":"Too many requests"}`},
		{status: 429, headers: map[string]string{"X-Rate-Limit-Time-Reset-Ms": "4000", "X-Retry-After": "1"}, body: `{}`},
		{status: 200, body: `{"data":[{"id":7,"email":"a@example.com"}]}`},
	}}
	c := newTestClient(t, srv, clock)
	got, err := c.GetCustomer(context.Background(), 7)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != 7 {
		t.Fatalf("got customer %d", got.ID)
	}
	if len(srv.requests) != 3 {
		t.Fatalf("sent %d requests, want 3", len(srv.requests))
	}
	if len(clock.sleeps) != 2 || clock.sleeps[0] < 3*time.Second || clock.sleeps[1] < 4*time.Second {
		t.Fatalf("waits %v, want >= 3s (X-Retry-After) then >= 4s (reset)", clock.sleeps)
	}
}

func TestConcurrencyLimit429IsRetriedWithoutWaitingForTheWindow(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	busy := map[string]string{"X-Rate-Limit-Time-Reset-Ms": "25000", "X-Rate-Limit-Requests-Left": "120", "X-Rate-Limit-Requests-Quota": "150", "X-Rate-Limit-Time-Window-Ms": "30000"}
	srv := &scriptedServer{responses: []scripted{{status: 429, headers: busy}, {status: 200, headers: busy, body: `{"data":[{"id":1}]}`}}}
	c := newTestClient(t, srv, clock)
	if _, err := c.UpdateCustomer(context.Background(), CustomerUpdate{ID: 1}); err != nil {
		t.Fatal(err)
	}
	if len(clock.sleeps) != 1 || clock.sleeps[0] > time.Second {
		t.Fatalf("waits %v, want one short backoff: quota is left, so the 429 was for concurrency", clock.sleeps)
	}
}

func TestRetriesTransientServerErrorsWithBackoff(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			clock := &fakeClock{t: time.Unix(0, 0)}
			srv := &scriptedServer{responses: []scripted{{status: status}, {status: status}, {status: 200, body: `{"data":[]}`}}}
			c := newTestClient(t, srv, clock)
			if err := c.DeleteCustomer(context.Background(), 3); err != nil {
				t.Fatal(err)
			}
			if len(srv.requests) != 3 {
				t.Fatalf("sent %d requests, want 3", len(srv.requests))
			}
			if len(clock.sleeps) != 2 || clock.sleeps[0] <= 0 || clock.sleeps[1] <= 0 {
				t.Fatalf("waits %v, want two positive backoffs", clock.sleeps)
			}
		})
	}
}

func TestServerErrorsBackOffWithoutWaitingForTheQuotaWindow(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	window := map[string]string{"X-Rate-Limit-Time-Reset-Ms": "25000", "X-Rate-Limit-Requests-Left": "140", "X-Rate-Limit-Requests-Quota": "150", "X-Rate-Limit-Time-Window-Ms": "30000"}
	srv := &scriptedServer{responses: []scripted{{status: 503, headers: window}, {status: 200, headers: window, body: `{"data":[]}`}}}
	c := newTestClient(t, srv, clock)
	if _, err := c.GetCustomers(context.Background(), []int{1}); err != nil {
		t.Fatal(err)
	}
	if len(clock.sleeps) != 1 || clock.sleeps[0] > time.Second {
		t.Fatalf("waits %v, want one short backoff, not the 25 s until the quota window resets", clock.sleeps)
	}
}

func TestNeverRetriesPersistentOrValidationErrors(t *testing.T) {
	for _, status := range []int{400, 401, 404, 409, 413, 422, 501, 505} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			clock := &fakeClock{t: time.Unix(0, 0)}
			srv := &scriptedServer{responses: []scripted{{status: status, body: `{"status":422,"title":"Bad","errors":{"0.email":"invalid"}}`}}}
			c := newTestClient(t, srv, clock)
			_, err := c.UpdateCustomer(context.Background(), CustomerUpdate{ID: 1})
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.Status != status {
				t.Fatalf("err = %v, want an APIError with status %d", err, status)
			}
			if len(srv.requests) != 1 {
				t.Fatalf("sent %d requests, want 1", len(srv.requests))
			}
		})
	}
}

func TestGivesUpAfterMaxRetries(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{}
	for range 10 {
		srv.responses = append(srv.responses, scripted{status: 503})
	}
	c := newTestClient(t, srv, clock)
	_, err := c.GetCustomers(context.Background(), []int{1})
	if !errors.Is(err, ErrServer) {
		t.Fatalf("err = %v, want ErrServer", err)
	}
	if len(srv.requests) != 6 {
		t.Fatalf("sent %d requests, want 1 + 5 retries", len(srv.requests))
	}
}

func TestLostCreateIsAdoptedNotDuplicated(t *testing.T) {
	// The store applied the create, then the answer was lost (502): the
	// client finds the customer by e-mail and adopts it instead of re-sending.
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{responses: []scripted{
		{status: 502},
		{status: 200, body: `{"data":[{"id":41,"email":"jane@example.com","first_name":"Jane","last_name":"Doe"}]}`},
	}}
	c := newTestClient(t, srv, clock)
	got, err := c.CreateCustomer(context.Background(), CustomerCreate{Email: "Jane@example.com", FirstName: "Jane", LastName: "Doe"})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != 41 {
		t.Fatalf("adopted customer %d, want 41", got.ID)
	}
	if methods := requestMethods(srv); methods != "POST GET" {
		t.Fatalf("requests %q, want one POST then one lookup", methods)
	}
}

func TestLostCreateThatWasNotAppliedIsResent(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{responses: []scripted{
		{status: 503},
		{status: 200, body: `{"data":[]}`},
		{status: 200, body: `{"data":[{"id":7,"email":"b@example.com","first_name":"B","last_name":"C"}]}`},
	}}
	c := newTestClient(t, srv, clock)
	got, err := c.CreateCustomers(context.Background(), []CustomerCreate{{Email: "b@example.com", FirstName: "B", LastName: "C"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != 7 {
		t.Fatalf("got %+v", got)
	}
	if methods := requestMethods(srv); methods != "POST GET POST" {
		t.Fatalf("requests %q, want POST, lookup, POST", methods)
	}
	if srv.requests[0].body != srv.requests[2].body {
		t.Fatalf("the re-sent body differs: %s / %s", srv.requests[0].body, srv.requests[2].body)
	}
}

func TestLostBatchCreateResendsOnlyTheMissing(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{responses: []scripted{
		{status: 200, body: `{"data":[{"id":1,"email":"a@exa`}, // truncated: applied, unreadable
		{status: 200, body: `{"data":[{"id":1,"email":"a@example.com","first_name":"A","last_name":"X"}]}`},
		{status: 200, body: `{"data":[{"id":2,"email":"b@example.com","first_name":"B","last_name":"Y"}]}`},
	}}
	c := newTestClient(t, srv, clock)
	got, err := c.CreateCustomers(context.Background(), []CustomerCreate{
		{Email: "a@example.com", FirstName: "A", LastName: "X"},
		{Email: "b@example.com", FirstName: "B", LastName: "Y"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != 1 || got[1].ID != 2 {
		t.Fatalf("got %+v", got)
	}
	if !strings.Contains(srv.requests[2].body, "b@example.com") || strings.Contains(srv.requests[2].body, "a@example.com") {
		t.Fatalf("re-sent %s, want only b@example.com", srv.requests[2].body)
	}
}

func TestLostCreateDoesNotAdoptSomeoneElse(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{responses: []scripted{
		{status: 500},
		{status: 200, body: `{"data":[{"id":9,"email":"jane@example.com","first_name":"Other","last_name":"Person"}]}`},
	}}
	c := newTestClient(t, srv, clock)
	_, err := c.CreateCustomer(context.Background(), CustomerCreate{Email: "jane@example.com", FirstName: "Jane", LastName: "Doe"})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "customer 9") {
		t.Fatalf("err = %v, want a conflict naming customer 9", err)
	}
}

func requestMethods(s *scriptedServer) string {
	var m []string
	for _, r := range s.requests {
		m = append(m, r.method)
	}
	return strings.Join(m, " ")
}

func TestRetriedRequestsReplayTheSameBody(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{responses: []scripted{{status: 429, headers: map[string]string{"X-Rate-Limit-Time-Reset-Ms": "10"}}, {status: 200, body: `{"data":[{"id":1}]}`}}}
	c := newTestClient(t, srv, clock)
	if _, err := c.UpdateCustomer(context.Background(), CustomerUpdate{ID: 1, FirstName: new("Jane")}); err != nil {
		t.Fatal(err)
	}
	if len(srv.requests) != 2 || srv.requests[0].body == "" || srv.requests[0].body != srv.requests[1].body {
		t.Fatalf("bodies differ or are empty: %q / %q", srv.requests[0].body, srv.requests[1].body)
	}
}

func TestRequestHeaders(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{}
	c := newTestClient(t, srv, clock)
	_, _ = c.GetCustomers(context.Background(), []int{1})
	h := srv.requests[0].header
	if h.Get("X-Auth-Token") != "secret-token" || h.Get("User-Agent") != "terraform-provider-bigcommerce/test" || h.Get("Accept") != "application/json" {
		t.Fatalf("headers %v", h)
	}
	if srv.requests[0].path != "/stores/abc123/v3/customers" {
		t.Fatalf("path %q", srv.requests[0].path)
	}
}

func TestEmailIsEscapedInQueries(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `{"data":[{"id":4,"email":"jane+shop@example.com"}]}`}}}
	c := newTestClient(t, srv, clock)
	got, err := c.FindCustomerByEmail(context.Background(), "Jane+Shop@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != 4 {
		t.Fatalf("got %d", got.ID)
	}
	q, err := url.ParseQuery(srv.requests[0].query)
	if err != nil {
		t.Fatal(err)
	}
	if q.Get("email:in") != "Jane+Shop@example.com" {
		t.Fatalf("server decoded email:in as %q from %q", q.Get("email:in"), srv.requests[0].query)
	}
}

func TestContextCancellationStopsRetries(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	clock := &fakeClock{t: time.Unix(0, 0)}
	srv := &scriptedServer{responses: []scripted{{status: 503}, {status: 503}, {status: 503}}}
	c := newTestClient(t, srv, clock)
	c.sleep = func(context.Context, time.Duration) error { cancel(); return context.Canceled }
	_, err := c.GetCustomers(ctx, []int{1})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(srv.requests) != 1 {
		t.Fatalf("sent %d requests after cancellation, want 1", len(srv.requests))
	}
}

func TestPacerWaitsForTheWindowInsteadOfSpendingTheLastRequests(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	left := 3
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		left--
		w.Header().Set("X-Rate-Limit-Requests-Left", fmt.Sprint(left))
		w.Header().Set("X-Rate-Limit-Time-Reset-Ms", "20000")
		w.Header().Set("X-Rate-Limit-Requests-Quota", "150")
		w.Header().Set("X-Rate-Limit-Time-Window-Ms", "30000")
		_, _ = io.WriteString(w, `{"data":[]}`)
	})
	c := newTestClient(t, h, clock)
	for range 2 {
		if _, err := c.GetCustomers(context.Background(), []int{1}); err != nil {
			t.Fatal(err)
		}
	}
	if len(clock.sleeps) != 0 {
		t.Fatalf("waited %v with quota left", clock.sleeps)
	}
	// One request left, which is the reserve: the next one waits for the reset.
	if _, err := c.GetCustomers(context.Background(), []int{1}); err != nil {
		t.Fatal(err)
	}
	if len(clock.sleeps) != 1 || clock.sleeps[0] != 20*time.Second {
		t.Fatalf("waits %v, want one wait of 20s for the window to reset", clock.sleeps)
	}
}

func TestSafetyRailRefusesUnfilteredDeletes(t *testing.T) {
	srv := &scriptedServer{}
	c := newTestClient(t, srv, &fakeClock{})
	ctx := context.Background()
	refused := []request{
		{method: http.MethodDelete, version: "v2", path: "/customers"},
		{method: http.MethodDelete, version: "v2", path: "/customers/"},
		{method: http.MethodDelete, version: "v2", path: "/customers", query: url.Values{"id:in": {"1"}}},
		{method: http.MethodDelete, version: "v2", path: "/customer_groups"},
		{method: http.MethodDelete, version: "v3", path: "/customers"},
		{method: http.MethodDelete, version: "v3", path: "/customers", query: url.Values{"id:in": {""}}},
		{method: http.MethodDelete, version: "v3", path: "/customers", query: url.Values{"id:in": {"1,x"}}},
		{method: http.MethodDelete, version: "v3", path: "/customers", query: url.Values{"id:in": {"1"}, "email:in": {"a@example.com"}}},
		{method: http.MethodDelete, version: "v3", path: "/customers/addresses"},
		{method: http.MethodDelete, version: "v3", path: "/customers/attributes"},
		{method: http.MethodDelete, version: "v3", path: "/customers/attribute-values"},
	}
	for _, r := range refused {
		if err := c.do(ctx, r, nil); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("%s /%s%s?%s: err = %v, want a refusal", r.method, r.version, r.path, encodeQuery(r.query), err)
		}
	}
	if len(srv.requests) != 0 {
		t.Fatalf("%d unsafe requests reached the server", len(srv.requests))
	}
	// The public surface cannot express them either: no ids, no request.
	if err := c.DeleteCustomers(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if len(srv.requests) != 0 {
		t.Fatalf("DeleteCustomers(nil) sent %d requests", len(srv.requests))
	}
	if err := c.DeleteCustomers(ctx, []int{4, 5}); err != nil {
		t.Fatal(err)
	}
	if got := srv.requests[0].method + " " + srv.requests[0].query; got != "DELETE id:in=4,5" {
		t.Fatalf("sent %q", got)
	}
}

func TestBaseURLRules(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://api.bigcommerce.com": true,
		"http://127.0.0.1:8080":       true,
		"http://localhost:1":          true,
		"http://[::1]:9":              true,
		"http://api.bigcommerce.com":  false,
		"http://10.0.0.5":             false,
		"ftp://x":                     false,
		"https://u:p@host":            false,
		"not a url":                   false,
	} {
		_, err := ParseBaseURL(raw)
		if (err == nil) != ok {
			t.Errorf("ParseBaseURL(%q) error = %v, want ok=%t", raw, err, ok)
		}
	}
}

func TestTokenIsNotForwardedAcrossHosts(t *testing.T) {
	var leaked []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked = append(leaked, r.Header.Get("X-Auth-Token"))
	}))
	defer other.Close()
	redirector := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// localhost and 127.0.0.1 are different hosts to net/http.
		http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+r.URL.Path, http.StatusTemporaryRedirect)
	})
	c := newTestClient(t, redirector, &fakeClock{})
	_, err := c.GetCustomers(context.Background(), []int{1})
	if err == nil || !strings.Contains(err.Error(), "redirect") {
		t.Fatalf("err = %v, want a refused redirect", err)
	}
	if len(leaked) != 0 {
		t.Fatalf("the other host received %d requests", len(leaked))
	}
}

func TestAPIErrorFields(t *testing.T) {
	e := newAPIError("POST", "/customers", 422, nil, []byte(`{"status":422,"title":"Create customers failed.","errors":{"1.email":"already in use","0.first_name":"required",".customer_create":"Error"}}`))
	want := map[int]map[string]string{1: {"email": "already in use"}, 0: {"first_name": "required"}, -1: {".customer_create": "Error"}}
	if diff := cmp.Diff(want, e.ItemFields()); diff != "" {
		t.Fatalf("ItemFields (-want +got):\n%s", diff)
	}
	if !errors.Is(e, ErrValidation) || errors.Is(e, ErrNotFound) {
		t.Fatal("422 must be a validation error only")
	}
	v2 := newAPIError("GET", "/customers/9", 404, nil, []byte(`[{"status":404,"message":"The requested resource was not found."}]`))
	if v2.Title != "The requested resource was not found." || !errors.Is(v2, ErrNotFound) {
		t.Fatalf("V2 error parsed as %+v", v2)
	}
}

func TestDecimalRoundTripsExactly(t *testing.T) {
	for _, in := range []string{`43.15`, `"43.15"`, `0.1`, `1234567890.123456789`, `0`} {
		var d Decimal
		if err := d.UnmarshalJSON([]byte(in)); err != nil {
			t.Fatal(err)
		}
		out, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Trim(in, `"`); string(out) != want {
			t.Errorf("%s -> %s, want %s", in, out, want)
		}
	}
	if _, err := Decimal("1e5x").MarshalJSON(); err == nil {
		t.Error("want an error for a malformed decimal")
	}
}

func TestAnswersWithUnknownOrMissingFieldsAreRead(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `{"data":[{"id":3,"email":"a@example.com","brand_new_field":{"x":[1,2]},"store_credit_amounts":null}],"meta":{"something":"new"}}`}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	got, err := c.GetCustomer(context.Background(), 3)
	if err != nil {
		t.Fatal(err)
	}
	if got.Email != "a@example.com" || got.FirstName != "" || got.StoreCreditAmounts != nil || got.ChannelIDs != nil {
		t.Fatalf("got %+v", got)
	}
}

func TestErrorsNeverContainTheAccessToken(t *testing.T) {
	for name, h := range map[string]http.Handler{
		"401": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"status":401,"title":"No valid credential found"}`)
		}),
		"dropped connection": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			conn, _, _ := w.(http.Hijacker).Hijack() //nolint:forcetypeassert // httptest's ResponseWriter is a Hijacker
			_ = conn.Close()
		}),
	} {
		t.Run(name, func(t *testing.T) {
			c := newTestClient(t, h, &fakeClock{t: time.Unix(0, 0)})
			c.maxRetries = 1
			_, err := c.GetCustomers(context.Background(), []int{1})
			if err == nil {
				t.Fatal("want an error")
			}
			if strings.Contains(fmt.Sprintf("%v %+v %#v", err, err, err), "secret-token") {
				t.Fatalf("the error shows the token: %v", err)
			}
		})
	}
}
