package lifecycle_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// segment returns the segment with this id, nil when there is none.
func (s *store) segment(t *testing.T, id string) map[string]any {
	t.Helper()
	return s.first(t, "/v3/segments?id:in="+id)
}

// newSegment creates a segment out of band and returns its id.
func (s *store) newSegment(t *testing.T, name string) string {
	t.Helper()
	var created struct {
		Data []map[string]any `json:"data"`
	}
	s.call(t, http.MethodPost, "/v3/segments", []any{map[string]any{"name": name}}, &created)
	if len(created.Data) != 1 {
		t.Fatalf("creating segment %q: %v", name, created)
	}
	return created.Data[0]["id"].(string) //nolint:forcetypeassert // a segment's id is a string
}

// segmentMembers returns the customer ids of a segment's shopper profiles,
// ascending, and the profile id of each.
func (s *store) segmentMembers(t *testing.T, id string) ([]int, map[int]string) {
	t.Helper()
	var page struct {
		Data []struct {
			ID         string `json:"id"`
			CustomerID int    `json:"customer_id"`
		} `json:"data"`
	}
	if s.call(t, http.MethodGet, "/v3/segments/"+id+"/shopper-profiles?limit=250", nil, &page) == http.StatusNotFound {
		t.Fatalf("segment %s does not exist", id)
	}
	var ids []int
	profiles := map[int]string{}
	for _, p := range page.Data {
		ids = append(ids, p.CustomerID)
		profiles[p.CustomerID] = p.ID
	}
	slices.Sort(ids)
	return ids, profiles
}

// TestCustomerSegment takes a segment through its life with the commands a
// user types: create, rename and new description in place, drift and its
// repair, an out-of-band delete and the re-creation, import into a fresh
// state by its id (a UUID), and destroy.
func TestCustomerSegment(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	cfg := func(name, description string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_segment" "test" {
  name        = %q
  description = %q
}
`, name, description)
	}
	lifecycle{
		addr:    "bigcommerce_customer_segment.test",
		created: cfg("VIP Shoppers", "Big spenders"),
		updated: cfg("VIP Customers", "Loyal customers"),
		updatedInStore: func(t *testing.T, id string) {
			sg := s.segment(t, id)
			if sg == nil || sg["name"] != "VIP Customers" || sg["description"] != "Loyal customers" {
				t.Fatalf("the store holds %v; want name \"VIP Customers\", description \"Loyal customers\"", sg)
			}
		},
		drift: func(t *testing.T, id string) {
			s.call(t, http.MethodPut, "/v3/segments", []any{map[string]any{"id": id, "description": "Drifted"}}, nil)
		},
		driftShows: []string{`description`, `"Drifted" -> "Loyal customers"`},
		remove: func(t *testing.T, id string) {
			s.call(t, http.MethodDelete, "/v3/segments?id:in="+id, nil, nil)
		},
		exists: func(t *testing.T, id string) bool { return s.segment(t, id) != nil },
	}.run(t, s)
}

// TestCustomerSegmentMembers takes a segment's members through their life:
// add, change (one dropped, one new), a member added out of band and
// removed by the next apply, the segment deleted out of band, import into a
// fresh state by the segment's id, and destroy, which empties the segment
// and leaves the segment and the shopper profiles.
func TestCustomerSegmentMembers(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	c := s.SeedCustomers(3, 0)
	const addr = "bigcommerce_customer_segment_members.test"
	cfg := func(segmentID string, customers ...int) string {
		ids := make([]string, len(customers))
		for i, id := range customers {
			ids[i] = fmt.Sprint(id)
		}
		return fmt.Sprintf(`
resource "bigcommerce_customer_segment_members" "test" {
  segment_id   = %q
  customer_ids = [%s]
}
`, segmentID, strings.Join(ids, ", "))
	}
	holds := func(t *testing.T, segmentID string, want ...int) map[int]string {
		t.Helper()
		got, profiles := s.segmentMembers(t, segmentID)
		if !slices.Equal(got, want) {
			t.Fatalf("segment %s holds customers %v, want %v", segmentID, got, want)
		}
		return profiles
	}
	changes := func(t *testing.T, out, summary string) {
		t.Helper()
		if !strings.Contains(out, summary) {
			t.Fatalf("the plan does not say %q:\n%s", summary, out)
		}
	}

	segment := s.newSegment(t, "Newsletter readers")
	w := s.workspace(t)
	w.config(cfg(segment, c[0], c[1]))
	w.apply()
	w.plan(0)
	if got := w.id(addr); got != segment {
		t.Fatalf("the resource's id is %s, want the segment's %s", got, segment)
	}
	profiles := holds(t, segment, c[0], c[1])

	// One dropped, one new: in place.
	w.config(cfg(segment, c[1], c[2]))
	changes(t, w.plan(2), "0 to add, 1 to change, 0 to destroy")
	w.apply()
	holds(t, segment, c[1], c[2])
	w.plan(0)

	// A member added out of band shows in the plan, and apply removes it.
	s.call(t, http.MethodPost, "/v3/segments/"+segment+"/shopper-profiles", []string{profiles[c[0]]}, nil)
	out := w.plan(2)
	changes(t, out, "customer_ids")
	changes(t, out, "0 to add, 1 to change, 0 to destroy")
	w.apply()
	holds(t, segment, c[1], c[2])
	w.plan(0)

	// The segment deleted out of band: the members leave the state, with a
	// warning; they go into another segment.
	s.call(t, http.MethodDelete, "/v3/segments?id:in="+segment, nil, nil)
	out = w.plan(2)
	changes(t, out, "no longer exists")
	changes(t, out, "1 to add, 0 to change, 0 to destroy")
	segment = s.newSegment(t, "Newsletter readers")
	w.config(cfg(segment, c[1], c[2]))
	w.apply()
	holds(t, segment, c[1], c[2])
	w.plan(0)

	// Import into a fresh state by the segment's id: nothing to do.
	imp := s.workspace(t)
	imp.config(cfg(segment, c[1], c[2]))
	imp.must(0, "import", "-input=false", addr, segment)
	imp.plan(0)

	// Destroy empties the segment; the segment and the profiles stay.
	imp.must(0, "destroy", "-input=false", "-auto-approve")
	holds(t, segment)
	var all struct {
		Data []struct {
			CustomerID int `json:"customer_id"`
		} `json:"data"`
	}
	s.call(t, http.MethodGet, "/v3/shopper-profiles?limit=250", nil, &all)
	for _, id := range c {
		if !slices.ContainsFunc(all.Data, func(p struct {
			CustomerID int `json:"customer_id"`
		},
		) bool {
			return p.CustomerID == id
		}) {
			t.Errorf("customer %d has no shopper profile after destroy", id)
		}
	}
}
