package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// shopperProfile is a registered customer's shopper profile.
type shopperProfile struct {
	ID         string // a UUID
	CustomerID int
	Created    time.Time
	Updated    time.Time
	seq        int
}

// shopperProfileV3 is the spec's ShopperProfile.
type shopperProfileV3 struct {
	ID         string `json:"id"`
	CustomerID int    `json:"customer_id"`
	CreatedAt  string `json:"created_at"`
	UpdatedAt  string `json:"updated_at"`
}

func renderProfile(p *shopperProfile) shopperProfileV3 {
	return shopperProfileV3{ID: p.ID, CustomerID: p.CustomerID, CreatedAt: v3Time(p.Created), UpdatedAt: v3Time(p.Updated)}
}

// orderedProfiles lists the shopper profiles in creation order.
func (s *state) orderedProfiles() []*shopperProfile {
	out := make([]*shopperProfile, 0, len(s.profiles))
	for _, p := range s.profiles {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *shopperProfile) int { return a.seq - b.seq })
	return out
}

// profileOf is the shopper profile of a customer; nil when it has none.
func (s *state) profileOf(customerID int) *shopperProfile {
	for _, p := range s.profiles {
		if p.CustomerID == customerID {
			return p
		}
	}
	return nil
}

// deleteProfile deletes a shopper profile and its segment memberships.
func (s *state) deleteProfile(id string) {
	delete(s.profiles, id)
	for _, m := range s.members {
		delete(m, id)
	}
}

// segmentIDsOf lists the segments a customer's shopper profile belongs
// to, in the segments' creation order ([] without a profile): what
// include=segment_ids of GET /v3/customers shows.
func (s *state) segmentIDsOf(customerID int) []string {
	out := []string{}
	p := s.profileOf(customerID)
	if p == nil {
		return out
	}
	for _, sg := range s.orderedSegments() {
		if s.members[sg.ID][p.ID] {
			out = append(out, sg.ID)
		}
	}
	return out
}

// listShopperProfiles serves GET /v3/shopper-profiles.
func listShopperProfiles(c *call) reply {
	if rep := c.onlyParams("page", "limit"); rep != nil {
		return *rep
	}
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return pageAnswer(c.s.st.orderedProfiles(), page, limit, renderProfile)
}

// createShopperProfiles serves POST /v3/shopper-profiles. Every item needs
// the customer_id of a registered customer without a profile; the request
// creates every profile or none.
func createShopperProfiles(c *call) reply {
	c.record("POST /v3/shopper-profiles")
	items, errs, rep := c.segmentItems()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	ids := make([]int, len(items))
	for i, f := range items {
		if f == nil {
			continue
		}
		id, ok := f.integer("customer_id", true)
		switch {
		case !ok:
		case st.customers[id] == nil:
			errs.fact(f.key("customer_id"), "Customer %d does not exist.", id)
		case st.profileOf(id) != nil:
			errs.fact(f.key("customer_id"), "Customer %d already has shopper profile %s.", id, st.profileOf(id).ID)
		case slices.Contains(ids[:i], id):
			errs.fact(f.key("customer_id"), "Customer %d is also named by item %d.", id, slices.Index(ids, id))
		default:
			ids[i] = id
		}
	}
	if len(*errs) > 0 {
		return invalidSegments(errs.v3Map())
	}
	data := make([]shopperProfileV3, 0, len(ids))
	for _, id := range ids {
		st.nextSeq++
		p := &shopperProfile{ID: newUUID(), CustomerID: id, Created: c.now, Updated: c.now, seq: st.nextSeq}
		st.profiles[p.ID] = p
		data = append(data, renderProfile(p))
	}
	return reply{status: http.StatusCreated, body: collection{Data: data, Meta: emptyMeta}}
}

// deleteShopperProfiles serves DELETE /v3/shopper-profiles: the profiles
// id:in names (unknown ones are ignored) and their memberships. Without
// id:in it deletes nothing and is refused.
func deleteShopperProfiles(c *call) reply {
	if rep := c.onlyParams("id:in"); rep != nil {
		return *rep
	}
	ids, ok, rep := c.uuidList()
	if rep != nil {
		return *rep
	}
	if !ok {
		return c.badQuery("id:in", "is required: name the shopper profiles to delete")
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	for _, id := range ids {
		c.s.st.deleteProfile(id)
	}
	return reply{status: http.StatusNoContent}
}

// listProfileSegments serves GET /v3/shopper-profiles/{uuid}/segments; an
// unknown profile is 404.
func listProfileSegments(c *call) reply {
	if rep := c.onlyParams("page", "limit"); rep != nil {
		return *rep
	}
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	p := st.profiles[c.uuid()]
	if p == nil {
		return failV3(http.StatusNotFound, titleNotFound, nil)
	}
	var list []*segment
	for _, sg := range st.orderedSegments() {
		if st.members[sg.ID][p.ID] {
			list = append(list, sg)
		}
	}
	return pageAnswer(list, page, limit, renderSegment)
}

// segmentOf finds the segment of the path; 404 when there is none.
func (c *call) segmentOf() (*segment, *reply) {
	sg := c.s.st.segments[c.uuid()]
	if sg == nil {
		return nil, ptr(failV3(http.StatusNotFound, titleNotFound, nil))
	}
	return sg, nil
}

// listSegmentProfiles serves GET /v3/segments/{uuid}/shopper-profiles.
func listSegmentProfiles(c *call) reply {
	if rep := c.onlyParams("page", "limit"); rep != nil {
		return *rep
	}
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	sg, rep := c.segmentOf()
	if rep != nil {
		return *rep
	}
	var list []*shopperProfile
	for _, p := range st.orderedProfiles() {
		if st.members[sg.ID][p.ID] {
			list = append(list, p)
		}
	}
	return pageAnswer(list, page, limit, renderProfile)
}

// addSegmentProfiles serves POST /v3/segments/{uuid}/shopper-profiles: a
// JSON array of 1 to 50 profile ids. It adds every profile or none: a
// profile already in the segment is the documented 409, one error whose
// errors are keyed by item index; an unknown segment is 404, an unknown
// profile or a malformed body 400.
func addSegmentProfiles(c *call) reply {
	c.record("POST /v3/segments/{uuid}/shopper-profiles")
	var raw []json.RawMessage
	if json.Unmarshal(c.body, &raw) != nil || raw == nil {
		return invalidSegments(map[string]string{"body": "The request body must be a JSON array of shopper profile ids."})
	}
	if len(raw) == 0 || len(raw) > maxSegmentItems {
		return invalidSegments(map[string]string{"body": fmt.Sprintf("%d shopper profiles were sent; send 1 to %d per request.", len(raw), maxSegmentItems)})
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	sg, rep := c.segmentOf()
	if rep != nil {
		return *rep
	}
	ids := make([]string, len(raw))
	bad := map[string]string{}
	clashes := map[string]string{}
	for i, r := range raw {
		key := strconv.Itoa(i)
		var id string
		if json.Unmarshal(r, &id) != nil || !isUUID(id) {
			bad[key] = "The item is not a shopper profile id (a UUID)."
			continue
		}
		id = strings.ToLower(id)
		switch {
		case st.profiles[id] == nil:
			bad[key] = fmt.Sprintf("Shopper profile %s does not exist.", id)
		case slices.Contains(ids[:i], id):
			bad[key] = fmt.Sprintf("Shopper profile %s is also item %d.", id, slices.Index(ids, id))
		case st.members[sg.ID][id]:
			clashes[key] = fmt.Sprintf("Shopper profile `%s` already exists for segment `%s`.", id, sg.ID)
		}
		ids[i] = id
	}
	if len(bad) > 0 {
		return invalidSegments(bad)
	}
	if len(clashes) > 0 {
		return reply{status: http.StatusConflict, body: map[string]any{
			"data": []any{},
			"errors": []itemError{{Status: http.StatusConflict, Title: "Unable to add shopper profiles to segment due to conflicts.",
				Type: errorType, Errors: clashes}},
			"meta": writeMeta{Total: len(ids), Success: 0, Failed: len(ids)},
		}}
	}
	if st.members[sg.ID] == nil {
		st.members[sg.ID] = map[string]bool{}
	}
	data := make([]shopperProfileV3, 0, len(ids))
	for _, id := range ids {
		st.members[sg.ID][id] = true
		data = append(data, renderProfile(st.profiles[id]))
	}
	// ShopperProfilesAddResponse has data and no meta.
	return reply{status: http.StatusCreated, body: map[string]any{"data": data}}
}

// removeSegmentProfiles serves DELETE /v3/segments/{uuid}/shopper-profiles:
// it removes the profiles id:in names from the segment (ones not in it are
// ignored), at most 50. Without id:in it removes nothing and is refused.
func removeSegmentProfiles(c *call) reply {
	if rep := c.onlyParams("id:in"); rep != nil {
		return *rep
	}
	ids, ok, rep := c.uuidList()
	if rep != nil {
		return *rep
	}
	if !ok {
		return c.badQuery("id:in", "is required: name the shopper profiles to remove")
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	sg, rep := c.segmentOf()
	if rep != nil {
		return *rep
	}
	for _, id := range ids {
		delete(c.s.st.members[sg.ID], id)
	}
	return reply{status: http.StatusNoContent}
}
