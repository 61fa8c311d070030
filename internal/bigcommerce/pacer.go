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
	known   bool
	left    int       // requests left in the current window, less those sent since
	resetAt time.Time // when the current window ends
}

// reserve is left for the store's other apps and for requests already in
// flight whose answers have not updated the count yet.
const reserve = 1

func newPacer(now func() time.Time) *pacer { return &pacer{now: now} }

// wait blocks until a request may be sent, then counts it as sent.
func (p *pacer) wait(ctx context.Context, sleep func(context.Context, time.Duration) error) error {
	for {
		p.mu.Lock()
		now := p.now()
		if !p.known || !now.Before(p.resetAt) || p.left > reserve {
			if p.known && !now.Before(p.resetAt) {
				p.known = false // a fresh window: the next answer tells its size
			}
			p.left--
			p.mu.Unlock()
			return nil
		}
		d := p.resetAt.Sub(now)
		p.mu.Unlock()
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
}

// observe reads the quota headers of an answer.
func (p *pacer) observe(status int, h http.Header) {
	left, err1 := strconv.Atoi(h.Get("X-Rate-Limit-Requests-Left"))
	resetMs, err2 := strconv.Atoi(h.Get("X-Rate-Limit-Time-Reset-Ms"))
	if err1 != nil || err2 != nil {
		return
	}
	if status == http.StatusTooManyRequests && !concurrencyLimited(h) {
		left = 0
	}
	p.mu.Lock()
	defer p.mu.Unlock()
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
