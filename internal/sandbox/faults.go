package sandbox

import (
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"time"
)

// Faults injects failures. Fractions are 0..1 and are decided with a PRNG
// seeded by Options.Seed, so a sequential run reproduces. The exclusive
// kinds (ServerError, AppliedThen502, ConnectionReset, TruncatedJSON,
// RateLimitStorm) share one draw per request: their fractions add up.
type Faults struct {
	ServerError      float64       // answer 500 or 503 without applying
	AppliedThen502   float64       // apply the write, then answer 502 with an empty body (lost response)
	ConnectionReset  float64       // hijack and close the connection without a response (not applied)
	TruncatedJSON    float64       // apply, then send a truncated JSON body with status 200 (bodiless answers such as 204 are sent intact)
	LatencySpike     float64       // add SpikeLatency
	SpikeLatency     time.Duration //
	RateLimitStorm   float64       // answer 429 with headers (X-Retry-After 1, reset a few hundred ms) without applying
	GroupDiscount207 bool          // V2 customer_groups POST/PUT answer 207 and do not save discount_rules
}

type faultKind int

const (
	faultNone faultKind = iota
	faultServerError
	faultAppliedThen502
	faultConnectionReset
	faultTruncatedJSON
	faultRateLimitStorm
)

// faultSource holds the current Faults and the seeded PRNG.
type faultSource struct {
	mu     sync.Mutex
	faults Faults
	rng    *rand.Rand
	base   time.Duration
	jitter time.Duration
}

func newFaultSource(opts Options) *faultSource {
	return &faultSource{
		faults: opts.Faults,
		rng:    rand.New(rand.NewPCG(uint64(opts.Seed), 0x5eed)),
		base:   opts.Latency,
		jitter: opts.LatencyJitter,
	}
}

func (fs *faultSource) set(f Faults) {
	fs.mu.Lock()
	fs.faults = f
	fs.mu.Unlock()
}

func (fs *faultSource) get() Faults {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.faults
}

// faultPlan is what happens to one request.
type faultPlan struct {
	base, jitter, spike time.Duration
	kind                faultKind
	serverStatus        int   // 500 or 503
	stormResetMs        int64 // for faultRateLimitStorm
}

// plan draws everything for one request up front, always in the same order,
// so the sequence of decisions depends only on the seed and request order.
func (fs *faultSource) plan() faultPlan {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := fs.faults
	p := faultPlan{base: fs.base}
	if fs.jitter > 0 {
		p.jitter = time.Duration(fs.rng.Int64N(int64(fs.jitter) + 1))
	}
	if f.LatencySpike > 0 && fs.rng.Float64() < f.LatencySpike {
		p.spike = f.SpikeLatency
	}
	bands := []struct {
		frac float64
		kind faultKind
	}{
		{f.ServerError, faultServerError},
		{f.AppliedThen502, faultAppliedThen502},
		{f.ConnectionReset, faultConnectionReset},
		{f.TruncatedJSON, faultTruncatedJSON},
		{f.RateLimitStorm, faultRateLimitStorm},
	}
	var total float64
	for _, b := range bands {
		total += max(b.frac, 0)
	}
	if total > 0 {
		u, acc := fs.rng.Float64(), 0.0
		for _, b := range bands {
			acc += max(b.frac, 0)
			if u < acc {
				p.kind = b.kind
				break
			}
		}
		switch p.kind {
		case faultServerError:
			p.serverStatus = []int{http.StatusInternalServerError, http.StatusServiceUnavailable}[fs.rng.IntN(2)]
		case faultRateLimitStorm:
			p.stormResetMs = 200 + fs.rng.Int64N(601) // 200..800 ms
		}
	}
	return p
}

// delay is the latency to serve; a spike is counted as an injected fault.
func (p faultPlan) delay(stats *statsRecorder) time.Duration {
	if p.spike > 0 {
		stats.fault("latency_spike")
	}
	return p.base + p.jitter + p.spike
}

// resetConnection drops the connection without a response. With linger 0
// the peer sees a TCP reset rather than a clean close.
func resetConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler) // the server aborts the stream quietly
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}
