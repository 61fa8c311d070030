package sandbox

import (
	"encoding/json"
	"slices"
	"sync"
)

// Recording keeps the bodies of the writes of customers, addresses, customer
// groups, attributes and attribute values that reach the store, so that a test can
// check what a client sent. Requests refused before they are applied (for
// the quota, for concurrency or by an injected fault) are not kept. A
// recording holds customers' data in memory only, and only while a test
// asks for it.
type Recording struct {
	store *Store
	mu    sync.Mutex
	reqs  []RecordedRequest
}

// RecordedRequest is one request as the store received it.
type RecordedRequest struct {
	// Key is the request as Stats counts it, such as
	// "PUT /v2/customer_groups/{id}".
	Key  string
	ID   int // the {id} of the path; 0 when it has none
	Body json.RawMessage
}

// recordings are the recordings in progress, by store. A Store keeps none
// itself, so that recording costs nothing unless a test asks for it.
var recordings = struct {
	sync.Mutex
	m map[*Store][]*Recording
}{m: map[*Store][]*Recording{}}

// Record starts a recording of the requests that arrive from now on, until
// Stop. Several recordings may run at once, each seeing every request.
func (s *Store) Record() *Recording {
	rec := &Recording{store: s}
	recordings.Lock()
	defer recordings.Unlock()
	recordings.m[s] = append(recordings.m[s], rec)
	return rec
}

// Stop ends the recording; what it holds stays readable.
func (r *Recording) Stop() {
	recordings.Lock()
	defer recordings.Unlock()
	list := slices.DeleteFunc(recordings.m[r.store], func(x *Recording) bool { return x == r })
	if len(list) == 0 {
		delete(recordings.m, r.store)
		return
	}
	recordings.m[r.store] = list
}

// Requests returns the recorded requests with the given key, in the order
// they arrived.
func (r *Recording) Requests(key string) []RecordedRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []RecordedRequest
	for _, req := range r.reqs {
		if req.Key == key {
			out = append(out, req)
		}
	}
	return out
}

// record hands the call's body to every recording in progress. key names
// the route, as Stats does.
func (c *call) record(key string) {
	recordings.Lock()
	defer recordings.Unlock()
	list := recordings.m[c.s]
	if len(list) == 0 {
		return
	}
	req := RecordedRequest{Key: key, ID: c.id, Body: json.RawMessage(slices.Clone(c.body))}
	for _, rec := range list {
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, req)
		rec.mu.Unlock()
	}
}
