package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// AttributeValueSeed is one customer's value of one customer attribute, as
// an item of PUT /v3/customers/attribute-values takes it.
type AttributeValueSeed struct {
	CustomerID  int    `json:"customer_id"`
	AttributeID int    `json:"attribute_id"`
	Value       string `json:"value"`
}

// SeedAttributeValues sets customers' attribute values through the API's own
// upsert handler, ten to a request as the API takes them, so a value is
// refused exactly as the API would refuse it (an unknown customer or
// attribute, a value that does not suit the attribute's type). Like Seed, it
// spends no quota and counts no requests; it complements a seed file, which
// creates the customers and attributes the values name.
func (s *Store) SeedAttributeValues(values ...AttributeValueSeed) error {
	for start := 0; start < len(values); start += maxBatch {
		body, err := json.Marshal(values[start:min(start+maxBatch, len(values))])
		if err != nil {
			return err
		}
		if err := s.seedWrite(http.MethodPut, "/v3/customers/attribute-values", body); err != nil {
			return fmt.Errorf("seeding attribute values from item %d: %w", start, err)
		}
	}
	return nil
}

// seedWrite is seedRequest for any write method.
func (s *Store) seedWrite(method, path string, body []byte) error {
	req := httptest.NewRequest(method, "/stores/"+s.opts.StoreHash+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	t, _ := parseTarget(req.URL.Path)
	rt, id, allow := s.match(method, t.path)
	rep := s.dispatch(req, t, t.version, rt, id, allow)
	if rep.status != http.StatusOK && rep.status != http.StatusCreated {
		return fmt.Errorf("the store answered %d: %s", rep.status, bytes.TrimSpace(encode(rep.body)))
	}
	return nil
}

// AddressCount reports how many customer addresses the store holds.
func (s *Store) AddressCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.st.addresses)
}

// AttributeCount reports how many customer attributes the store holds.
func (s *Store) AttributeCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.st.attributes)
}

// AttributeValueCount reports how many customers' attribute values the store
// holds.
func (s *Store) AttributeValueCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.st.values)
}
