// Package batch merges concurrent per-item calls into batch requests.
//
// Terraform calls a provider concurrently, one resource instance per call and
// up to -parallelism (10 by default) at a time, while BigCommerce takes up to
// 10 customers per create or update and many ids per read or delete, under a
// quota of 150 requests per 30 s on most plans. A Coalescer gathers the calls
// that arrive together into one batch and hands each caller its own result.
//
// The window adapts to how Terraform calls: a call with nothing else going on
// goes out at once. Otherwise a batch goes out when it is full; while another
// batch is in flight it waits for that batch's callers, who come back with
// their next calls as soon as they are answered; and it waits for callers
// just answered at the pace they have been coming back (a few ms for reads,
// one state-file write apart for writes with local state); a write's batch
// waits for any next call at the pace calls have been arriving. A batch that
// could not go out anyway, because the quota or the concurrency limit holds
// it back, keeps filling meanwhile.
package batch

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// Result is one item's outcome.
type Result[Out any] struct {
	Value Out
	Err   error
}

// Exec runs one batch and returns one Result per item, in item order. Its
// context belongs to the batch, not to any one caller: a caller that gives up
// does not cancel its neighbours' request.
type Exec[In, Out any] func(ctx context.Context, items []In) []Result[Out]

// Options tune a Coalescer's window. Zero values pick the defaults, which
// come from measuring how Terraform calls a provider.
type Options struct {
	// MaxSize is the most items one batch holds. Required.
	MaxSize int
	// MaxInFlight bounds the batches executing at once; 0 means no bound.
	// A batch waiting for a slot keeps taking items.
	MaxInFlight int
	// MinGap closes a batch after this much quiet since its last item, when
	// nothing is in flight and no caller is expected back. Default 3 ms:
	// Terraform's concurrent reads arrive within a few milliseconds.
	MinGap time.Duration
	// MaxGap caps the quiet tolerated while callers just answered are
	// expected back with their next call. Within the cap the gap follows
	// the pace at which they have been coming back. Default 1 s.
	MaxGap time.Duration
	// MaxWait is the longest a batch stays open for more items, unless it
	// could not go out anyway (Hold, MaxInFlight). Default 2 s.
	MaxWait time.Duration
	// FollowPace makes a batch wait for the next call as long as calls
	// have been following each other, even when no caller it answered is
	// expected back. Writes need it: Terraform makes each write after
	// planning it and, with local state, after writing the state file, so
	// on a loaded machine its calls reach the provider tens of ms apart,
	// and a batch closed MinGap after its last call holds only what came
	// during the previous request. Reads come in bursts and go at its end.
	FollowPace bool
	// Idle: a call that finds nothing open, nothing in flight, no caller
	// expected back and no activity for this long is alone, and goes out at
	// once. Default 100 ms.
	Idle time.Duration
	// Hold reports how long a request sent now would be held back, for
	// example by rate-limit pacing. While it is positive a batch that is not
	// full stays open: its items could not go out sooner anyway.
	Hold func() time.Duration
	// Timeout bounds one batch's run for callers without a deadline of their
	// own. Default 30 minutes.
	Timeout time.Duration
	// AwaitSent makes a caller whose item has gone out wait for the batch's
	// answer even after its context ends. Writes need it: the store applies
	// a request whether or not anyone listens, and only the answer says
	// what it did (a new customer's id). The Exec stops sending once every
	// caller has gone; the request in flight is bounded by its own timeout.
	AwaitSent bool
	// Scheduler, when set, is shared with other coalescers whose callers
	// take the same Terraform parallelism slots; see Scheduler. Without
	// one, the coalescer schedules its batches alone.
	Scheduler *Scheduler
}

// Coalescer merges concurrent Do calls into batches run by its Exec.
type Coalescer[In, Out any] struct {
	opts  Options
	exec  Exec[In, Out]
	sched *Scheduler // its mutex guards the fields below

	queue    []*batch[In, Out] // waiting to go out, oldest first; only the last takes new items
	inflight int               // this coalescer's batches executing
}

type batch[In, Out any] struct {
	calls  []*call[In, Out]
	opened time.Time
	lone   bool // opened by a call with nothing else going on

	// Set when the batch goes out.
	live   int // callers still waiting
	cancel context.CancelFunc
}

type call[In, Out any] struct {
	ctx  context.Context
	in   In
	b    *batch[In, Out]
	sent bool
	done chan struct{} // closed once res is set
	res  Result[Out]
}

// New returns a Coalescer that runs batches with exec.
func New[In, Out any](opts Options, exec Exec[In, Out]) *Coalescer[In, Out] {
	if opts.MaxSize < 1 {
		panic("batch: MaxSize must be at least 1")
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&opts.MinGap, 3*time.Millisecond)
	def(&opts.MaxGap, time.Second)
	def(&opts.MaxWait, 2*time.Second)
	def(&opts.Idle, 100*time.Millisecond)
	def(&opts.Timeout, 30*time.Minute)
	c := &Coalescer[In, Out]{opts: opts, exec: exec, sched: opts.Scheduler}
	if c.sched == nil {
		c.sched = NewScheduler()
	}
	c.sched.join(c)
	return c
}

// Do adds in to a batch and waits for its result. When ctx ends first, the
// item is dropped if it has not gone out yet and Do returns ctx.Err(); the
// batch goes on for the other callers. An item already sent is waited for
// with AwaitSent, and given up at once without.
func (c *Coalescer[In, Out]) Do(ctx context.Context, in In) (Out, error) {
	var zero Out
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	cl := &call[In, Out]{ctx: ctx, in: in, done: make(chan struct{})}
	c.sched.mu.Lock()
	c.add(cl, time.Now())
	c.sched.mu.Unlock()

	select {
	case <-cl.done:
		return cl.res.Value, cl.res.Err
	case <-ctx.Done():
	}
	c.sched.mu.Lock()
	sent := c.abandon(cl)
	c.sched.mu.Unlock()
	if sent && c.opts.AwaitSent {
		<-cl.done
		return cl.res.Value, cl.res.Err
	}
	select {
	case <-cl.done:
		// Answered meanwhile: a customer just created is worth more than
		// the cancellation.
		return cl.res.Value, cl.res.Err
	default:
		return zero, ctx.Err()
	}
}

// add queues cl. Called with the scheduler's mu held.
func (c *Coalescer[In, Out]) add(cl *call[In, Out], now time.Time) {
	lone := c.sched.arrive(now, c.opts)
	var b *batch[In, Out]
	if n := len(c.queue); n > 0 && len(c.queue[n-1].calls) < c.opts.MaxSize {
		b = c.queue[n-1]
	} else {
		b = &batch[In, Out]{opened: now, lone: lone}
		c.queue = append(c.queue, b)
	}
	b.calls = append(b.calls, cl)
	cl.b = b
	c.sched.dispatch(now)
}

// abandon takes a caller whose context ended out of its batch, and reports
// whether its item had already gone out. Called with the scheduler's mu
// held.
func (c *Coalescer[In, Out]) abandon(cl *call[In, Out]) bool {
	b := cl.b
	if !cl.sent {
		b.calls = slices.DeleteFunc(b.calls, func(x *call[In, Out]) bool { return x == cl })
		if len(b.calls) == 0 {
			c.queue = slices.DeleteFunc(c.queue, func(x *batch[In, Out]) bool { return x == b })
		}
		return false
	}
	select {
	case <-cl.done:
		return true
	default:
	}
	if b.live--; b.live == 0 {
		// Nobody is left waiting for more: the Exec sends nothing further.
		// With AwaitSent, a request in flight still runs to its answer.
		b.cancel()
	}
	return true
}

// next reports on c's oldest waiting batch: whether it may go now, how full
// it is, and otherwise when to look again (zero: at the next answer).
// Called with the scheduler's mu held.
func (c *Coalescer[In, Out]) next(now time.Time) (ready bool, fill float64, at time.Time) {
	if len(c.queue) == 0 || (c.opts.MaxInFlight > 0 && c.inflight >= c.opts.MaxInFlight) {
		return false, 0, time.Time{} // the next arrival or answer looks again
	}
	b := c.queue[0]
	if len(b.calls) >= c.opts.MaxSize {
		return true, 1, now
	}
	if hold := c.hold(); hold > 0 {
		return false, 0, now.Add(hold)
	}
	due := c.sched.due(b.opened, b.lone, c.opts)
	return !now.Before(due), float64(len(b.calls)) / float64(c.opts.MaxSize), due
}

// sendNext sends c's oldest waiting batch. Called with the scheduler's mu
// held.
func (c *Coalescer[In, Out]) sendNext(now time.Time) {
	b := c.queue[0]
	c.queue = c.queue[1:]
	c.send(b, now)
}

func (c *Coalescer[In, Out]) hold() time.Duration {
	if c.opts.Hold == nil {
		return 0
	}
	return c.opts.Hold()
}

// send starts b. Called with the scheduler's mu held.
func (c *Coalescer[In, Out]) send(b *batch[In, Out], now time.Time) {
	items := make([]In, len(b.calls))
	// The batch keeps the first caller's context values (loggers) but not
	// its cancellation. It ends when every caller has gone, and in any case
	// after Timeout or at the latest caller deadline, whichever is later.
	deadline := now.Add(c.opts.Timeout)
	for i, cl := range b.calls {
		items[i] = cl.in
		cl.sent = true
		if d, ok := cl.ctx.Deadline(); ok && d.After(deadline) {
			deadline = d
		}
	}
	ctx, cancel := context.WithDeadline(context.WithoutCancel(b.calls[0].ctx), deadline)
	b.cancel, b.live = cancel, len(b.calls)
	c.inflight++
	c.sched.inflight++
	go c.run(ctx, b, items)
}

func (c *Coalescer[In, Out]) run(ctx context.Context, b *batch[In, Out], items []In) {
	results := c.exec(ctx, items)
	b.cancel()
	if len(results) != len(items) {
		err := fmt.Errorf("batch: %d results for %d items", len(results), len(items))
		results = make([]Result[Out], len(items))
		for i := range results {
			results[i].Err = err
		}
	}

	c.sched.mu.Lock()
	defer c.sched.mu.Unlock()
	for i, cl := range b.calls {
		cl.res = results[i]
		close(cl.done)
	}
	c.inflight--
	c.sched.answered(b.live, time.Now())
}

// idle reports whether c has nothing waiting and nothing in flight. Called
// with the scheduler's mu held.
func (c *Coalescer[In, Out]) idle() bool {
	return len(c.queue) == 0 && c.inflight == 0
}
