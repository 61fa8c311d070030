package bigcommerce

import (
	"context"
	"time"
)

// MaxConcurrentCustomerPuts is BigCommerce's limit on PUT /v3/customers
// requests in flight at once ("Limit of 3 concurrent requests"); beyond it
// the store answers 429. UpdateCustomers waits for a slot instead.
const MaxConcurrentCustomerPuts = 3

// acquire takes a slot of sem, or gives up when ctx ends.
func acquire(ctx context.Context, sem chan struct{}) (release func(), err error) {
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// QuotaWait reports how long a request sent now would be held back by the
// client's pacing, waiting for the store's rate-limit window to reset: zero
// while the quota has room. The batching layer keeps a batch open for that
// long, since its requests could not go out sooner anyway.
func (c *Client) QuotaWait() time.Duration {
	p := c.pacer
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if !p.known || !now.Before(p.resetAt) || p.left > p.floor() {
		return 0
	}
	return p.resetAt.Sub(now)
}
