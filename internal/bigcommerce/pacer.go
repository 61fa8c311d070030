package bigcommerce

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// pacer keeps the client inside the store's request quota, which every app
// on the store shares: it reads the X-Rate-Limit-* headers of each answer and,
// when the requests left in the window run out, holds new requests until the
// window resets instead of collecting 429s.
type pacer struct {
	mu      sync.Mutex
	now     func() time.Time
	share   int // percent of each window this client may use, 1 to 100
	known   bool
	probing bool      // a request of an unknown window is out; the others wait for its answer
	left    int       // requests left in the current window, less those sent since
	quota   int       // the window's size, from X-Rate-Limit-Requests-Quota
	resetAt time.Time // when the current window ends
}

// reserve is left for the store's other apps and for requests already in
// flight whose answers have not updated the count yet.
const reserve = 1

// DefaultQuotaShare is the percentage of the store's rate-limit window the
// client uses by default: the rest (30 requests per 30 s on a Standard
// store) stays free for the store's other apps.
const DefaultQuotaShare = 80

func newPacer(now func() time.Time, share int) *pacer {
	if share <= 0 || share > 100 {
		share = DefaultQuotaShare
	}
	return &pacer{now: now, share: share}
}

// floor is how many requests of the window the client leaves to others:
// the share it may not use, and at least the reserve. The store's count is
// what every client of the store sees, so clients that each stop at their
// floor leave it to the apps that do not pace themselves.
func (p *pacer) floor() int {
	return max(reserve, p.quota-p.quota*p.share/100)
}

// probeWait is how often a request waiting for the answer to a window's
// first request looks again.
const probeWait = 10 * time.Millisecond

// wait blocks until a request may be sent, then counts it as sent.
//
// In a window whose count is unknown (the first, or one just reset) one
// request goes out alone and the others wait for its answer: every process
// on the store starts a window knowing nothing, and a burst from each of
// them would take the part the share leaves to the store's other apps.
func (p *pacer) wait(ctx context.Context, sleep func(context.Context, time.Duration) error) error {
	for {
		p.mu.Lock()
		now := p.now()
		if p.known && !now.Before(p.resetAt) {
			p.known = false // a fresh window: the next answer tells its size
		}
		var d time.Duration
		switch {
		case !p.known && !p.probing:
			p.probing = true
			p.left--
			p.mu.Unlock()
			return nil
		case !p.known:
			d = probeWait
		case p.left > p.floor():
			p.left--
			p.mu.Unlock()
			return nil
		default:
			d = p.resetAt.Sub(now)
		}
		p.mu.Unlock()
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
}

// unsent takes back a request wait let go that was not sent after all.
func (p *pacer) unsent() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.probing = false
	p.left++
}

// observe reads the quota headers of an answer.
func (p *pacer) observe(status int, h http.Header) {
	p.mu.Lock()
	p.probing = false // answered, with or without a count: the next may look
	p.mu.Unlock()
	left, err1 := strconv.Atoi(h.Get("X-Rate-Limit-Requests-Left"))
	resetMs, err2 := strconv.Atoi(h.Get("X-Rate-Limit-Time-Reset-Ms"))
	if err1 != nil || err2 != nil {
		return
	}
	quota, err := strconv.Atoi(h.Get("X-Rate-Limit-Requests-Quota"))
	if err != nil || quota < 0 {
		quota = 0 // unknown: pace by the reserve alone
	}
	if status == http.StatusTooManyRequests && !concurrencyLimited(h) {
		left = 0
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.quota = quota
	resetAt := p.now().Add(time.Duration(resetMs) * time.Millisecond)
	// Answers of one window arrive out of order: within a window the
	// smallest count is the truest; a later reset means a new window.
	sameWindow := p.known && absDuration(resetAt.Sub(p.resetAt)) < time.Second
	if sameWindow {
		p.left = min(p.left, left)
		return
	}
	if p.known && resetAt.Before(p.resetAt) {
		return // a late answer from the previous window
	}
	p.known, p.left, p.resetAt = true, left, resetAt
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
