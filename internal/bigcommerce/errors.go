package bigcommerce

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// Error kinds, for errors.Is.
var (
	ErrNotFound     = errors.New("not found")
	ErrValidation   = errors.New("rejected as invalid")
	ErrConflict     = errors.New("conflict")
	ErrRateLimited  = errors.New("rate limited")
	ErrServer       = errors.New("server error")
	ErrUnauthorized = errors.New("unauthorized")
)

// APIError is a non-2xx answer from BigCommerce.
type APIError struct {
	Method string
	Path   string // without store prefix or query
	Status int
	Title  string
	// Fields is BigCommerce's field map, e.g. {"0.email": "..."} for the
	// first item of a batch.
	Fields map[string]string
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "BigCommerce answered %d %s to %s %s", e.Status, http.StatusText(e.Status), e.Method, e.Path)
	if e.Title != "" {
		fmt.Fprintf(&b, ": %s", e.Title)
	}
	if e.Status == http.StatusForbidden {
		b.WriteString(". " + missingScopeAdvice(e.Method))
	}
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "; %s: %s", k, e.Fields[k])
	}
	return b.String()
}

// OAuth scopes of BigCommerce's Customers API.
const (
	ScopeCustomersModify   = "store_v2_customers"
	ScopeCustomersReadOnly = "store_v2_customers_read_only"
)

// missingScopeAdvice explains a 403: the token lacks the scope the
// operation needs, or belongs to another store.
func missingScopeAdvice(method string) string {
	if method == http.MethodGet {
		return fmt.Sprintf("The access token needs the Customers read-only scope (%s) or more, and must belong to the store whose hash is configured.", ScopeCustomersReadOnly)
	}
	return fmt.Sprintf("Writing needs an access token with the Customers modify scope (%s); a read-only token (%s) can only read, which is enough for terraform plan. "+
		"Use a token of an API account with Customers set to modify, or check that the token belongs to the store whose hash is configured.", ScopeCustomersModify, ScopeCustomersReadOnly)
}

// Is maps the status code onto the error kinds.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.Status == http.StatusNotFound
	case ErrValidation:
		return e.Status == http.StatusBadRequest || e.Status == http.StatusUnprocessableEntity || e.Status == http.StatusRequestEntityTooLarge
	case ErrConflict:
		return e.Status == http.StatusConflict
	case ErrRateLimited:
		return e.Status == http.StatusTooManyRequests
	case ErrServer:
		return e.Status >= 500
	case ErrUnauthorized:
		return e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden
	}
	return false
}

// ItemError is one item's share of a refused batch: what the store said of
// that item, its field names without the item's index ("email",
// "addresses.0.city"). The batch layer resolves the index once; callers read
// Fields as they are.
type ItemError struct {
	Request *APIError // the store's answer to the whole request
	Fields  map[string]string
}

func (e *ItemError) Error() string {
	one := *e.Request
	one.Fields = e.Fields
	return one.Error()
}

// Unwrap gives the request's answer, so errors.Is sees its kind.
func (e *ItemError) Unwrap() error { return e.Request }

// FieldsOf returns the field messages of a refusal about one object: an
// ItemError's own fields, or an APIError's with any item index dropped
// (a request of one item names it "0.email").
func FieldsOf(err error) map[string]string {
	var item *ItemError
	if errors.As(err, &item) {
		return item.Fields
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return nil
	}
	out := map[string]string{}
	for _, fields := range apiErr.ItemFields() {
		maps.Copy(out, fields)
	}
	return out
}

// ItemFields splits a field map by batch item. BigCommerce documents no
// single form for the keys, so each of "2.email", "[2].email" and "2[email]"
// counts as item 2's email; a key without an index ("email",
// ".customer_create") is returned under -1.
func (e *APIError) ItemFields() map[int]map[string]string {
	out := map[int]map[string]string{}
	for k, v := range e.Fields {
		idx, field := splitItemKey(k)
		if out[idx] == nil {
			out[idx] = map[string]string{}
		}
		out[idx][field] = v
	}
	return out
}

// splitItemKey reads the item index and the field name from one key of an
// error's field map; -1 when the key names no item.
func splitItemKey(k string) (int, string) {
	rest := k
	bracketed := strings.HasPrefix(rest, "[")
	if bracketed {
		rest = rest[1:]
	}
	end := 0
	for end < len(rest) && rest[end] >= '0' && rest[end] <= '9' {
		end++
	}
	if end == 0 {
		return -1, k
	}
	n, err := strconv.Atoi(rest[:end])
	if err != nil {
		return -1, k
	}
	rest = rest[end:]
	if bracketed {
		if !strings.HasPrefix(rest, "]") {
			return -1, k
		}
		rest = rest[1:]
	}
	switch {
	case rest == "":
		return n, ""
	case strings.HasPrefix(rest, "."):
		return n, rest[1:]
	case strings.HasPrefix(rest, "[") && strings.HasSuffix(rest, "]"):
		return n, rest[1 : len(rest)-1]
	}
	return -1, k
}

func newAPIError(method, path string, status int, _ http.Header, body []byte) *APIError {
	e := &APIError{Method: method, Path: path, Status: status}
	// V3 answers an object; V2 an array of {status, message, details}.
	var v3 struct {
		Title  string         `json:"title"`
		Detail string         `json:"detail"`
		Errors map[string]any `json:"errors"`
	}
	var v2 []struct {
		Message string         `json:"message"`
		Details map[string]any `json:"details"`
	}
	switch {
	case json.Unmarshal(body, &v3) == nil:
		e.Title = v3.Title
		if e.Title == "" {
			e.Title = v3.Detail
		}
		e.Fields = stringFields(v3.Errors)
	case json.Unmarshal(body, &v2) == nil && len(v2) > 0:
		msgs := make([]string, 0, len(v2))
		for _, m := range v2 {
			msgs = append(msgs, m.Message)
			for k, v := range stringFields(m.Details) {
				if e.Fields == nil {
					e.Fields = map[string]string{}
				}
				e.Fields[k] = v
			}
		}
		e.Title = strings.Join(msgs, "; ")
	}
	return e
}

func stringFields(m map[string]any) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		switch v := v.(type) {
		case string:
			out[k] = v
		default:
			b, _ := json.Marshal(v)
			out[k] = string(b)
		}
	}
	return out
}

// OutcomeUnknownError means a write may or may not have been applied: the
// connection failed, or the store answered 5xx or an unreadable body.
// Callers reconcile by reading before trying again.
type OutcomeUnknownError struct {
	Method string
	Path   string
	Err    error
}

func (e *OutcomeUnknownError) Error() string {
	return fmt.Sprintf("%s %s: outcome unknown: %v", e.Method, e.Path, e.Err)
}

func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

func errUnexpectedCount(want, got int) error {
	return fmt.Errorf("expected %d items in the answer, got %d", want, got)
}
