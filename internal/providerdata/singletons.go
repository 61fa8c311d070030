package providerdata

import "sync"

// Singletons counts the instances of store-wide resources (of which a store
// has exactly one) that one plan or apply manages, so that a second one in
// the same configuration is refused while planning. Terraform starts the
// provider afresh for each plan and each apply, so the count is per run.
type Singletons struct {
	mu    sync.Mutex
	count map[string]int
}

// Claim records one more planned instance of the resource type typeName and
// reports whether it is the first.
func (s *Singletons) Claim(typeName string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.count == nil {
		s.count = map[string]int{}
	}
	s.count[typeName]++
	return s.count[typeName] == 1
}
