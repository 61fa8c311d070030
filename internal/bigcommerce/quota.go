package bigcommerce

import "time"

// QuotaWait reports how long a request sent now would be held back by the
// client's pacing, waiting for the store's rate-limit window to reset: zero
// while the quota has room. The batching layer keeps a batch open for that
// long, since its requests could not go out sooner anyway.
func (c *Client) QuotaWait() time.Duration {
	p := c.pacer
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if !p.known || !now.Before(p.resetAt) || p.left > reserve {
		return 0
	}
	return p.resetAt.Sub(now)
}
