package batch

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// slots runs work through parallelism workers, as Terraform runs resources
// through its -parallelism slots: a worker takes the next item as soon as
// its last one is answered.
func slots(parallelism, n int, work func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range parallelism {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				work(i)
			}
		})
	}
	wg.Wait()
}

// familyRequests sends n items of each of three families through 10 slots,
// interleaved as a plan of customers with an address and a value each
// reaches them, and counts each family's requests.
func familyRequests(t *testing.T, shared bool) [3]int64 {
	t.Helper()
	const n = 60
	var sched *Scheduler
	if shared {
		sched = NewScheduler()
	}
	var requests [3]atomic.Int64
	var families [3]*Coalescer[int, int]
	for f := range families {
		families[f] = New(Options{MaxSize: 10, Scheduler: sched, AwaitSent: true}, func(_ context.Context, items []int) []Result[int] {
			requests[f].Add(1)
			time.Sleep(20 * time.Millisecond) // the store's latency
			return make([]Result[int], len(items))
		})
	}
	slots(10, 3*n, func(i int) {
		if _, err := families[i%3].Do(context.Background(), i); err != nil {
			t.Error(err)
		}
	})
	var got [3]int64
	for f := range got {
		got[f] = requests[f].Load()
	}
	return got
}

// TestSchedulerSharedAcrossFamilies: three families sharing Terraform's 10
// slots each see about three callers at a time; with one scheduler the
// fullest batch goes first while the others keep filling, so the batches
// are fuller and the requests fewer. 60 items a family take 6 requests
// ideally.
func TestSchedulerSharedAcrossFamilies(t *testing.T) {
	alone := familyRequests(t, false)
	shared := familyRequests(t, true)
	sum := func(r [3]int64) int64 { return r[0] + r[1] + r[2] }
	t.Logf("requests per family: alone %v, shared %v", alone, shared)
	if sum(shared) >= sum(alone) {
		t.Errorf("shared scheduler: %d requests, one per family: %d; want fewer shared", sum(shared), sum(alone))
	}
}
