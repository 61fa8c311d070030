package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
)

// SeedFile is a store's starting data, as `bigcommerce-sandbox -seed-file`
// reads it: each object is the request body BigCommerce's API documents for
// creating one, sent through the API itself, so a seed file is refused
// exactly as the API would refuse the same data. Ids are handed out in file
// order from 1, so customers can name a group by its id.
type SeedFile struct {
	Channels       []int             `json:"channels"`        // channel ids besides 1
	CustomerGroups []json.RawMessage `json:"customer_groups"` // POST /v2/customer_groups, one each
	Customers      []json.RawMessage `json:"customers"`       // POST /v3/customers
	Attributes     []json.RawMessage `json:"attributes"`      // POST /v3/customers/attributes
	Addresses      []json.RawMessage `json:"addresses"`       // POST /v3/customers/addresses
	Subscribers    []json.RawMessage `json:"subscribers"`     // POST /v3/customers/subscribers, one each
	Segments       []json.RawMessage `json:"segments"`        // POST /v3/segments
}

// Seed loads a seed file (JSON, see SeedFile) into the store. Quota,
// latency and faults do not apply to it.
func (s *Store) Seed(r io.Reader) error {
	var f SeedFile
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("seed file: %w", err)
	}
	for _, id := range f.Channels {
		if id == 1 {
			continue
		}
		if id < 1 || s.hasChannel(id) {
			return fmt.Errorf("seed file: channel %d is not a new channel id", id)
		}
		s.SeedChannel(id)
	}
	one := func(path string, items []json.RawMessage) error {
		for i, item := range items {
			if err := s.seedRequest(path, item); err != nil {
				return fmt.Errorf("seed file: %s[%d]: %w", path, i, err)
			}
		}
		return nil
	}
	batch := func(path string, items []json.RawMessage) error {
		for start := 0; start < len(items); start += 10 {
			part, err := json.Marshal(items[start:min(start+10, len(items))])
			if err != nil {
				return err
			}
			if err := s.seedRequest(path, part); err != nil {
				return fmt.Errorf("seed file: %s from item %d: %w", path, start, err)
			}
		}
		return nil
	}
	for _, step := range []func() error{
		func() error { return one("/v2/customer_groups", f.CustomerGroups) },
		func() error { return batch("/v3/customers", f.Customers) },
		func() error { return batch("/v3/customers/attributes", f.Attributes) },
		func() error { return batch("/v3/customers/addresses", f.Addresses) },
		func() error { return one("/v3/customers/subscribers", f.Subscribers) },
		func() error { return batch("/v3/segments", f.Segments) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// seedRequest applies one POST with the API's own handler and checks, but
// past authentication, quota, latency, faults and the request statistics.
func (s *Store) seedRequest(path string, body []byte) error {
	req := httptest.NewRequest(http.MethodPost, "/stores/"+s.opts.StoreHash+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	t, _ := parseTarget(req.URL.Path)
	rt, id, allow := s.match(http.MethodPost, t.path)
	rep := s.dispatch(req, t, t.version, rt, id, allow)
	if rep.status != http.StatusOK && rep.status != http.StatusCreated {
		return fmt.Errorf("the store answered %d: %s", rep.status, bytes.TrimSpace(encode(rep.body)))
	}
	return nil
}

func (s *Store) hasChannel(id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.channels[id] != nil
}
