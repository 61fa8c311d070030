package batch

import (
	"sync"
	"time"
)

// Scheduler decides when the batches of its coalescers go out. Every
// Coalescer has one; coalescers whose callers take the same Terraform
// parallelism slots share one, so that they see one stream of callers.
//
// Terraform's 10 slots are shared by every resource type in a plan: when
// customers, addresses and attribute values are created together, each
// family's coalescer alone sees three or four callers at a time and sends
// batches a third full. Shared, the scheduler counts the slots of all of them
// as one: while any batch is in flight, the batches of every family wait for
// its callers to come back with their next calls; when nothing is in flight
// and the callers have gone quiet, the fullest waiting batch goes first, and
// the others keep filling with the callers it frees. Full batches go at once.
type Scheduler struct {
	mu       sync.Mutex
	members  []member
	inflight int // batches executing, of every member
	// owed counts callers answered whose next call has not arrived yet:
	// Terraform gives a freed parallelism slot to the next resource at
	// once, so each answer predicts an arrival, at any member.
	owed     int
	lastSeen time.Time // last arrival or answer
	// pace and dev estimate how far apart returning callers arrive, and how
	// much that varies, as TCP estimates a round trip. With local state,
	// Terraform rewrites the whole state file after each write before it
	// makes its next call: 2 ms apart at 200 resources, 50-100 ms at 1,000
	// on two cores. A fixed window cannot fit both.
	pace, dev time.Duration
	timer     *time.Timer
}

// member is a Coalescer, whatever its item types.
type member interface {
	next(now time.Time) (ready bool, fill float64, at time.Time)
	sendNext(now time.Time)
	idle() bool
}

// NewScheduler returns a Scheduler for coalescers to share through
// Options.Scheduler.
func NewScheduler() *Scheduler { return &Scheduler{} }

func (s *Scheduler) join(m member) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members = append(s.members, m)
}

// arrive records a call arriving at a member with opts, and reports whether
// it is alone: nothing waiting or in flight anywhere, no caller expected
// back and no activity for opts.Idle. Called with mu held.
func (s *Scheduler) arrive(now time.Time, opts Options) bool {
	since := now.Sub(s.lastSeen)
	if since > opts.MaxGap {
		// A new stream: whoever was answered that long ago is not coming
		// back, and the last stream's pace says nothing about this one.
		s.owed, s.pace, s.dev = 0, 0, 0
	} else if opts.FollowPace || s.owed > 0 {
		s.observePace(since)
	}
	lone := s.inflight == 0 && s.owed == 0 && since > opts.Idle
	for _, m := range s.members {
		lone = lone && m.idle()
	}
	s.owed = max(s.owed-1, 0)
	s.lastSeen = now
	return lone
}

// answered records a batch answered to its live callers. Called with mu
// held.
func (s *Scheduler) answered(live int, now time.Time) {
	s.inflight--
	s.owed += live
	s.lastSeen = now
	s.dispatch(now)
}

// dispatch sends the batches that are due and may go, the fullest first, and
// sets the timer for the next decision. Called with mu held, on every
// arrival, answer and timer tick.
func (s *Scheduler) dispatch(now time.Time) {
	for {
		var pick member
		var best float64
		var wake time.Time
		for _, m := range s.members {
			ready, fill, at := m.next(now)
			if !ready {
				if !at.IsZero() && (wake.IsZero() || at.Before(wake)) {
					wake = at
				}
				continue
			}
			if pick == nil || fill > best {
				pick, best = m, fill
			}
		}
		if pick == nil {
			if !wake.IsZero() {
				s.wake(wake)
			}
			return
		}
		// Once it is in flight, the others wait for its callers.
		pick.sendNext(now)
	}
}

// due is when a batch opened at opened goes out if no more items come.
func (s *Scheduler) due(opened time.Time, lone bool, opts Options) time.Time {
	if lone {
		return opened // a lone call does not wait
	}
	latest := opened.Add(opts.MaxWait)
	if s.inflight > 0 {
		// Callers are in flight and will be back with their next calls
		// as soon as they are answered: wait for them rather than split a
		// wave in two and keep the halves apart ever after.
		return latest
	}
	// Quiet is counted from the latest arrival or answer: callers just
	// answered come back within the gap.
	if t := s.lastSeen.Add(s.gap(opts)); t.Before(latest) {
		return t
	}
	return latest
}

// gap is how long a batch waits for its next item after the latest arrival
// or answer.
func (s *Scheduler) gap(opts Options) time.Duration {
	if s.owed == 0 && (!opts.FollowPace || s.pace == 0) {
		return opts.MinGap
	}
	// Calls are coming (callers just answered, or with FollowPace a stream
	// of calls): wait as long as they usually take, and never less than a
	// few MinGaps, so a scheduling hiccup does not split a batch; the wait
	// ends early anyway once the batch is full.
	return min(max(s.pace+4*s.dev, 4*opts.MinGap), opts.MaxGap)
}

// observePace takes the time between two arrivals, or between an answer and
// an arrival.
func (s *Scheduler) observePace(d time.Duration) {
	if s.pace == 0 {
		s.pace, s.dev = d, d/2
		return
	}
	diff := d - s.pace
	s.pace += diff / 8
	s.dev += (max(diff, -diff) - s.dev) / 4
}

// wake makes the timer run dispatch at t. A timer that fires early or late
// only makes dispatch look again.
func (s *Scheduler) wake(t time.Time) {
	d := time.Until(t)
	if s.timer == nil {
		s.timer = time.AfterFunc(d, s.tick)
		return
	}
	s.timer.Reset(d)
}

func (s *Scheduler) tick() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dispatch(time.Now())
}
