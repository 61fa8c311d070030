package contract

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestValidatorCatchesViolations shows that each kind of breach the
// contract test exists for is reported: a store that answers whatever a
// case says, and requests that break the documents in one way each.
func TestValidatorCatchesViolations(t *testing.T) {
	type answer struct {
		status int
		body   string
	}
	var current answer
	store := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if current.body != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(current.status)
		_, _ = io.WriteString(w, current.body)
	}))
	defer store.Close()

	const emptyPage = `{"data":[],"meta":{"pagination":{"total":0,"count":0,"per_page":50,"current_page":1,"total_pages":0}}}`
	for _, tc := range []struct {
		name, method, path, body string
		noToken                  bool
		answer                   answer
		want                     string // in the one violation reported; "" for none
	}{
		{name: "a valid exchange", method: "GET", path: "/v3/customers?id:in=1,2", answer: answer{200, emptyPage}},
		{name: "a wrongly typed answer", method: "GET", path: "/v3/customers", answer: answer{200, `{"data":[{"id":"seven"}]}`}, want: `Error at "/data/0/id"`},
		{name: "an undocumented member in an answer", method: "GET", path: "/v3/customers", answer: answer{200, `{"data":[{"id":7,"nickname":"x"}]}`}, want: `"nickname" is unsupported`},
		{name: "an undocumented status", method: "GET", path: "/v3/customers", answer: answer{http.StatusTeapot, ""}, want: "status is not supported"},
		{name: "a value outside an enum", method: "GET", path: "/v3/customers?sort=sideways", answer: answer{200, emptyPage}, want: `parameter "sort"`},
		{name: "an undeclared query parameter", method: "GET", path: "/v3/customers?emails:in=a@example.com", answer: answer{200, emptyPage}, want: "do not declare: emails:in"},
		{name: "no token", method: "GET", path: "/v3/customers", noToken: true, answer: answer{200, emptyPage}, want: "X-Auth-Token"},
		{name: "a path no document has", method: "GET", path: "/v3/widgets", answer: answer{404, ""}, want: "no operation"},
		{name: "a misspelt member", method: "POST", path: "/v3/customers", body: `[{"emial":"a@example.com","first_name":"A","last_name":"B","email":"a@example.com"}]`, answer: answer{200, emptyPage}, want: `"emial" is unsupported`},
		{name: "a missing required member", method: "PUT", path: "/v3/customers", body: `[{"email":"a@example.com"}]`, answer: answer{200, emptyPage}, want: `property "id" is missing`},
		{name: "an allow-listed status with a wrong body", method: "POST", path: "/v2/customer_groups", body: `{"name":"A"}`, answer: answer{201, `{"id":"one"}`}, want: `Error at "/id"`},
		{name: "an allow-listed V2 error that is not V2's", method: "GET", path: "/v2/customer_groups/7", answer: answer{404, `{"status":404,"title":"Not found"}`}, want: "allow-listed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			current = tc.answer
			v := newValidator(t, store.URL, "abc123")
			var body io.Reader
			if tc.body != "" {
				body = strings.NewReader(tc.body)
			}
			req, err := http.NewRequest(tc.method, store.URL+"/stores/abc123"+tc.path, body)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Accept", "application/json")
			if tc.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			if !tc.noToken {
				req.Header.Set("X-Auth-Token", "token")
			}
			resp, err := v.client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			_ = resp.Body.Close()

			switch {
			case tc.want == "" && len(v.violations) > 0:
				t.Errorf("reported %d violations of a valid exchange: %+v", len(v.violations), v.violations)
			case tc.want != "" && len(v.violations) != 1:
				t.Errorf("reported %d violations, want 1 about %q: %+v", len(v.violations), tc.want, v.violations)
			case tc.want != "" && !strings.Contains(v.violations[0].what+" "+v.violations[0].err, tc.want):
				t.Errorf("reported %+v, want it to mention %q", v.violations[0], tc.want)
			}
		})
	}
}
