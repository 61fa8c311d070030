package contract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// validator is an http.RoundTripper that checks every exchange against the
// OpenAPI documents: the request before it is sent, the answer after.
type validator struct {
	next    http.RoundTripper
	origin  string                    // the sandbox's http://127.0.0.1:PORT
	prefix  string                    // /stores/{store_hash}
	routers map[string]routers.Router // by version key, as specFiles

	mu         sync.Mutex
	operations map[string]int // exchanges per operation
	byStatus   map[int]int
	answers    map[string]map[int]int // validated answers per operation and status
	requests   int                    // requests validated
	responses  int                    // responses validated
	allowed    map[allowKey]int
	violations []violation
}

// violation is one way an exchange broke the contract.
type violation struct {
	operation string // operationId, or METHOD path when no operation matched
	what      string // "request" or "response 422"
	err       string
}

// newValidator loads the documents and points their servers at the
// sandbox, so that the router matches its URLs.
func newValidator(t testing.TB, sandboxURL, storeHash string) *validator {
	t.Helper()
	v := &validator{
		next:       http.DefaultTransport,
		origin:     sandboxURL,
		prefix:     "/stores/" + storeHash,
		routers:    map[string]routers.Router{},
		operations: map[string]int{},
		byStatus:   map[int]int{},
		answers:    map[string]map[int]int{},
		allowed:    map[allowKey]int{},
	}
	for key := range specFiles {
		doc := loadPatchedSpec(t, key)
		strictBodies(doc)
		// The published server is https://api.bigcommerce.com/stores/{store_hash}/vN;
		// the sandbox serves the same paths under its own origin.
		doc.Servers = openapi3.Servers{{URL: v.origin + v.prefix + "/" + apiVersion(key)}}
		r, err := gorillamux.NewRouter(doc)
		if err != nil {
			t.Fatalf("routing %s: %v", specFiles[key], err)
		}
		v.routers[key] = r
	}
	return v
}

func (v *validator) client() *http.Client { return &http.Client{Transport: v} }

var validationOptions = &openapi3filter.Options{
	MultiError:            true,
	IncludeResponseStatus: true,
	// The documents' only security scheme is the X-Auth-Token header.
	AuthenticationFunc: func(_ context.Context, in *openapi3filter.AuthenticationInput) error {
		if in.SecurityScheme.Type != "apiKey" || in.SecurityScheme.In != "header" {
			return fmt.Errorf("unexpected security scheme %s in %s", in.SecurityScheme.Type, in.SecurityScheme.In)
		}
		if in.RequestValidationInput.Request.Header.Get(in.SecurityScheme.Name) == "" {
			return fmt.Errorf("no %s header", in.SecurityScheme.Name)
		}
		return nil
	},
}

// RoundTrip validates the request, sends it, and validates the answer.
func (v *validator) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		_ = req.Body.Close()
	}
	reset := func(r *http.Request) {
		if body != nil {
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
	}

	route, params, opName, rerr := v.route(req)
	var in *openapi3filter.RequestValidationInput
	if rerr != nil {
		v.record(violation{operation: opName, what: "request", err: rerr.Error()})
	} else {
		check := req.Clone(req.Context())
		reset(check)
		in = &openapi3filter.RequestValidationInput{Request: check, PathParams: params, Route: route, Options: validationOptions}
		err := openapi3filter.ValidateRequest(req.Context(), in)
		v.mu.Lock()
		v.requests++
		v.operations[opName]++
		v.mu.Unlock()
		if err != nil {
			v.record(violation{operation: opName, what: "request", err: err.Error()})
		}
		if err := undeclaredQuery(route, req); err != nil {
			v.record(violation{operation: opName, what: "request", err: err.Error()})
		}
	}

	// A RoundTripper must leave the request as it came: send a copy.
	send := req.Clone(req.Context())
	reset(send)
	resp, err := v.next.RoundTrip(send)
	if err != nil || in == nil {
		return resp, err
	}
	data, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	v.validateResponse(opName, in, resp, data)
	return resp, nil
}

// route finds the operation of a request in the document that defines its
// path: among the documents of its API version, the one whose router
// matches it (the main document of the version last).
func (v *validator) route(req *http.Request) (*routers.Route, map[string]string, string, error) {
	below := strings.TrimPrefix(req.URL.Path, v.prefix)
	name := req.Method + " " + below
	version, _, _ := strings.Cut(strings.TrimPrefix(below, "/"), "/")
	if _, ok := v.routers[version]; !ok {
		return nil, nil, name, fmt.Errorf("%s is neither V2 nor V3 below %s", req.URL.Path, v.prefix)
	}
	var keys []string
	for key := range v.routers {
		if apiVersion(key) == version && key != version {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	var (
		route  *routers.Route
		params map[string]string
		err    error
	)
	for _, key := range append(keys, version) {
		if route, params, err = v.routers[key].FindRoute(req); err == nil {
			break
		}
	}
	if err != nil {
		return nil, nil, name, fmt.Errorf("no operation of the %s documents matches: %w", version, err)
	}
	if route.Operation.OperationID != "" {
		name = route.Operation.OperationID
	}
	return route, params, name, nil
}

func (v *validator) validateResponse(op string, in *openapi3filter.RequestValidationInput, resp *http.Response, data []byte) {
	status := resp.StatusCode
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 status,
		Header:                 resp.Header,
		Body:                   io.NopCloser(bytes.NewReader(data)),
		Options:                validationOptions,
	}
	key := allowKey{op, status}
	rule, allowed := allowList[key]
	if allowed {
		v.mu.Lock()
		v.allowed[key]++
		v.mu.Unlock()
		var err error
		out, err = rule.adapt(out, data)
		if err != nil {
			v.record(violation{operation: op, what: fmt.Sprintf("response %d (allow-listed)", status), err: err.Error()})
			return
		}
	}
	v.mu.Lock()
	v.responses++
	v.byStatus[status]++
	if v.answers[op] == nil {
		v.answers[op] = map[int]int{}
	}
	v.answers[op][status]++
	v.mu.Unlock()
	if out == nil {
		return // the allow-list entry checked the answer itself
	}
	if err := openapi3filter.ValidateResponse(in.Request.Context(), out); err != nil {
		v.record(violation{operation: op, what: fmt.Sprintf("response %d", status), err: err.Error()})
	}
}

func (v *validator) record(x violation) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.violations = append(v.violations, x)
}

// report fails t with every violation, grouped by operation.
func (v *validator) report(t testing.TB) {
	t.Helper()
	v.mu.Lock()
	defer v.mu.Unlock()
	ops := make([]string, 0, len(v.operations))
	for op := range v.operations {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	t.Logf("%d operations exercised, %d requests and %d responses validated, %d allow-listed answers, %d violations",
		len(ops), v.requests, v.responses, v.allowedCount(), len(v.violations))
	for _, op := range ops {
		statuses := make([]int, 0, len(v.answers[op]))
		for status := range v.answers[op] {
			statuses = append(statuses, status)
		}
		sort.Ints(statuses)
		var b strings.Builder
		for _, status := range statuses {
			fmt.Fprintf(&b, " %d×%d", status, v.answers[op][status])
		}
		t.Logf("  %-32s%s", op, b.String())
	}
	if len(v.violations) == 0 {
		return
	}
	var b strings.Builder
	seen := map[string]int{}
	for _, x := range v.violations {
		id := x.operation + "\x00" + x.what + "\x00" + x.err
		seen[id]++
		if seen[id] > 1 {
			continue
		}
		fmt.Fprintf(&b, "\n%s, %s:\n%s", x.operation, x.what, indent(firstLines(withoutDumps(x.err), 6)))
	}
	t.Errorf("%d exchanges broke BigCommerce's OpenAPI contract:%s", len(v.violations), b.String())
}

func (v *validator) allowedCount() int {
	n := 0
	for _, c := range v.allowed {
		n += c
	}
	return n
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... (%d more lines)", len(lines)-n))
	}
	return strings.Join(lines, "\n")
}

// withoutDumps drops the schema and value that kin-openapi prints after each
// error: the path and the reason say what broke.
func withoutDumps(s string) string {
	var out []string
	skipping := false
	for _, line := range strings.Split(s, "\n") {
		switch {
		case line == "Schema:" || line == "Value:":
			skipping = true
		case skipping && (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")):
		default:
			skipping = false
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// statusCount is how many validated answers had the status.
func (v *validator) statusCount(status int) int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.byStatus[status]
}

// undeclaredQuery refuses query parameters the operation does not declare:
// kin-openapi ignores them, and so does BigCommerce, so a misspelt filter
// would silently list more than asked for.
func undeclaredQuery(route *routers.Route, req *http.Request) error {
	declared := map[string]bool{}
	for _, list := range []openapi3.Parameters{route.PathItem.Parameters, route.Operation.Parameters} {
		for _, p := range list {
			if p.Value != nil && p.Value.In == openapi3.ParameterInQuery {
				declared[p.Value.Name] = true
			}
		}
	}
	var unknown []string
	for name := range req.URL.Query() {
		if !declared[name] {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	return fmt.Errorf("query parameters the documents do not declare: %s", strings.Join(unknown, ", "))
}
