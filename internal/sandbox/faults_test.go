package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

func TestFaults(t *testing.T) {
	post := []map[string]any{newCustomer("fault@example.com")}
	tests := []struct {
		name    string
		faults  Faults
		check   func(t *testing.T, r *result)
		applied bool
		kind    string
	}{
		{
			name:   "server error",
			faults: Faults{ServerError: 1},
			check: func(t *testing.T, r *result) {
				if r.status != 500 && r.status != 503 {
					t.Errorf("status %d", r.status)
				}
				var e v3Err
				r.decode(t, &e)
				if e.Status != r.status {
					t.Errorf("body %s", r.body)
				}
			},
			kind: "server_error",
		},
		{
			name:   "applied then 502",
			faults: Faults{AppliedThen502: 1},
			check: func(t *testing.T, r *result) {
				r.want(t, 502)
				if len(r.body) != 0 {
					t.Errorf("502 with body %q", r.body)
				}
			},
			applied: true,
			kind:    "applied_then_502",
		},
		{
			name:   "truncated JSON",
			faults: Faults{TruncatedJSON: 1},
			check: func(t *testing.T, r *result) {
				r.want(t, 200)
				if len(r.body) == 0 || json.Valid(r.body) {
					t.Errorf("body is not truncated JSON: %q", r.body)
				}
			},
			applied: true,
			kind:    "truncated_json",
		},
		{
			name:   "rate-limit storm",
			faults: Faults{RateLimitStorm: 1},
			check: func(t *testing.T, r *result) {
				r.want(t, 429)
				reset, _ := strconv.Atoi(r.header.Get("X-Rate-Limit-Time-Reset-Ms"))
				if r.header.Get("X-Retry-After") != "1" || reset < 200 || reset > 800 || r.header.Get("X-Rate-Limit-Requests-Left") != "0" {
					t.Errorf("headers %v", r.header)
				}
			},
			kind: "rate_limit_storm",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAPI(t, Options{Quota: 10, Faults: tt.faults})
			tt.check(t, a.do("POST", "/v3/customers", post))
			if got := a.store.CustomerCount() == 1; got != tt.applied {
				t.Errorf("applied = %v, want %v", got, tt.applied)
			}
			if n := a.store.Stats().InjectedFaults[tt.kind]; n != 1 {
				t.Errorf("InjectedFaults[%s] = %d", tt.kind, n)
			}
			a.store.SetFaults(Faults{})
			r := a.do("GET", "/v3/customers", nil).want(t, 200)
			wantLeft := "8" // the faulty request consumed quota
			if tt.kind == "rate_limit_storm" {
				wantLeft = "9" // no 429 consumes quota
			}
			if got := r.header.Get("X-Rate-Limit-Requests-Left"); got != wantLeft {
				t.Errorf("left %s, want %s", got, wantLeft)
			}
		})
	}
}

func TestLatencyAndSpike(t *testing.T) {
	a := newAPI(t, Options{Latency: 20 * time.Millisecond, Faults: Faults{LatencySpike: 1, SpikeLatency: 30 * time.Millisecond}})
	start := time.Now()
	a.do("GET", "/v3/customers", nil).want(t, 200)
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("served in %v, want at least 50ms", d)
	}
	if a.store.Stats().InjectedFaults["latency_spike"] != 1 {
		t.Error("spike not counted")
	}
}

func TestFaultsReproduceWithSeed(t *testing.T) {
	run := func(seed int64) string {
		a := newAPI(t, Options{Seed: seed, LatencyJitter: time.Microsecond, Faults: Faults{ServerError: 0.3, RateLimitStorm: 0.2}})
		var b bytes.Buffer
		for range 40 {
			fmt.Fprint(&b, a.do("GET", "/v3/customers", nil).status, " ")
		}
		return b.String()
	}
	first, again := run(7), run(7)
	if first != again {
		t.Errorf("seed 7 gave\n%s\nthen\n%s", first, again)
	}
	if run(8) == first {
		t.Error("seeds 7 and 8 gave the same sequence")
	}
}

func TestConnectionReset(t *testing.T) {
	srv, err := Start(Options{Faults: Faults{ConnectionReset: 1}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	body, _ := json.Marshal([]map[string]any{newCustomer("reset@example.com")})
	req, _ := http.NewRequest("POST", srv.URL+"/stores/sandbox/v3/customers", bytes.NewReader(body))
	req.Header.Set("X-Auth-Token", srv.AccessToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got a response (%d), want a dropped connection", resp.StatusCode)
	}
	if srv.CustomerCount() != 0 {
		t.Error("a reset request was applied")
	}
	if srv.Stats().InjectedFaults["connection_reset"] != 1 {
		t.Error("reset not counted")
	}
}

func TestGroupDiscount207(t *testing.T) {
	a := newAPI(t, Options{Faults: Faults{GroupDiscount207: true}})
	rules := []map[string]any{{"type": "all", "method": "percent", "amount": 10}}
	var body struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	}
	a.do("POST", "/v2/customer_groups", map[string]any{"name": "VIP", "discount_rules": rules}).want(t, 207).decode(t, &body)
	if body.Status != 207 || body.Message == "" {
		t.Errorf("207 body %+v", body)
	}
	// The group was created, without its discount rules.
	var g groupV2
	a.do("GET", "/v2/customer_groups/1", nil).want(t, 200).decode(t, &g)
	if g.Name != "VIP" || len(g.DiscountRules) != 0 {
		t.Errorf("group after 207: %+v", g)
	}
	a.do("PUT", "/v2/customer_groups/1", map[string]any{"name": "VIP+", "discount_rules": rules}).want(t, 207)
	a.do("GET", "/v2/customer_groups/1", nil).want(t, 200).decode(t, &g)
	if g.Name != "VIP+" || len(g.DiscountRules) != 0 {
		t.Errorf("group after PUT 207: %+v", g)
	}
	// Without discount_rules there is nothing to fail.
	a.do("PUT", "/v2/customer_groups/1", map[string]any{"name": "VIP"}).want(t, 200)
	if n := a.store.Stats().InjectedFaults["group_discount_207"]; n != 2 {
		t.Errorf("counted %d", n)
	}
	a.store.SetFaults(Faults{})
	a.do("PUT", "/v2/customer_groups/1", map[string]any{"discount_rules": rules}).want(t, 200).decode(t, &g)
	if len(g.DiscountRules) != 1 {
		t.Errorf("rules not saved once the fault is off: %+v", g)
	}
}

// The docs for Update Customers state: "Limit of 3 concurrent requests".
func TestConcurrentCustomerPutLimit(t *testing.T) {
	srv, err := Start(Options{Quota: -1, Latency: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	id := srv.SeedCustomers(1, 0)[0]

	put := func() (*http.Response, []byte) {
		body := fmt.Sprintf(`[{"id":%d,"company":"Acme"}]`, id)
		req, _ := http.NewRequest("PUT", srv.URL+"/stores/sandbox/v3/customers", bytes.NewBufferString(body))
		req.Header.Set("X-Auth-Token", srv.AccessToken)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return nil, nil
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}

	const n = 5
	var wg sync.WaitGroup
	gate := make(chan struct{})
	resps := make([]*http.Response, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			resps[i], _ = put()
		}()
	}
	close(gate)
	wg.Wait()

	counts := map[int]int{}
	for _, r := range resps {
		if r == nil {
			t.FailNow()
		}
		counts[r.StatusCode]++
		if r.StatusCode == 429 && (r.Header.Get("X-Rate-Limit-Requests-Left") == "" || r.Header.Get("X-Retry-After") != "") {
			t.Errorf("concurrency 429 headers %v", r.Header)
		}
	}
	if counts[200] != 3 || counts[429] != 2 {
		t.Errorf("statuses %v, want three 200 and two 429", counts)
	}
	st := srv.Stats()
	// Above 3 shows the client overran the limit (refused requests leave at once).
	if st.MaxConcurrentCustomerPuts < 4 || st.RateLimited != 2 {
		t.Errorf("stats %+v", st)
	}
	// Once the others are done, a PUT goes through again.
	if r, _ := put(); r == nil || r.StatusCode != 200 {
		t.Errorf("sequential PUT after the burst: %v", r)
	}
}
