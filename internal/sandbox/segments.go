package sandbox

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Limits of segments.v3.yml; doc.go gives the reasons.
const (
	// maxSegmentItems is how many items one write of segments.v3.yml
	// carries, and how many ids one id:in names: Add Shopper Profiles to a
	// Segment's "Limit of *Shopper Profiles* per request is `50`." is the
	// only per-request limit the document gives.
	maxSegmentItems = 50
	// maxSegments: Create Segments, "Max total segements allowed per store
	// is 1000."
	maxSegments = 1000
	// maxSegmentText bounds a segment's name and description, which the
	// document does not bound.
	maxSegmentText = 255
)

// segment is a customer segment.
type segment struct {
	ID          string // a UUID
	Name        string
	Description string
	Created     time.Time
	Updated     time.Time
	seq         int // creation order: lists answer in it
}

// segmentV3 is the spec's Segment.
type segmentV3 struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	CreatedAt   string `json:"created_at"`
	UpdatedAt   string `json:"updated_at"`
}

func renderSegment(sg *segment) segmentV3 {
	return segmentV3{ID: sg.ID, Name: sg.Name, Description: sg.Description, CreatedAt: v3Time(sg.Created), UpdatedAt: v3Time(sg.Updated)}
}

// newUUID is a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// orderedSegments lists the segments in creation order.
func (s *state) orderedSegments() []*segment {
	out := make([]*segment, 0, len(s.segments))
	for _, sg := range s.segments {
		out = append(out, sg)
	}
	slices.SortFunc(out, func(a, b *segment) int { return a.seq - b.seq })
	return out
}

// segmentNamed finds another segment with the name, case aside.
func (s *state) segmentNamed(name, except string) *segment {
	for _, sg := range s.segments {
		if sg.ID != except && strings.EqualFold(sg.Name, name) {
			return sg
		}
	}
	return nil
}

// segmentPage is CollectionMeta of segments.v3.yml: its Pagination has no
// links.
type segmentPage struct {
	Total       int `json:"total"`
	Count       int `json:"count"`
	PerPage     int `json:"per_page"`
	CurrentPage int `json:"current_page"`
	TotalPages  int `json:"total_pages"`
}

// pageAnswer answers one page of items as a segments.v3.yml collection.
func pageAnswer[T, R any](items []T, page, limit int, render func(T) R) reply {
	part := pageOf(items, page, limit)
	data := make([]R, 0, len(part))
	for _, it := range part {
		data = append(data, render(it))
	}
	meta := map[string]segmentPage{"pagination": {
		Total: len(items), Count: len(part), PerPage: limit, CurrentPage: page, TotalPages: (len(items) + limit - 1) / limit,
	}}
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: meta}}
}

// onlyParams refuses query parameters the operation does not declare: the
// store would ignore them, and list or delete more than was asked for.
func (c *call) onlyParams(names ...string) *reply {
	for name := range c.query {
		if !slices.Contains(names, name) {
			return ptr(c.badQuery(name, "is not a parameter of this operation; it takes only %s", strings.Join(names, ", ")))
		}
	}
	return nil
}

// uuidList reads id:in of segments.v3.yml: UUIDs, comma-separated ("Comma
// separated IDs.") or given as repeated parameters (the schema's explode),
// at most maxSegmentItems of them, lower-cased and without repeats.
func (c *call) uuidList() ([]string, bool, *reply) {
	const name = "id:in"
	values, ok := c.query[name]
	if !ok {
		return nil, false, nil
	}
	var out []string
	for _, v := range values {
		for _, p := range strings.Split(v, ",") {
			p = strings.ToLower(strings.TrimSpace(p))
			if !isUUID(p) {
				return nil, false, ptr(c.badQuery(name, "must be a comma-separated list of UUIDs"))
			}
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	if len(out) > maxSegmentItems {
		return nil, false, ptr(c.badQuery(name, "names %d ids; at most %d are allowed per request", len(out), maxSegmentItems))
	}
	return out, true, nil
}

// invalidSegments is the documented 400 of segments.v3.yml writes: "This
// is the result of either missing required fields, or because of invalid
// data."
func invalidSegments(errs map[string]string) reply {
	return failV3(http.StatusBadRequest, "The request is not valid", errs)
}

// segmentItems reads a write body: a JSON array of 1 to maxSegmentItems
// objects. Problems are keyed by item index.
func (c *call) segmentItems() ([]*fields, *problems, *reply) {
	var raw []json.RawMessage
	if json.Unmarshal(c.body, &raw) != nil || raw == nil {
		return nil, nil, ptr(invalidSegments(map[string]string{"body": "The request body must be a JSON array."}))
	}
	if len(raw) == 0 || len(raw) > maxSegmentItems {
		return nil, nil, ptr(invalidSegments(map[string]string{"body": fmt.Sprintf("%d items were sent; send 1 to %d per request.", len(raw), maxSegmentItems)}))
	}
	errs := &problems{}
	items := make([]*fields, len(raw))
	for i, r := range raw {
		items[i], _ = decodeObject(r, strconv.Itoa(i)+".", strconv.Itoa(i), errs)
	}
	return items, errs, nil
}

// listSegments serves GET /v3/segments.
func listSegments(c *call) reply {
	if rep := c.onlyParams("page", "limit", "id:in"); rep != nil {
		return *rep
	}
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	ids, filtered, rep := c.uuidList()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	list := c.s.st.orderedSegments()
	if filtered {
		list = slices.DeleteFunc(list, func(sg *segment) bool { return !slices.Contains(ids, sg.ID) })
	}
	return pageAnswer(list, page, limit, renderSegment)
}

// segmentConflict is the documented 409 of Create Segments: nothing is
// created, and each clashing item is one error (its errors keyed by the
// item's index).
func segmentConflict(total int, clashes map[int]string) reply {
	errs := []itemError{}
	for _, i := range sortedIDs(clashes) {
		errs = append(errs, itemError{Status: http.StatusConflict, Title: "Cannot have multiple segments with the same name.", Type: errorType,
			Errors: map[string]string{strconv.Itoa(i): clashes[i]}})
	}
	return reply{status: http.StatusConflict, body: map[string]any{
		"data": []any{}, "errors": errs, "meta": writeMeta{Total: total, Success: 0, Failed: total},
	}}
}

// createSegments serves POST /v3/segments. It creates every item or none.
func createSegments(c *call) reply {
	c.record("POST /v3/segments")
	items, errs, rep := c.segmentItems()
	if rep != nil {
		return *rep
	}
	type draft struct{ name, desc string }
	drafts := make([]draft, len(items))
	for i, f := range items {
		if f == nil {
			continue
		}
		drafts[i].name, _ = f.str("name", true, 1, maxSegmentText)
		drafts[i].desc, _ = f.str("description", false, 0, maxSegmentText)
	}
	if len(*errs) > 0 {
		return invalidSegments(errs.v3Map())
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	if n := len(st.segments) + len(items); n > maxSegments {
		return invalidSegments(map[string]string{"body": fmt.Sprintf("The store would hold %d segments; at most %d are allowed.", n, maxSegments)})
	}
	clashes := map[int]string{}
	for i, d := range drafts {
		if other := st.segmentNamed(d.name, ""); other != nil {
			clashes[i] = fmt.Sprintf("Segment %s is already named %q.", other.ID, other.Name)
		}
		for j := range i {
			if strings.EqualFold(drafts[j].name, d.name) {
				clashes[i] = fmt.Sprintf("Item %d of this request has the same name.", j)
			}
		}
	}
	if len(clashes) > 0 {
		return segmentConflict(len(items), clashes)
	}
	data := make([]segmentV3, 0, len(drafts))
	for _, d := range drafts {
		st.nextSeq++
		sg := &segment{ID: newUUID(), Name: d.name, Description: d.desc, Created: c.now, Updated: c.now, seq: st.nextSeq}
		st.segments[sg.ID] = sg
		data = append(data, renderSegment(sg))
	}
	return reply{status: http.StatusCreated, body: collection{Data: data, Meta: emptyMeta}}
}

// updateSegments serves PUT /v3/segments. It updates every item or none;
// an unknown segment, or a name another segment has, is invalid data (the
// documented 400). It answers 201, as documented.
func updateSegments(c *call) reply {
	c.record("PUT /v3/segments")
	items, errs, rep := c.segmentItems()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	next := make([]segment, len(items))
	names := map[string]int{}
	for i, f := range items {
		if f == nil {
			continue
		}
		id, ok := f.str("id", true, 1, 0)
		id = strings.ToLower(id)
		sg := st.segments[id]
		switch {
		case !ok:
		case !isUUID(id):
			errs.invalid(f.key("id"), "must be a UUID")
		case sg == nil:
			errs.fact(f.key("id"), "Segment %s does not exist.", id)
		default:
			next[i] = *sg
		}
		if v, ok := f.str("name", false, 1, maxSegmentText); ok {
			next[i].Name = v
		}
		if v, ok := f.str("description", false, 0, maxSegmentText); ok {
			next[i].Description = v
		}
		if sg == nil {
			continue
		}
		if j, seen := names[sg.ID]; seen {
			errs.fact(f.key("id"), "Segment %s is also named by item %d.", sg.ID, j)
		}
		names[sg.ID] = i
	}
	// Names are unique, case aside, once the request is applied.
	after := map[string]string{}
	for id, sg := range st.segments {
		after[id] = sg.Name
	}
	for _, n := range next {
		if n.ID != "" {
			after[n.ID] = n.Name
		}
	}
	for i, n := range next {
		if n.ID == "" {
			continue
		}
		for _, id := range slices.Sorted(maps.Keys(after)) {
			if id != n.ID && strings.EqualFold(after[id], n.Name) {
				errs.fact(fmt.Sprintf("%d.name", i), "Cannot have multiple segments with the same name: segment %s would also be named %q.", id, after[id])
				break
			}
		}
	}
	if len(*errs) > 0 {
		return invalidSegments(errs.v3Map())
	}
	data := make([]segmentV3, 0, len(next))
	for i := range next {
		sg := st.segments[next[i].ID]
		changed := sg.Name != next[i].Name || sg.Description != next[i].Description
		*sg = next[i]
		if changed {
			sg.Updated = c.now
		}
		data = append(data, renderSegment(sg))
	}
	return reply{status: http.StatusCreated, body: collection{Data: data, Meta: emptyMeta}}
}

// deleteSegments serves DELETE /v3/segments. Without id:in it deletes
// nothing and is refused; unknown ids are ignored. Shopper profiles stay:
// "This will not delete any associated *Shopper Profiles*."
func deleteSegments(c *call) reply {
	if rep := c.onlyParams("id:in"); rep != nil {
		return *rep
	}
	ids, ok, rep := c.uuidList()
	if rep != nil {
		return *rep
	}
	if !ok {
		return c.badQuery("id:in", "is required: name the segments to delete")
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	for _, id := range ids {
		delete(c.s.st.segments, id)
		delete(c.s.st.members, id)
	}
	return reply{status: http.StatusNoContent}
}
