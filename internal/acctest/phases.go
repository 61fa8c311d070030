package acctest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// Phases counts the requests a scale test's phases (create, refresh,
// update, destroy) send to one family's endpoints, such as
// "/v3/customers/addresses", and bounds them.
type Phases struct {
	t        *testing.T
	store    *sandbox.Server
	rec      *sandbox.Recording
	path     string // the family's path, e.g. "/v3/customers/addresses"
	what     string // e.g. "50 addresses", for the messages
	bound    int    // at most this many requests per bounded endpoint
	enforced bool   // false only logs, to compare (batching off)
}

// NewPhases counts requests to path in t's sandbox; against a real store
// the test is skipped. Unless enforced, Check only logs the counts.
func NewPhases(t *testing.T, path, what string, bound int, enforced bool) *Phases {
	t.Helper()
	p := &Phases{t: t, store: Sandbox(t), path: path, what: what, bound: bound, enforced: enforced}
	t.Cleanup(p.stop)
	return p
}

// Reset starts a phase: a step's PreConfig.
func (p *Phases) Reset() {
	p.store.ResetStats()
	p.stop()
	p.rec = p.store.Record()
}

func (p *Phases) stop() {
	if p.rec != nil {
		p.rec.Stop()
	}
}

// Check logs the family's requests since the last Reset, with each write's
// batch sizes, and fails when a bounded endpoint (such as
// "POST /v3/customers/addresses") got none or more than the bound.
func (p *Phases) Check(name string, bounded ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		st := p.store.Stats()
		var keys []string
		for k := range st.Requests {
			if strings.HasSuffix(k, " "+p.path) {
				keys = append(keys, fmt.Sprintf("%s: %d%s", k, st.Requests[k], p.batchSizes(k)))
			}
		}
		slices.Sort(keys)
		p.t.Logf("%s of %s (bounded %v): %s", name, p.what, p.enforced, strings.Join(keys, ", "))
		if !p.enforced {
			return nil
		}
		for _, key := range bounded {
			if got := st.Requests[key]; got == 0 || got > p.bound {
				return fmt.Errorf("%s: %d requests to %s for %s, want 1 to %d", name, got, key, p.what, p.bound)
			}
		}
		return nil
	}
}

// batchSizes lists the items of each recorded write to key, as " of
// [10 10 ...] items"; empty for requests without a body.
func (p *Phases) batchSizes(key string) string {
	if p.rec == nil {
		return ""
	}
	var sizes []int
	for _, r := range p.rec.Requests(key) {
		var items []json.RawMessage
		if json.Unmarshal(r.Body, &items) == nil {
			sizes = append(sizes, len(items))
		}
	}
	if len(sizes) == 0 {
		return ""
	}
	return fmt.Sprintf(" of %v items", sizes)
}
