package bigcommerce

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// heldServer answers each request only when the test releases it, as a
// store does that has accepted a write and is still working on it. A
// request whose client has gone away is dropped unanswered.
type heldServer struct {
	answer  scripted
	arrived chan struct{}
	release chan struct{}

	mu       sync.Mutex
	requests []recorded
}

func newHeldServer(answer scripted) *heldServer {
	return &heldServer{answer: answer, arrived: make(chan struct{}, 10), release: make(chan struct{})}
}

func (s *heldServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.requests = append(s.requests, recorded{r.Method, r.URL.Path, r.URL.RawQuery, string(body), r.Header.Clone()})
	s.mu.Unlock()
	s.arrived <- struct{}{}
	select {
	case <-s.release:
	case <-r.Context().Done():
		return
	}
	for k, v := range s.answer.headers {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(s.answer.status)
	_, _ = io.WriteString(w, s.answer.body)
}

func (s *heldServer) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// cancelMidFlight cancels once the request has reached the server, gives
// the client time to act on it, then lets the server answer.
func (s *heldServer) cancelMidFlight(cancel context.CancelFunc) {
	<-s.arrived
	cancel()
	time.Sleep(100 * time.Millisecond)
	close(s.release)
}

// writeCase is one write of each family, with the answer the store gives
// and the id the caller must get from it (0 for a delete).
type writeCase struct {
	name   string
	answer scripted
	call   func(ctx context.Context, c *Client) (int, error)
	want   int
}

func writeCases() []writeCase {
	return []writeCase{
		{"create customer", scripted{status: 200, body: `{"data":[{"id":7,"email":"jane@example.com","first_name":"Jane","last_name":"Doe"}],"meta":{}}`},
			func(ctx context.Context, c *Client) (int, error) {
				got, err := c.CreateCustomers(ctx, []CustomerCreate{{Email: "jane@example.com", FirstName: "Jane", LastName: "Doe"}})
				if err != nil {
					return 0, err
				}
				return got[0].ID, nil
			}, 7},
		{"update customers", scripted{status: 200, body: `{"data":[{"id":7,"email":"jane@example.com"}],"meta":{}}`},
			func(ctx context.Context, c *Client) (int, error) {
				got, err := c.UpdateCustomers(ctx, []CustomerUpdate{{ID: 7}})
				if err != nil || len(got) != 1 {
					return 0, err
				}
				return got[0].ID, nil
			}, 7},
		{"delete customers", scripted{status: 204},
			func(ctx context.Context, c *Client) (int, error) { return 0, c.DeleteCustomers(ctx, []int{7}) }, 0},
		{"create address", scripted{status: 200, body: `{"data":[{"id":5,"customer_id":7,"first_name":"Jane","address1":"1 Main St"}],"meta":{}}`},
			func(ctx context.Context, c *Client) (int, error) {
				got, err := c.CreateAddresses(ctx, []AddressCreate{{CustomerID: 7, AddressFields: AddressFields{FirstName: "Jane", Address1: "1 Main St"}}})
				if err != nil {
					return 0, err
				}
				return got[0].ID, nil
			}, 5},
		{"create attribute", scripted{status: 200, body: `{"data":[{"id":3,"name":"Tier","type":"string"}],"meta":{}}`},
			func(ctx context.Context, c *Client) (int, error) {
				got, err := c.CreateAttributes(ctx, []AttributeCreate{{Name: "Tier", Type: "string"}})
				if err != nil {
					return 0, err
				}
				return got[0].ID, nil
			}, 3},
		{"upsert attribute value", scripted{status: 200, body: `{"data":[{"id":9,"customer_id":7,"attribute_id":3,"value":"gold"}],"meta":{}}`},
			func(ctx context.Context, c *Client) (int, error) {
				got, err := c.UpsertAttributeValues(ctx, []AttributeValueUpsert{{CustomerID: 7, AttributeID: 3, Value: "gold"}})
				if err != nil {
					return 0, err
				}
				return got[0].ID, nil
			}, 9},
		{"create customer group", scripted{status: 200, body: `{"id":4,"name":"Wholesale","is_default":false,"category_access":{"type":"all"},"discount_rules":[]}`},
			func(ctx context.Context, c *Client) (int, error) {
				got, err := c.CreateCustomerGroup(ctx, CustomerGroupInput{Name: "Wholesale"})
				if err != nil {
					return 0, err
				}
				return got.ID, nil
			}, 4},
	}
}

// TestWriteAnsweredAfterCancellationIsReturned: Terraform cancels the
// contexts of calls in flight when asked to stop (Ctrl-C). The store has
// the write by then and applies it; its answer must reach the caller, or
// the new customer ends up in the store and not in the state.
func TestWriteAnsweredAfterCancellationIsReturned(t *testing.T) {
	for _, tc := range writeCases() {
		t.Run(tc.name, func(t *testing.T) {
			srv := newHeldServer(tc.answer)
			c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
			ctx, cancel := context.WithCancel(context.Background())
			go srv.cancelMidFlight(cancel)
			got, err := tc.call(ctx, c)
			if err != nil {
				t.Fatalf("the store answered, yet the caller got %v", err)
			}
			if got != tc.want {
				t.Fatalf("got id %d, want %d from the store's answer", got, tc.want)
			}
			if n := srv.count(); n != 1 {
				t.Fatalf("sent %d requests, want 1", n)
			}
		})
	}
}

// TestWriteCancelledBeforeSendingSendsNothing: a write the caller gave up
// on before it went out must never reach the store.
func TestWriteCancelledBeforeSendingSendsNothing(t *testing.T) {
	for _, tc := range writeCases() {
		t.Run(tc.name, func(t *testing.T) {
			srv := &scriptedServer{responses: []scripted{tc.answer}}
			c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := tc.call(ctx, c); !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if len(srv.requests) != 0 {
				t.Fatalf("sent %d requests after cancellation, want none", len(srv.requests))
			}
		})
	}
}

// TestWriteCancelledWhilePacedSendsNothing: a write held back for the quota
// window is not sent once its caller gives up.
func TestWriteCancelledWhilePacedSendsNothing(t *testing.T) {
	quotaGone := map[string]string{"X-Rate-Limit-Requests-Left": "0", "X-Rate-Limit-Time-Reset-Ms": "20000", "X-Rate-Limit-Requests-Quota": "150"}
	srv := &scriptedServer{responses: []scripted{{status: 200, headers: quotaGone, body: `{"data":[],"meta":{}}`}}}
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	if _, err := c.GetCustomers(context.Background(), []int{1}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.sleep = func(context.Context, time.Duration) error { cancel(); return context.Canceled }
	_, err := c.CreateCustomers(ctx, []CustomerCreate{{Email: "jane@example.com"}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(srv.requests) != 1 {
		t.Fatalf("sent %d requests, want only the read before the quota ran out", len(srv.requests))
	}
}

// TestWriteRefusedAfterCancellationIsNotRetried: the answer is reported,
// and no further attempt starts once the caller has given up.
func TestWriteRefusedAfterCancellationIsNotRetried(t *testing.T) {
	// A 429 for concurrency, which would otherwise be retried at once.
	srv := newHeldServer(scripted{status: 429, headers: map[string]string{"X-Rate-Limit-Requests-Left": "100", "X-Rate-Limit-Time-Reset-Ms": "20000"}, body: `{"status":429,"title":"Too many requests"}`})
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	ctx, cancel := context.WithCancel(context.Background())
	go srv.cancelMidFlight(cancel)
	_, err := c.UpdateCustomers(ctx, []CustomerUpdate{{ID: 7}})
	if !errors.Is(err, ErrRateLimited) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want the store's 429 and the cancellation", err)
	}
	if n := srv.count(); n != 1 {
		t.Fatalf("sent %d requests, want 1: nothing is retried after cancellation", n)
	}
}

// TestAwaitedWriteIsBoundedByTheRequestTimeout: a store that never answers
// does not hold a stopping Terraform longer than one request's timeout.
func TestAwaitedWriteIsBoundedByTheRequestTimeout(t *testing.T) {
	srv := newHeldServer(scripted{status: 200})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	c, err := New(Config{BaseURL: hs.URL, StoreHash: "abc123", AccessToken: "secret-token", RequestTimeout: 300 * time.Millisecond, MaxRetries: 5})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-srv.arrived; cancel() }()
	start := time.Now()
	err = c.do(ctx, request{method: http.MethodPost, version: "v3", path: "/customers", body: []CustomerCreate{{Email: "jane@example.com"}}}, nil)
	var unknown *OutcomeUnknownError
	if !errors.As(err, &unknown) {
		t.Fatalf("err = %v, want an unknown outcome: the store may have applied it", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("returned after %v, want about the 300ms request timeout", d)
	}
	if n := srv.count(); n != 1 {
		t.Fatalf("sent %d requests, want 1", n)
	}
}

// TestReadCancelledMidFlightReturnsAtOnce: a read changes nothing, so a
// caller that gives up does not wait for it.
func TestReadCancelledMidFlightReturnsAtOnce(t *testing.T) {
	srv := newHeldServer(scripted{status: 200, body: `{"data":[],"meta":{}}`})
	c := newTestClient(t, srv, &fakeClock{t: time.Unix(0, 0)})
	t.Cleanup(func() { close(srv.release) })
	ctx, cancel := context.WithCancel(context.Background())
	cancelled := make(chan time.Time, 1)
	go func() { <-srv.arrived; cancelled <- time.Now(); cancel() }()
	_, err := c.GetCustomers(ctx, []int{1})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(<-cancelled); d > time.Second {
		t.Fatalf("the read returned %v after cancellation", d)
	}
}
