// Package bigcommerce is a small typed client for the parts of the BigCommerce
// REST API that the provider manages: V3 customers and what hangs off them,
// and V2 customer groups. It knows nothing of Terraform.
package bigcommerce

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultBaseURL is BigCommerce's API gateway.
const DefaultBaseURL = "https://api.bigcommerce.com"

const (
	defaultMaxRetries     = 10
	defaultRequestTimeout = 60 * time.Second
	// maxResponseBytes bounds what one response may make us read: 250
	// customers with addresses and attributes fit comfortably.
	maxResponseBytes = 32 << 20
)

// Config configures a Client. StoreHash and AccessToken are required.
type Config struct {
	BaseURL        string // default DefaultBaseURL
	StoreHash      string
	AccessToken    string
	UserAgent      string
	MaxRetries     int           // retries after the first attempt; default 10, -1 for none
	RequestTimeout time.Duration // per attempt; default 60s
	// QuotaShare is the percentage (1 to 100) of the store's rate-limit
	// window the client uses; 0 means DefaultQuotaShare.
	QuotaShare int
	HTTPClient *http.Client
	Logger     Logger

	// sleep and now are replaced in tests.
	sleep func(ctx context.Context, d time.Duration) error
	now   func() time.Time
}

// Logger receives one line per HTTP attempt. Fields never include bodies,
// query strings (they carry e-mail addresses) or credentials.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
}

// Client talks to one store. It is safe for concurrent use.
type Client struct {
	baseURL    *url.URL
	storeHash  string
	token      string
	userAgent  string
	maxRetries int
	timeout    time.Duration
	http       *http.Client
	log        Logger
	pacer      *pacer
	puts       chan struct{} // slots for PUT /v3/customers, see MaxConcurrentCustomerPuts
	sleep      func(ctx context.Context, d time.Duration) error
	now        func() time.Time
}

// New validates cfg and returns a Client.
func New(cfg Config) (*Client, error) {
	if cfg.StoreHash == "" {
		return nil, errors.New("store hash is empty")
	}
	if strings.ContainsAny(cfg.StoreHash, "/?#% ") {
		return nil, fmt.Errorf("store hash %q contains characters a store hash never has", cfg.StoreHash)
	}
	if cfg.AccessToken == "" {
		return nil, errors.New("access token is empty")
	}
	base := cfg.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := ParseBaseURL(base)
	if err != nil {
		return nil, err
	}
	c := &Client{
		baseURL:    u,
		storeHash:  cfg.StoreHash,
		token:      cfg.AccessToken,
		userAgent:  cfg.UserAgent,
		maxRetries: cfg.MaxRetries,
		timeout:    cfg.RequestTimeout,
		log:        cfg.Logger,
		sleep:      cfg.sleep,
		now:        cfg.now,
	}
	if c.maxRetries == 0 {
		c.maxRetries = defaultMaxRetries
	} else if c.maxRetries < 0 {
		c.maxRetries = 0
	}
	if c.timeout <= 0 {
		c.timeout = defaultRequestTimeout
	}
	if c.userAgent == "" {
		c.userAgent = "terraform-provider-bigcommerce"
	}
	if c.sleep == nil {
		c.sleep = sleepContext
	}
	if c.now == nil {
		c.now = time.Now
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()} //nolint:forcetypeassert // the standard library's DefaultTransport is an *http.Transport
	}
	hcCopy := *hc
	hcCopy.CheckRedirect = refuseCrossHostRedirect
	c.http = &hcCopy
	if cfg.QuotaShare < 0 || cfg.QuotaShare > 100 {
		return nil, fmt.Errorf("quota share %d is not a percentage from 1 to 100", cfg.QuotaShare)
	}
	c.pacer = newPacer(c.now, cfg.QuotaShare)
	c.puts = make(chan struct{}, MaxConcurrentCustomerPuts)
	return c, nil
}

// ParseBaseURL checks an API base URL: https anywhere, plain http only to a
// loopback host, so the access token never crosses a network in clear text.
func ParseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil {
		return nil, fmt.Errorf("API URL %q is not a URL: %w", raw, err)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("API URL %q has no host; expected something like %s", raw, DefaultBaseURL)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("API URL %q must not carry credentials, a query or a fragment", raw)
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !isLoopback(u.Hostname()) {
			return nil, fmt.Errorf("API URL %q uses plain http to a host that is not loopback; use https so the access token is encrypted", raw)
		}
	default:
		return nil, fmt.Errorf("API URL %q must start with https://", raw)
	}
	return u, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// refuseCrossHostRedirect keeps X-Auth-Token on the host it was meant for:
// net/http forwards custom headers on redirects, whatever the host.
func refuseCrossHostRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 5 {
		return errors.New("stopped after 5 redirects")
	}
	if req.URL.Host != via[0].URL.Host || (via[0].URL.Scheme == "https" && req.URL.Scheme != "https") {
		return fmt.Errorf("refusing to follow a redirect from %s to %s: the access token stays with the API host", via[0].URL.Host, req.URL.Host)
	}
	return nil
}

// request is one API call. body is encoded once, so every retry replays the
// same bytes.
type request struct {
	method  string
	version string // "v2" or "v3"
	path    string // e.g. "/customers"
	query   url.Values
	body    any
	// idempotent requests are retried after failures that may have been
	// applied (5xx, lost connections). Others only after 429, which BigCommerce
	// answers without applying anything.
	idempotent bool
	// partial requests accept BigCommerce's partial-success answer to a
	// batch write: a 422 whose data lists the items saved and whose errors
	// list those refused. It is decoded into out like a 2xx.
	partial bool
}

func (c *Client) endpoint(r request) string {
	u := *c.baseURL
	u.Path = u.Path + "/stores/" + c.storeHash + "/" + r.version + r.path
	u.RawQuery = encodeQuery(r.query)
	return u.String()
}

// encodeQuery keeps BigCommerce's filter names readable (`id:in`) and their
// comma-separated values as the API expects them, while escaping everything
// else, so that an e-mail such as a+b@example.com survives.
func encodeQuery(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	s := q.Encode()
	s = strings.ReplaceAll(s, "%3A", ":")
	return strings.ReplaceAll(s, "%2C", ",")
}

// do sends r, retrying and pacing as BigCommerce asks, and decodes a 2xx
// JSON answer into out (when out is not nil).
//
// When ctx ends, nothing more is sent. A write already handed to the store
// is not abandoned, though: the store applies it whether or not anyone
// listens, and its answer (a new customer's id) is the only record of what
// it did. So the attempt in flight runs on, bounded by the request timeout,
// and its answer is returned.
func (c *Client) do(ctx context.Context, r request, out any) error {
	if err := checkSafety(r); err != nil {
		return err
	}
	var payload []byte
	if r.body != nil {
		var err error
		if payload, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("encoding %s %s request: %w", r.method, r.path, err)
		}
	}
	target := c.endpoint(r)
	for attempt := 0; ; attempt++ {
		if err := c.pacer.wait(ctx, c.sleep); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			c.pacer.unsent()
			return err // not sent
		}
		attemptCtx := ctx
		if r.method != http.MethodGet {
			attemptCtx = context.WithoutCancel(ctx)
		}
		status, header, body, err := c.attempt(attemptCtx, r, target, payload)
		c.pacer.observe(status, header)
		c.logAttempt(ctx, r, attempt, status, header, err)
		if err == nil && (status >= 200 && status < 300 || r.partial && status == http.StatusUnprocessableEntity && isPartialBody(body)) {
			if out == nil || len(bytes.TrimSpace(body)) == 0 {
				return nil
			}
			decodeErr := json.Unmarshal(body, out)
			if decodeErr == nil {
				return nil
			}
			// A 2xx with a body we cannot read (a truncated answer) was
			// applied: read again if that is safe, else let the caller
			// reconcile.
			err = fmt.Errorf("decoding response: %w", decodeErr)
			if !r.idempotent || attempt >= c.maxRetries {
				return &OutcomeUnknownError{Method: r.method, Path: r.path, Err: err}
			}
		}
		if r.method == http.MethodGet && ctx.Err() != nil {
			return ctx.Err()
		}
		var apiErr error
		if err != nil {
			apiErr = &OutcomeUnknownError{Method: r.method, Path: r.path, Err: err}
		} else {
			apiErr = newAPIError(r.method, r.path, status, header, body)
		}
		wait, retry := c.retryDelay(r, attempt, status, header, err)
		if !retry || attempt >= c.maxRetries || ctx.Err() != nil {
			if err == nil && status >= 500 && !r.idempotent {
				apiErr = &OutcomeUnknownError{Method: r.method, Path: r.path, Err: apiErr}
			}
			if retry && ctx.Err() != nil {
				// The store's own answer says more than the cancellation.
				return fmt.Errorf("%w; not retried: %w", apiErr, ctx.Err())
			}
			return apiErr
		}
		if err := c.sleep(ctx, wait); err != nil {
			return fmt.Errorf("%w; not retried: %w", apiErr, err)
		}
	}
}

func (c *Client) attempt(ctx context.Context, r request, target string, payload []byte) (int, http.Header, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, target, body)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("X-Auth-Token", c.token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, nil, redactURL(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return 0, nil, nil, redactURL(err)
	}
	if len(data) > maxResponseBytes {
		return resp.StatusCode, resp.Header, nil, fmt.Errorf("response larger than %d bytes", maxResponseBytes)
	}
	return resp.StatusCode, resp.Header, data, nil
}

// redactURL drops the request URL from transport errors: it carries the
// query, and with it customers' e-mail addresses.
func redactURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s request: %w", ue.Op, ue.Err)
	}
	return err
}

// retryDelay says whether to retry and after how long. BigCommerce asks for
// retries with backoff on 429 and 500/502/503/504, never on 501/505 or 4xx.
func (c *Client) retryDelay(r request, attempt, status int, h http.Header, transportErr error) (time.Duration, bool) {
	if transportErr != nil {
		return c.backoff(attempt), r.idempotent
	}
	switch status {
	case http.StatusTooManyRequests:
		if concurrencyLimited(h) {
			return c.backoff(attempt), true
		}
		return max(rateLimitWait(h), c.backoff(attempt)/4), true
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		if !r.idempotent {
			return 0, false
		}
		// Every answer carries X-Rate-Limit-Time-Reset-Ms; it says when the
		// quota refills, which has nothing to do with a server error.
		return c.backoff(attempt), true
	}
	return 0, false
}

// backoff is exponential with full jitter: 250ms, 500ms, 1s ... capped at 20s.
func (c *Client) backoff(attempt int) time.Duration {
	d := 250 * time.Millisecond << min(attempt, 7)
	d = min(d, 20*time.Second)
	return d/2 + rand.N(d/2+1)
}

// concurrencyLimited tells a 429 for too many requests at once (such as a
// fourth concurrent customer update) from one for an exhausted quota: quota
// left and no X-Retry-After. The quota window's reset says nothing about
// when a concurrent request ends, so such a 429 is retried after a backoff.
func concurrencyLimited(h http.Header) bool {
	left, err := strconv.Atoi(h.Get("X-Rate-Limit-Requests-Left"))
	return err == nil && left > 0 && h.Get("X-Retry-After") == ""
}

// rateLimitWait honours the longer of X-Rate-Limit-Time-Reset-Ms and
// X-Retry-After, as BigCommerce's error-handling guide says.
func rateLimitWait(h http.Header) time.Duration {
	var wait time.Duration
	if ms, err := strconv.Atoi(h.Get("X-Rate-Limit-Time-Reset-Ms")); err == nil && ms > 0 {
		wait = time.Duration(ms) * time.Millisecond
	}
	if s, err := strconv.Atoi(h.Get("X-Retry-After")); err == nil && s > 0 {
		wait = max(wait, time.Duration(s)*time.Second)
	}
	return wait
}

func (c *Client) logAttempt(ctx context.Context, r request, attempt, status int, h http.Header, err error) {
	if c.log == nil {
		return
	}
	fields := map[string]any{
		"method":  r.method,
		"path":    "/" + r.version + r.path,
		"attempt": attempt + 1,
		"status":  status,
	}
	if left := h.Get("X-Rate-Limit-Requests-Left"); left != "" {
		fields["rate_limit_left"] = left
	}
	if err != nil {
		fields["error"] = err.Error()
	}
	c.log.Debug(ctx, "BigCommerce API request", fields)
}

func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
