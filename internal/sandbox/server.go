package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configures a Store. The zero value is a usable store.
type Options struct {
	StoreHash   string // default "sandbox"
	AccessToken string // default "sandbox-token"; every Customers scope
	// ReadOnlyToken has only the Customers read-only scope
	// (store_v2_customers_read_only): reads succeed, writes are refused with
	// 403. Default "sandbox-read-only-token".
	ReadOnlyToken string
	Quota         int           // requests per window; 0 means 150; negative means unlimited (headers still sent)
	Window        time.Duration // default 30s
	Latency       time.Duration // added to every request (simulated network+server time)
	LatencyJitter time.Duration // uniform extra 0..jitter, seeded
	Seed          int64
	Now           func() time.Time // default time.Now
	Faults        Faults           // fault injection, zero value = none
	Logger        *log.Logger      // optional request log: method, path, status only (never bodies: customer PII)
	// FormFields defines the store's sign-up and address form fields; nil
	// means DefaultFormFields.
	FormFields *FormFields

	// Addr is where Start listens; default "127.0.0.1:0" (a free port).
	Addr string
	// AllowRemote lets Start listen on a non-loopback address.
	AllowRemote bool
}

// Store is the sandbox: an http.Handler serving one BigCommerce store.
type Store struct {
	opts Options
	now  func() time.Time

	mu sync.Mutex // guards st; never held while latency is served
	st *state

	limiter *rateLimiter
	faults  *faultSource
	stats   statsRecorder
	routes  []*route
}

// New returns a store with no customers and no customer groups.
func New(opts Options) *Store {
	if opts.StoreHash == "" {
		opts.StoreHash = "sandbox"
	}
	if opts.AccessToken == "" {
		opts.AccessToken = "sandbox-token"
	}
	if opts.ReadOnlyToken == "" {
		opts.ReadOnlyToken = "sandbox-read-only-token"
	}
	if opts.Quota == 0 {
		opts.Quota = 150 // Plus & Standard plans: 150 per 30 s
	}
	if opts.Window <= 0 {
		opts.Window = 30 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Store{
		opts:    opts,
		now:     opts.Now,
		st:      newState(),
		limiter: newRateLimiter(opts.Quota, opts.Window),
		faults:  newFaultSource(opts),
		stats:   newStatsRecorder(),
	}
	forms := DefaultFormFields
	if opts.FormFields != nil {
		forms = *opts.FormFields
	}
	s.st.customerForm, s.st.addressForm = formFieldTypes(forms.Customer), formFieldTypes(forms.Address)
	s.routes = buildRoutes()
	return s
}

// SetFaults changes fault injection at run time.
func (s *Store) SetFaults(f Faults) { s.faults.set(f) }

// reply is what a handler answers; ServeHTTP encodes and sends it.
type reply struct {
	status     int
	body       any // encoded as JSON; nil means no body
	retryAfter int // seconds, for X-Retry-After; 0 omits the header
	header     http.Header
}

// call is one request as a handler sees it.
type call struct {
	s       *Store
	r       *http.Request
	version string // "v2" or "v3"
	id      int    // the {id} of the path, when the route has one
	query   url.Values
	body    []byte
	now     time.Time // when the request is applied, to the second, UTC
}

// maxBody bounds a request body. Ten customers with ten addresses each fit
// easily.
const maxBody = 1 << 20

// ServeHTTP serves one request: authenticate, rate-limit, inject faults,
// serve latency (outside every lock), apply, answer.
func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	plan := s.faults.plan()
	t, prefixed := parseTarget(r.URL.Path)
	version := t.version
	var (
		rt    *route
		id    int
		allow []string
	)
	if prefixed {
		rt, id, allow = s.match(r.Method, t.path)
	} else {
		t.path = r.URL.Path
	}
	key := statsKey(r.Method, rt, t.path)

	// refuse answers without applying anything, after the usual latency.
	refuse := func(rep reply, rl rlState) {
		s.sleep(r.Context(), plan.delay(&s.stats))
		s.send(w, r, key, rep, rl)
	}

	// Unauthenticated requests are not counted against the store's quota.
	switch {
	case !prefixed:
		refuse(errorFor(version, http.StatusNotFound, titleNotFound), s.limiter.peek(s.now()))
		return
	case !s.knownToken(r.Header.Get("X-Auth-Token")):
		refuse(errorFor(version, http.StatusUnauthorized, "Unauthorized"), s.limiter.peek(s.now()))
		return
	case t.hash != s.opts.StoreHash:
		// The token is valid, but not for this store: the status-codes doc
		// lists a wrong store hash among the causes of 403.
		refuse(errorFor(version, http.StatusForbidden, "Forbidden: the store hash does not match this access token"), s.limiter.peek(s.now()))
		return
	case r.Method != http.MethodGet && r.Header.Get("X-Auth-Token") == s.opts.ReadOnlyToken:
		// Every operation documents 403 "Missing scope - the v3 Auth token
		// is valid but does not have proper permissions to access this
		// endpoint."; the title is BigCommerce's own.
		refuse(errorFor(version, http.StatusForbidden, titleMissingScope), s.limiter.peek(s.now()))
		return
	}

	// Concurrency limits are checked before the quota, so that a request
	// refused for concurrency does not consume quota (no 429 does).
	if rt != nil && rt.limit > 0 {
		n := rt.inflight.Add(1)
		if rt.peak {
			s.stats.peakPuts(int(n))
		}
		if int(n) > rt.limit {
			rt.inflight.Add(-1) // a refused request holds no slot
			// No X-Retry-After: the quota is not what ran out.
			refuse(errorFor(version, http.StatusTooManyRequests, "Too many concurrent requests"), s.limiter.peek(s.now()))
			return
		}
		defer rt.inflight.Add(-1)
	}
	if plan.kind == faultRateLimitStorm {
		s.stats.fault("rate_limit_storm")
		rep := errorFor(version, http.StatusTooManyRequests, titleRateLimited)
		rep.retryAfter = 1
		refuse(rep, s.limiter.peek(s.now()).storm(plan.stormResetMs))
		return
	}
	rl, allowed := s.limiter.take(s.now())
	if !allowed {
		rep := errorFor(version, http.StatusTooManyRequests, titleRateLimited)
		rep.retryAfter = rl.retryAfterSeconds()
		refuse(rep, rl)
		return
	}

	if !s.sleep(r.Context(), plan.delay(&s.stats)) {
		return // the client went away: nothing is applied
	}

	switch plan.kind {
	case faultServerError:
		s.stats.fault("server_error")
		s.send(w, r, key, errorFor(version, plan.serverStatus, http.StatusText(plan.serverStatus)), rl)
		return
	case faultConnectionReset:
		s.stats.fault("connection_reset")
		s.stats.request(key, 0)
		s.logf(r, 0)
		resetConnection(w)
		return
	}

	rep := s.dispatch(r, t, version, rt, id, allow)

	switch plan.kind {
	case faultAppliedThen502:
		s.stats.fault("applied_then_502")
		s.send(w, r, key, reply{status: http.StatusBadGateway}, rl)
		return
	case faultTruncatedJSON:
		if body := encode(rep.body); len(body) > 1 {
			s.stats.fault("truncated_json")
			s.sendRaw(w, r, key, http.StatusOK, body[:len(body)/2], rep, rl)
			return
		}
	}
	s.send(w, r, key, rep, rl)
}

func ptr[T any](v T) *T { return &v }

// dispatch checks what every endpoint checks and runs the handler.
func (s *Store) dispatch(r *http.Request, _ target, version string, rt *route, id int, allow []string) reply {
	switch r.Method {
	case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete:
	default:
		// "501 Not Implemented: When a request method is sent that is not
		// supported by the API (e.g., TRACE, PATCH)."
		return errorFor(version, http.StatusNotImplemented, "Not Implemented")
	}
	if rt == nil {
		if len(allow) > 0 {
			rep := errorFor(version, http.StatusMethodNotAllowed, "Method Not Allowed")
			rep.header = http.Header{"Allow": {strings.Join(allow, ", ")}}
			return rep
		}
		return errorFor(version, http.StatusNotFound, titleNotFound)
	}
	if !acceptsJSON(r.Header.Values("Accept")) {
		return errorFor(version, http.StatusNotAcceptable, "Not Acceptable: this API answers application/json")
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return errorFor(version, http.StatusBadRequest, "The query string is malformed")
	}
	c := &call{s: s, r: r, version: version, id: id, query: q, now: s.now().UTC().Truncate(time.Second)}
	if r.Method == http.MethodPost || r.Method == http.MethodPut {
		if !isJSONContentType(r.Header.Get("Content-Type")) {
			return errorFor(version, http.StatusUnsupportedMediaType, "Unsupported Media Type: send Content-Type: application/json")
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		if err != nil {
			return errorFor(version, http.StatusBadRequest, "The request body could not be read")
		}
		if len(body) > maxBody {
			return errorFor(version, http.StatusRequestEntityTooLarge, "The request body is too large")
		}
		if !json.Valid(body) {
			// The status-codes doc: 400 for "Invalid syntax".
			if version == "v2" {
				return failV2(http.StatusBadRequest, "The request body is not valid JSON.")
			}
			return reply{status: http.StatusBadRequest, body: v3Error{
				Status: http.StatusBadRequest, Title: "Input is invalid", Type: errorType, Detail: "Syntax error",
			}}
		}
		c.body = body
	}
	return rt.handle(c)
}

func acceptsJSON(values []string) bool {
	if len(values) == 0 {
		return true
	}
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			if q, err := strconv.ParseFloat(params["q"], 64); err == nil && q <= 0 {
				continue
			}
			switch mt {
			case "application/json", "application/*", "*/*":
				return true
			}
		}
	}
	return false
}

func isJSONContentType(v string) bool {
	mt, params, err := mime.ParseMediaType(v)
	if err != nil || mt != "application/json" {
		return false
	}
	cs, ok := params["charset"]
	return !ok || strings.EqualFold(cs, "utf-8")
}

// sleep serves simulated latency without holding any lock. It reports false
// when the client gave up first.
func (s *Store) sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func encode(body any) []byte {
	if body == nil {
		return nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		panic("sandbox: encoding a response: " + err.Error())
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func (s *Store) send(w http.ResponseWriter, r *http.Request, key string, rep reply, rl rlState) {
	s.sendRaw(w, r, key, rep.status, encode(rep.body), rep, rl)
}

func (s *Store) sendRaw(w http.ResponseWriter, r *http.Request, key string, status int, body []byte, rep reply, rl rlState) {
	h := w.Header()
	for k, v := range rep.header {
		h[k] = v
	}
	rl.setHeaders(h)
	if rep.retryAfter > 0 {
		h.Set("X-Retry-After", strconv.Itoa(rep.retryAfter))
	}
	if body != nil {
		h.Set("Content-Type", "application/json")
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(status)
	if body != nil && r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
	s.stats.request(key, status)
	s.logf(r, status)
}

// logf logs method, path and status only: bodies and query strings carry
// customer PII (email:in=...).
func (s *Store) logf(r *http.Request, status int) {
	if s.opts.Logger == nil {
		return
	}
	if status == 0 {
		s.opts.Logger.Printf("%s %s connection reset (injected)", r.Method, r.URL.Path)
		return
	}
	s.opts.Logger.Printf("%s %s %d", r.Method, r.URL.Path, status)
}

// titleMissingScope is BigCommerce's answer to a token without the scope an
// endpoint needs.
const titleMissingScope = "You don't have a required scope to access the endpoint"

// knownToken reports a token of this store's API account: the full one or
// the read-only one.
func (s *Store) knownToken(token string) bool {
	return token != "" && (token == s.opts.AccessToken || token == s.opts.ReadOnlyToken)
}
