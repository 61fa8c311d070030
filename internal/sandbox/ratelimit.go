package sandbox

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// rateLimiter is BigCommerce's per-store quota: a fixed window (30 s by
// default) that opens with the first request after the previous one ended.
// Every API request consumes one unit; once none are left, requests are
// refused with 429 until the window resets. 429s consume nothing.
type rateLimiter struct {
	mu     sync.Mutex
	quota  int // negative: unlimited
	window time.Duration
	start  time.Time // of the current window; zero before the first request
	used   int
}

func newRateLimiter(quota int, window time.Duration) *rateLimiter {
	return &rateLimiter{quota: quota, window: window}
}

// rlState is what the X-Rate-Limit-* headers of one response say.
type rlState struct {
	windowMs int64
	resetMs  int64
	quota    int
	left     int
}

// unlimitedQuota is what the headers show for an unlimited store: there is
// no documented value, and a client pacing itself on "left" should see
// plenty.
const unlimitedQuota = math.MaxInt32

// roll starts a new window when the current one is over. Call with mu held.
func (l *rateLimiter) roll(now time.Time) {
	if l.start.IsZero() || !now.Before(l.start.Add(l.window)) {
		l.start, l.used = now, 0
	}
}

func (l *rateLimiter) state(now time.Time) rlState {
	st := rlState{windowMs: l.window.Milliseconds(), quota: l.quota, left: l.quota - l.used}
	if l.quota < 0 {
		st.quota, st.left = unlimitedQuota, unlimitedQuota
	}
	if st.left < 0 {
		st.left = 0
	}
	if l.start.IsZero() {
		st.resetMs = st.windowMs
	} else {
		remaining := l.start.Add(l.window).Sub(now)
		st.resetMs = (remaining + time.Millisecond - 1).Milliseconds() // round up
		if st.resetMs < 1 {
			st.resetMs = 1
		}
	}
	return st
}

// take consumes one unit when one is left.
func (l *rateLimiter) take(now time.Time) (rlState, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.roll(now)
	if l.quota >= 0 && l.used >= l.quota {
		return l.state(now), false
	}
	l.used++
	return l.state(now), true
}

// peek reports the current state without consuming anything.
func (l *rateLimiter) peek(now time.Time) rlState {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.start.IsZero() && !now.Before(l.start.Add(l.window)) {
		// The window is over: report a fresh one without opening it.
		return rlState{windowMs: l.window.Milliseconds(), resetMs: l.window.Milliseconds(), quota: l.quotaHeader(), left: l.quotaHeader()}
	}
	return l.state(now)
}

func (l *rateLimiter) quotaHeader() int {
	if l.quota < 0 {
		return unlimitedQuota
	}
	return l.quota
}

// retryAfterSeconds is X-Retry-After: seconds until the quota refreshes,
// rounded up.
func (st rlState) retryAfterSeconds() int {
	s := int((st.resetMs + 999) / 1000)
	if s < 1 {
		s = 1
	}
	return s
}

// storm is what an injected rate-limit storm reports: nothing left, and a
// reset a few hundred milliseconds away.
func (st rlState) storm(resetMs int64) rlState {
	st.left, st.resetMs = 0, resetMs
	return st
}

func (st rlState) setHeaders(h http.Header) {
	h.Set("X-Rate-Limit-Time-Window-Ms", strconv.FormatInt(st.windowMs, 10))
	h.Set("X-Rate-Limit-Time-Reset-Ms", strconv.FormatInt(st.resetMs, 10))
	h.Set("X-Rate-Limit-Requests-Quota", strconv.Itoa(st.quota))
	h.Set("X-Rate-Limit-Requests-Left", strconv.Itoa(st.left))
}
