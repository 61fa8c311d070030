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

// TestSchedulerSharedAcrossFamilies sends 60 items of each of three
// families through 10 slots, interleaved as a plan of customers with an
// address and a value each reaches them. Each family sees about three
// callers at a time; with one scheduler the fullest batch goes first while
// the others keep filling. 60 items a family take 6 requests with full
// batches; with k families waiting at once the fullest holds 10/k to 10, and
// 13 a family are measured. One scheduler per family took 45 to 51 in all,
// and with the gap that follows the stream's pace, several seconds more:
// each family waits for callers that are waiting in another's batch.
func TestSchedulerSharedAcrossFamilies(t *testing.T) {
	const n, limit = 60, 42
	sched := NewScheduler()
	var requests [3]atomic.Int64
	var families [3]*Coalescer[int, int]
	for f := range families {
		families[f] = New(Options{MaxSize: 10, Scheduler: sched, AwaitSent: true, FollowPace: true}, func(_ context.Context, items []int) []Result[int] {
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
	t.Logf("requests per family: %v", got)
	if sum := got[0] + got[1] + got[2]; sum > limit {
		t.Errorf("three families of %d items through one scheduler: %d requests, want at most %d", n, sum, limit)
	}
}
