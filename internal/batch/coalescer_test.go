package batch

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// recorder is an Exec that doubles each item after a simulated request
// latency, and records the batches it ran.
type recorder struct {
	latency time.Duration

	mu       sync.Mutex
	batches  [][]int
	running  int
	peak     int
	canceled int // batches whose context ended before they finished
}

func (r *recorder) exec(ctx context.Context, items []int) []Result[int] {
	r.mu.Lock()
	r.batches = append(r.batches, append([]int(nil), items...))
	r.running++
	r.peak = max(r.peak, r.running)
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		r.running--
		r.mu.Unlock()
	}()

	results := make([]Result[int], len(items))
	select {
	case <-time.After(r.latency):
	case <-ctx.Done():
		r.mu.Lock()
		r.canceled++
		r.mu.Unlock()
		return withErr(results, ctx.Err())
	}
	for i, v := range items {
		results[i].Value = 2 * v
	}
	return results
}

func (r *recorder) sizes() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]int, len(r.batches))
	for i, b := range r.batches {
		out[i] = len(b)
	}
	return out
}

// callAll makes n concurrent calls released together and checks that each
// caller got its own result.
func callAll(t *testing.T, c *Coalescer[int, int], n int) {
	t.Helper()
	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			<-start
			got, err := c.Do(context.Background(), i)
			if err != nil {
				errs <- err
			} else if got != 2*i {
				errs <- errors.New("a caller got another caller's result")
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestLoneCallDoesNotWait(t *testing.T) {
	rec := &recorder{}
	// Windows far longer than the allowed latency: a lone call must not
	// open one.
	c := New(Options{MaxSize: 10, MinGap: 300 * time.Millisecond, MaxGap: 300 * time.Millisecond, MaxWait: time.Second, Idle: 50 * time.Millisecond}, rec.exec)
	for range 3 {
		start := time.Now()
		if got, err := c.Do(context.Background(), 21); err != nil || got != 42 {
			t.Fatalf("Do = %d, %v; want 42, nil", got, err)
		}
		if d := time.Since(start); d > 150*time.Millisecond {
			t.Fatalf("a lone call took %v; it must go out at once", d)
		}
		time.Sleep(400 * time.Millisecond) // idle again: longer than any gap
	}
}

func TestBurstIsGrouped(t *testing.T) {
	rec := &recorder{latency: 20 * time.Millisecond}
	c := New(Options{MaxSize: 10}, rec.exec)
	callAll(t, c, 100)

	sizes := rec.sizes()
	t.Logf("batch sizes: %v", sizes)
	total := 0
	for _, n := range sizes {
		if n > 10 {
			t.Fatalf("a batch of %d items; at most 10 allowed: %v", n, sizes)
		}
		total += n
	}
	if total != 100 {
		t.Fatalf("%d items executed, want 100: %v", total, sizes)
	}
	// Ideally 10; the first call may go alone, and a slow scheduler may
	// split one more wave.
	if len(sizes) > 15 {
		t.Fatalf("100 concurrent calls made %d batches, want at most 15: %v", len(sizes), sizes)
	}
}

// TestTrickleFillsBatches reproduces how Terraform with local state issues
// writes: 10 workers, and after each answer the worker rewrites the state
// file (one worker at a time) before it makes its next call, so calls
// trickle in one state write apart: a couple of ms with a small state, tens
// of ms with 1,000 resources. A fixed window of a few ms splits the slow
// trickle into small batches; the adaptive one fills them.
func TestTrickleFillsBatches(t *testing.T) {
	for _, tc := range []struct {
		items      int
		stateWrite time.Duration
	}{
		{items: 200, stateWrite: 2 * time.Millisecond},
		{items: 60, stateWrite: 40 * time.Millisecond},
	} {
		t.Run(tc.stateWrite.String(), func(t *testing.T) {
			rec := &recorder{latency: 30 * time.Millisecond}
			c := New(Options{MaxSize: 10}, rec.exec)
			var next atomic.Int32
			var stateFile sync.Mutex
			var wg sync.WaitGroup
			for range 10 {
				wg.Go(func() {
					for {
						i := int(next.Add(1)) - 1
						if i >= tc.items {
							return
						}
						if got, err := c.Do(context.Background(), i); err != nil || got != 2*i {
							t.Errorf("Do(%d) = %d, %v", i, got, err)
							return
						}
						stateFile.Lock()
						time.Sleep(tc.stateWrite)
						stateFile.Unlock()
					}
				})
			}
			wg.Wait()
			sizes := rec.sizes()
			t.Logf("batch sizes: %v", sizes)
			// Ideally items/10; half as many again leaves room for a busy
			// machine, while a fixed few-ms window makes far more.
			if limit := tc.items/10 + tc.items/20; len(sizes) > limit {
				t.Fatalf("%d trickling calls made %d batches, want at most %d: %v", tc.items, len(sizes), limit, sizes)
			}
		})
	}
}

func TestMaxInFlight(t *testing.T) {
	rec := &recorder{latency: 15 * time.Millisecond}
	c := New(Options{MaxSize: 3, MaxInFlight: 2}, rec.exec)
	callAll(t, c, 60)
	if rec.peak > 2 {
		t.Fatalf("%d batches ran at once, want at most 2", rec.peak)
	}
	// Batches waiting for a slot keep filling: only the first call (alone)
	// and the last batch (what is left) may be short.
	short := 0
	for _, n := range rec.sizes() {
		if n < 3 {
			short++
		}
	}
	if short > 2 {
		t.Fatalf("batch sizes %v: batches waiting for a slot should fill up", rec.sizes())
	}
}

// TestHoldKeepsBatchOpen: while requests would be held back (by the
// rate-limit pacer), calls that trickle in join one batch.
func TestHoldKeepsBatchOpen(t *testing.T) {
	rec := &recorder{}
	until := time.Now().Add(300 * time.Millisecond)
	hold := func() time.Duration { return max(time.Until(until), 0) }
	c := New(Options{MaxSize: 10, Hold: hold}, rec.exec)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			if _, err := c.Do(context.Background(), i); err != nil {
				t.Error(err)
			}
		})
		time.Sleep(60 * time.Millisecond) // far beyond every gap
	}
	wg.Wait()
	if sizes := rec.sizes(); len(sizes) != 1 {
		t.Fatalf("batches %v: calls arriving while requests are held back should share one", sizes)
	}
	if time.Now().Before(until) {
		t.Fatal("the batch went out while requests were held back")
	}
}

func TestCancelledCallerLeavesBatchRunning(t *testing.T) {
	release := make(chan struct{})
	batchCtxErr := make(chan error, 1)
	exec := func(ctx context.Context, items []int) []Result[int] {
		if items[0] != 0 { // not the warm-up call
			<-release
			batchCtxErr <- ctx.Err()
		}
		results := make([]Result[int], len(items))
		for i, v := range items {
			results[i].Value = v
		}
		return results
	}
	// Two calls fill a batch, which then goes out at once; the long gap
	// makes sure they meet however slowly the goroutines start.
	c := New(Options{MaxSize: 2, MinGap: time.Second, MaxGap: time.Second}, exec)
	// A first call goes out alone; the next two, arriving right after it,
	// share a batch.
	if _, err := c.Do(context.Background(), 0); err != nil {
		t.Fatal(err)
	}

	ctxA, cancelA := context.WithCancel(context.Background())
	doneA := make(chan error, 1)
	go func() { _, err := c.Do(ctxA, 1); doneA <- err }()
	doneB := make(chan int, 1)
	go func() { v, _ := c.Do(context.Background(), 2); doneB <- v }()

	time.Sleep(50 * time.Millisecond) // both are in the batch, in flight
	cancelA()
	select {
	case err := <-doneA:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled caller got %v, want context.Canceled", err)
		}
	case <-time.After(time.Second):
		t.Fatal("a cancelled caller did not return promptly")
	}
	close(release)
	if v := <-doneB; v != 2 {
		t.Fatalf("the other caller got %d, want 2", v)
	}
	if err := <-batchCtxErr; err != nil {
		t.Fatalf("the batch's context ended (%v) although a caller was still waiting", err)
	}
}

func TestBatchEndsWhenAllCallersHaveGone(t *testing.T) {
	rec := &recorder{latency: time.Minute}
	c := New(Options{MaxSize: 2}, rec.exec)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			if _, err := c.Do(ctx, i); !errors.Is(err, context.Canceled) {
				t.Errorf("got %v, want context.Canceled", err)
			}
		})
	}
	time.Sleep(50 * time.Millisecond)
	cancel()
	wg.Wait()
	deadline := time.Now().Add(time.Second)
	for {
		rec.mu.Lock()
		all := rec.canceled == len(rec.batches)
		rec.mu.Unlock()
		if all {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the batch kept running after every caller had gone")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestCancelledCallIsNotSent(t *testing.T) {
	rec := &recorder{latency: 100 * time.Millisecond}
	c := New(Options{MaxSize: 2, MaxInFlight: 1}, rec.exec)
	var wg sync.WaitGroup
	for i := range 2 { // fills the first batch, which goes out
		wg.Go(func() { _, _ = c.Do(context.Background(), i) })
	}
	time.Sleep(20 * time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	wg.Go(func() { _, _ = c.Do(ctx, 100) }) // waits for a slot
	wg.Go(func() { _, _ = c.Do(context.Background(), 3) })
	time.Sleep(20 * time.Millisecond)
	cancel()
	wg.Wait()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, b := range rec.batches {
		for _, v := range b {
			if v == 100 {
				t.Fatalf("batches %v: a call cancelled before its batch went out was sent", rec.batches)
			}
		}
	}
}

func TestCancelledBeforeCallReturnsAtOnce(t *testing.T) {
	rec := &recorder{}
	c := New(Options{MaxSize: 2}, rec.exec)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Do(ctx, 1); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if n := len(rec.sizes()); n != 0 {
		t.Fatalf("%d batches ran for a call whose context had already ended", n)
	}
}

// TestAwaitSentCallerGetsTheAnswer: with AwaitSent, a caller whose item
// has gone out waits for the answer after its context ends, and the batch
// learns that nobody waits for more, so it sends nothing further.
func TestAwaitSentCallerGetsTheAnswer(t *testing.T) {
	release := make(chan struct{})
	batchCtxErr := make(chan error, 1)
	exec := func(ctx context.Context, items []int) []Result[int] {
		<-release
		batchCtxErr <- ctx.Err()
		results := make([]Result[int], len(items))
		for i, v := range items {
			results[i].Value = 2 * v
		}
		return results
	}
	c := New(Options{MaxSize: 1, AwaitSent: true}, exec)
	ctx, cancel := context.WithCancel(context.Background())
	type answer struct {
		v   int
		err error
	}
	done := make(chan answer, 1)
	go func() { v, err := c.Do(ctx, 21); done <- answer{v, err} }()
	time.Sleep(20 * time.Millisecond) // a lone call goes out at once
	cancel()
	select {
	case a := <-done:
		t.Fatalf("the caller returned (%v) before its batch was answered", a.err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if a := <-done; a.err != nil || a.v != 42 {
		t.Fatalf("got %d, %v; want the answer 42", a.v, a.err)
	}
	if err := <-batchCtxErr; !errors.Is(err, context.Canceled) {
		t.Fatalf("the batch's context is %v once every caller has gone, want it ended", err)
	}
}

// TestAwaitSentCallNotYetSentIsDropped: with AwaitSent too, an item still
// waiting for its batch to go out is dropped and its caller returns at once.
func TestAwaitSentCallNotYetSentIsDropped(t *testing.T) {
	rec := &recorder{latency: 200 * time.Millisecond}
	c := New(Options{MaxSize: 2, MaxInFlight: 1, AwaitSent: true}, rec.exec)
	var wg sync.WaitGroup
	for i := range 2 { // fills the first batch, which goes out
		wg.Go(func() { _, _ = c.Do(context.Background(), i) })
	}
	time.Sleep(20 * time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { _, err := c.Do(ctx, 100); errc <- err }() // waits for a slot
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
	case <-time.After(100 * time.Millisecond):
		t.Fatal("a caller whose item had not gone out waited for other batches")
	}
	wg.Wait()
	time.Sleep(50 * time.Millisecond)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, b := range rec.batches {
		for _, v := range b {
			if v == 100 {
				t.Fatalf("batches %v: a call cancelled before its batch went out was sent", rec.batches)
			}
		}
	}
}

func TestWrongResultCountFailsEveryCaller(t *testing.T) {
	c := New(Options{MaxSize: 1}, func(context.Context, []int) []Result[int] { return nil })
	if _, err := c.Do(context.Background(), 1); err == nil {
		t.Fatal("an Exec that lost results must fail its callers")
	}
}

// TestSlowStartFillsBatches reproduces Terraform on a loaded machine: its
// workers reach the provider one by one, tens of ms apart, and each takes
// as long again between its calls, while the store answers in a few ms. A
// batch closed a few ms after its last arrival holds whatever came during
// the previous request, and the batches stay small for the whole apply.
func TestSlowStartFillsBatches(t *testing.T) {
	const items = 50
	rec := &recorder{latency: 5 * time.Millisecond}
	c := New(Options{MaxSize: 10, AwaitSent: true, FollowPace: true}, rec.exec)
	var next atomic.Int32
	var wg sync.WaitGroup
	for w := range 10 {
		wg.Go(func() {
			time.Sleep(time.Duration(w) * 20 * time.Millisecond)
			for {
				i := int(next.Add(1)) - 1
				if i >= items {
					return
				}
				if got, err := c.Do(context.Background(), i); err != nil || got != 2*i {
					t.Errorf("Do(%d) = %d, %v", i, got, err)
					return
				}
				time.Sleep(30 * time.Millisecond)
			}
		})
	}
	wg.Wait()
	sizes := rec.sizes()
	t.Logf("batch sizes: %v", sizes)
	if limit := items/10 + items/20; len(sizes) > limit {
		t.Fatalf("%d calls of slowly starting workers made %d batches, want at most %d: %v", items, len(sizes), limit, sizes)
	}
}
