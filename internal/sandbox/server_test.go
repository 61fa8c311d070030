package sandbox

import (
	"bytes"
	"log"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestAuthAndRouting(t *testing.T) {
	a := newAPI(t, Options{})
	tests := []struct {
		name, method, target, token string
		status                      int
		v2Shape                     bool
	}{
		{"missing token", "GET", "/stores/sandbox/v3/customers", "", 401, false},
		{"wrong token", "GET", "/stores/sandbox/v3/customers", "nope", 401, false},
		{"wrong token v2", "GET", "/stores/sandbox/v2/customers", "nope", 401, true},
		{"other store", "GET", "/stores/other/v3/customers", "sandbox-token", 403, false},
		{"outside the API", "GET", "/customers", "sandbox-token", 404, false},
		{"unknown v3 path", "GET", "/stores/sandbox/v3/orders", "sandbox-token", 404, false},
		{"unknown v2 path", "GET", "/stores/sandbox/v2/orders", "sandbox-token", 404, true},
		{"no single customer in v3", "GET", "/stores/sandbox/v3/customers/1", "sandbox-token", 404, false},
		{"non-numeric v2 id", "GET", "/stores/sandbox/v2/customers/abc", "sandbox-token", 404, true},
		{"method not allowed", "POST", "/stores/sandbox/v2/customers/count", "sandbox-token", 405, true},
		{"PATCH is not implemented", "PATCH", "/stores/sandbox/v3/customers", "sandbox-token", 501, false},
		{"ok", "GET", "/stores/sandbox/v3/customers", "sandbox-token", 200, false},
		{"v2 json extension", "GET", "/stores/sandbox/v2/customers/count.json", "sandbox-token", 200, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.token = tt.token
			r := a.doWith(tt.method, tt.target, nil, func(r *http.Request) {
				if tt.token == "" {
					r.Header.Del("X-Auth-Token")
				}
			})
			r.want(t, tt.status)
			for _, h := range []string{"X-Rate-Limit-Time-Window-Ms", "X-Rate-Limit-Time-Reset-Ms", "X-Rate-Limit-Requests-Quota", "X-Rate-Limit-Requests-Left"} {
				if r.header.Get(h) == "" {
					t.Errorf("missing %s", h)
				}
			}
			if tt.status < 400 {
				return
			}
			if got := r.header.Get("Content-Type"); got != "application/json" {
				t.Errorf("Content-Type %q", got)
			}
			if tt.v2Shape {
				var e []v2Error
				r.decode(t, &e)
				if len(e) != 1 || e[0].Status != tt.status || e[0].Message == "" {
					t.Errorf("V2 error body %s", r.body)
				}
			} else {
				var e v3Err
				r.decode(t, &e)
				if e.Status != tt.status || e.Title == "" || e.Type != errorType {
					t.Errorf("V3 error body %s", r.body)
				}
			}
		})
	}
	if r := a.doWith("POST", "/stores/sandbox/v2/customers/count", nil, func(*http.Request) {}); r.header.Get("Allow") != "GET" {
		t.Errorf("405 Allow header %q", r.header.Get("Allow"))
	}
}

func TestRequestValidation(t *testing.T) {
	a := newAPI(t, Options{})
	valid := `[{"email":"a@example.com","first_name":"A","last_name":"B"}]`
	tests := []struct {
		name   string
		body   string
		edit   func(*http.Request)
		status int
	}{
		{"no content type", valid, func(r *http.Request) { r.Header.Del("Content-Type") }, 415},
		{"form content type", valid, func(r *http.Request) { r.Header.Set("Content-Type", "application/x-www-form-urlencoded") }, 415},
		{"charset utf-8 is fine", valid, func(r *http.Request) { r.Header.Set("Content-Type", "application/json; charset=utf-8") }, 200},
		{"malformed JSON", `[{"email":`, func(*http.Request) {}, 400},
		{"object instead of array", `{"email":"b@example.com"}`, func(*http.Request) {}, 422},
		{"empty array", `[]`, func(*http.Request) {}, 422},
		{"xml only", `[{"email":"c@example.com","first_name":"A","last_name":"B"}]`, func(r *http.Request) { r.Header.Set("Accept", "application/xml") }, 406},
		{"unknown fields are tolerated", `[{"email":"d@example.com","first_name":"A","last_name":"B","favourite_colour":"green"}]`, func(*http.Request) {}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.doWith("POST", "/stores/sandbox/v3/customers", tt.body, tt.edit).want(t, tt.status)
		})
	}
	var e struct {
		Status int    `json:"status"`
		Detail string `json:"detail"`
	}
	a.do("POST", "/v3/customers", `[{`).want(t, 400).decode(t, &e)
	if e.Status != 400 || e.Detail == "" {
		t.Errorf("400 body %+v", e)
	}
}

func TestRateLimit(t *testing.T) {
	a := newAPI(t, Options{Quota: 3, Window: 30 * time.Second})
	header := func(r *result, name string) string { return r.header.Get(name) }

	for i, wantLeft := range []string{"2", "1", "0"} {
		r := a.do("GET", "/v3/customers", nil).want(t, 200)
		if got := header(r, "X-Rate-Limit-Requests-Left"); got != wantLeft {
			t.Fatalf("request %d: left %s, want %s", i, got, wantLeft)
		}
		if header(r, "X-Rate-Limit-Requests-Quota") != "3" || header(r, "X-Rate-Limit-Time-Window-Ms") != "30000" {
			t.Fatalf("headers %v", r.header)
		}
	}
	a.clock.Advance(10*time.Second + 500*time.Millisecond)

	// Exhausted: 429 with X-Retry-After rounded up, and the write is not applied.
	r := a.do("POST", "/v3/customers", []map[string]any{newCustomer("late@example.com")}).want(t, 429)
	if got := header(r, "X-Retry-After"); got != "20" {
		t.Errorf("X-Retry-After %q, want 20 (19.5 s rounded up)", got)
	}
	if got := header(r, "X-Rate-Limit-Time-Reset-Ms"); got != "19500" {
		t.Errorf("reset %q, want 19500", got)
	}
	var e v3Err
	r.decode(t, &e)
	if e.Status != 429 || e.Errors == nil {
		t.Errorf("429 body %s", r.body)
	}
	// 429s consume nothing: still refused, still 0 left, same reset.
	r = a.do("GET", "/v3/customers", nil).want(t, 429)
	if header(r, "X-Rate-Limit-Requests-Left") != "0" {
		t.Errorf("left after 429: %s", header(r, "X-Rate-Limit-Requests-Left"))
	}

	a.clock.Advance(19500 * time.Millisecond) // the window resets
	r = a.do("GET", "/v3/customers", nil).want(t, 200)
	if header(r, "X-Rate-Limit-Requests-Left") != "2" || header(r, "X-Rate-Limit-Time-Reset-Ms") != "30000" {
		t.Errorf("new window headers: %v", r.header)
	}
	if a.store.CustomerCount() != 0 {
		t.Error("a rate-limited POST was applied")
	}
	if st := a.store.Stats(); st.RateLimited != 2 || st.Total != 6 {
		t.Errorf("stats %+v", st)
	}
}

func TestUnlimitedQuotaStillSendsHeaders(t *testing.T) {
	a := newAPI(t, Options{Quota: -1})
	for range 200 {
		a.do("GET", "/v2/customers/count", nil).want(t, 200)
	}
	r := a.do("GET", "/v2/customers/count", nil).want(t, 200)
	if r.header.Get("X-Rate-Limit-Requests-Left") == "" || r.header.Get("X-Retry-After") != "" {
		t.Errorf("headers %v", r.header)
	}
}

func TestStatsKeys(t *testing.T) {
	a := newAPI(t, Options{})
	a.do("GET", "/v3/customers", nil)
	a.do("GET", "/v2/customer_groups/7", nil)
	a.do("PUT", "/v2/customer_groups/8", `{}`)
	a.do("GET", "/v3/nothing/12", nil)
	st := a.store.Stats()
	for key, n := range map[string]int{
		"GET /v3/customers": 1, "GET /v2/customer_groups/{id}": 1, "PUT /v2/customer_groups/{id}": 1, "GET /v3/nothing/{id}": 1,
	} {
		if st.Requests[key] != n {
			t.Errorf("Requests[%q] = %d, want %d (all: %v)", key, st.Requests[key], n, st.Requests)
		}
	}
	if st.Total != 4 {
		t.Errorf("Total %d", st.Total)
	}
	a.store.ResetStats()
	if st := a.store.Stats(); st.Total != 0 || len(st.Requests) != 0 {
		t.Errorf("after reset %+v", st)
	}
}

func TestLoggerLogsNoPII(t *testing.T) {
	var buf bytes.Buffer
	a := newAPI(t, Options{Logger: log.New(&buf, "", 0)})
	a.do("POST", "/v3/customers", []map[string]any{newCustomer("secret.person@example.com")}).want(t, 200)
	a.do("GET", "/v3/customers?email:in=secret.person@example.com", nil).want(t, 200)
	out := buf.String()
	if strings.Contains(out, "secret.person") {
		t.Errorf("log leaks PII: %q", out)
	}
	if !strings.Contains(out, "POST /stores/sandbox/v3/customers 200") || !strings.Contains(out, "GET /stores/sandbox/v3/customers 200") {
		t.Errorf("log %q", out)
	}
}

func TestStartRefusesRemote(t *testing.T) {
	if _, err := Start(Options{Addr: "0.0.0.0:0"}); err == nil {
		t.Fatal("Start listened on 0.0.0.0 without AllowRemote")
	}
	srv, err := Start(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") || srv.StoreHash != "sandbox" || srv.AccessToken != "sandbox-token" {
		t.Errorf("server %+v", srv)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/stores/sandbox/v2/customers/count", nil)
	req.Header.Set("X-Auth-Token", srv.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
}
