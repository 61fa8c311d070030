package sandbox

import (
	"maps"
	"net/http"
	"sync"
)

// Stats counts what the store saw since it started or since ResetStats.
type Stats struct {
	// Requests is keyed "METHOD /v3/customers": the path below the store
	// prefix with ids collapsed to {id}, e.g. "PUT /v2/customer_groups/{id}".
	Requests       map[string]int
	Total          int
	RateLimited    int            // 429s answered (quota, concurrency and injected storms)
	InjectedFaults map[string]int // by kind: server_error, applied_then_502, connection_reset, truncated_json, latency_spike, rate_limit_storm, group_discount_207
	// MaxConcurrentCustomerPuts is the most PUT /v3/customers requests seen
	// in flight at once, counting one refused for going over the limit of 3:
	// a value above 3 means the client overran the limit.
	MaxConcurrentCustomerPuts int
}

type statsRecorder struct {
	mu sync.Mutex
	s  Stats
}

func newStatsRecorder() statsRecorder {
	return statsRecorder{s: Stats{Requests: map[string]int{}, InjectedFaults: map[string]int{}}}
}

func (r *statsRecorder) request(key string, status int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.s.Requests[key]++
	r.s.Total++
	if status == http.StatusTooManyRequests {
		r.s.RateLimited++
	}
}

func (r *statsRecorder) fault(kind string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.s.InjectedFaults[kind]++
}

func (r *statsRecorder) peakPuts(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.s.MaxConcurrentCustomerPuts = max(r.s.MaxConcurrentCustomerPuts, n)
}

// Stats returns a copy of the counters.
func (s *Store) Stats() Stats {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	out := s.stats.s
	out.Requests = maps.Clone(s.stats.s.Requests)
	out.InjectedFaults = maps.Clone(s.stats.s.InjectedFaults)
	return out
}

// ResetStats zeroes the counters (the data and the rate-limit window stay).
func (s *Store) ResetStats() {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	s.stats.s = Stats{Requests: map[string]int{}, InjectedFaults: map[string]int{}}
}
