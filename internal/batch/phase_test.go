package batch

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// lifecycleItems is how many items the lifecycle tests run through a
// service at once: five full batches.
const lifecycleItems = 50

// runPhase runs fn for items 0 to lifecycleItems-1 at once, as Terraform runs a phase's
// resources, and checks the requests the store received: at least one and
// at most its bound for each endpoint in bounds, and no 429.
func runPhase(t *testing.T, store *sandbox.Store, name string, bounds map[string]int, fn func(i int) error) {
	t.Helper()
	store.ResetStats()
	var mu sync.Mutex
	var errs []error
	each(lifecycleItems, func(i int) {
		if err := fn(i); err != nil {
			mu.Lock()
			errs = append(errs, fmt.Errorf("%s %d: %w", name, i, err))
			mu.Unlock()
		}
	})
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	st := store.Stats()
	for endpoint, most := range bounds {
		if got := st.Requests[endpoint]; got == 0 || got > most {
			t.Errorf("%s: %d requests to %s, want 1 to %d", name, got, endpoint, most)
		}
	}
	if st.RateLimited != 0 {
		t.Errorf("%s: %d requests answered 429", name, st.RateLimited)
	}
}
