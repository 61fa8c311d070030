package sandbox

import (
	"net/http"
	"strings"
	"testing"
)

func TestReadOnlyTokenReadsAndIsRefusedWrites(t *testing.T) {
	a := newAPI(t, Options{})
	a.token = "sandbox-read-only-token"
	a.do(http.MethodGet, "/v3/customers", nil).want(t, http.StatusOK)
	a.do(http.MethodGet, "/v2/customer_groups", nil).want(t, http.StatusNoContent) // V2 answers an empty list so

	for _, w := range []struct{ method, path string }{
		{http.MethodPost, "/v3/customers"},
		{http.MethodPut, "/v3/customers"},
		{http.MethodDelete, "/v3/customers?id:in=1"},
		{http.MethodPost, "/v2/customer_groups"},
	} {
		res := a.do(w.method, w.path, []any{newCustomer("jane@example.com")}).want(t, http.StatusForbidden)
		if !strings.Contains(string(res.body), "required scope") {
			t.Errorf("%s %s: %s, want BigCommerce's missing-scope answer", w.method, w.path, res.body)
		}
	}
	if got := len(a.customers("").Data); got != 0 {
		t.Fatalf("refused writes created %d customers", got)
	}

	a.token = "sandbox-token"
	a.do(http.MethodPost, "/v3/customers", []any{newCustomer("jane@example.com")}).want(t, http.StatusOK)
	a.token = "not-a-token"
	a.do(http.MethodGet, "/v3/customers", nil).want(t, http.StatusUnauthorized)
}
