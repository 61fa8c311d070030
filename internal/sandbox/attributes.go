package sandbox

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxAttributes: "A store cannot have more than 50 customer attributes."
const maxAttributes = 50

type attributeV3 struct {
	ID           int    `json:"id"`
	Name         string `json:"name"`
	Type         string `json:"type"`
	DateCreated  string `json:"date_created"`
	DateModified string `json:"date_modified"`
}

func renderAttribute(a *attribute) attributeV3 {
	return attributeV3{ID: a.ID, Name: a.Name, Type: a.Type, DateCreated: v3Time(a.Created), DateModified: v3Time(a.Modified)}
}

// attributeValueV3 is a value as reads return it: "attribute_value", where
// PUT takes "value".
type attributeValueV3 struct {
	ID             int    `json:"id"`
	AttributeID    int    `json:"attribute_id"`
	AttributeValue string `json:"attribute_value"`
	CustomerID     int    `json:"customer_id"`
	DateCreated    string `json:"date_created"`
	DateModified   string `json:"date_modified"`
}

func renderValue(v *attributeValue) attributeValueV3 {
	return attributeValueV3{
		ID: v.ID, AttributeID: v.AttributeID, AttributeValue: v.Value, CustomerID: v.CustomerID,
		DateCreated: v3Time(v.Created), DateModified: v3Time(v.Modified),
	}
}

// attributeValueProblem checks a value (always sent as a string) against the
// attribute's type.
func attributeValueProblem(typ, value string) string {
	switch typ {
	case "number":
		n, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
			return fmt.Sprintf("%q is not a number, and the attribute's type is number.", value)
		}
	case "date":
		if _, err := time.Parse("2006-01-02", value); err == nil {
			return ""
		}
		if _, err := time.Parse(time.RFC3339, value); err == nil {
			return ""
		}
		return fmt.Sprintf("%q is not a date such as 2024-05-14, and the attribute's type is date.", value)
	}
	return ""
}

var attributeTypes = map[string]bool{"string": true, "number": true, "date": true}

// listAttributes serves GET /v3/customers/attributes.
func listAttributes(c *call) reply {
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	name, hasName := c.param("name")
	like, hasLike := c.param("name:like")
	typ, hasType := c.param("type")
	dates, rep := c.datesFilter()
	if rep != nil {
		return *rep
	}

	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	var data []attributeV3
	for _, id := range sortedIDs(c.s.st.attributes) {
		a := c.s.st.attributes[id]
		switch {
		case hasName && !strings.EqualFold(a.Name, name),
			hasLike && !strings.Contains(strings.ToLower(a.Name), strings.ToLower(like)),
			hasType && a.Type != typ,
			!dates(a.Created, a.Modified):
			continue
		}
		data = append(data, renderAttribute(a))
	}
	items := pageOf(data, page, limit)
	return reply{status: http.StatusOK, body: collection{Data: items, Meta: listMeta{Pagination: c.pagination(len(data), len(items), page, limit)}}}
}

// createAttributes serves POST /v3/customers/attributes.
func createAttributes(c *call) reply {
	c.record("POST /v3/customers/attributes")
	items, rep := c.bodyArray(0)
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st

	errs, conflicts := problems{}, problems{}
	var drafts []*attribute
	names := map[string]int{}
	for i, raw := range items {
		f, ok := decodeObject(raw, fmt.Sprintf("%d.", i), strconv.Itoa(i), &errs)
		if !ok {
			continue
		}
		name, okName := f.str("name", true, 1, 255)
		typ, okType := f.str("type", true, 1, 0)
		if okType && !attributeTypes[typ] {
			f.errs.invalid(f.key("type"), "must be string, number or date")
			okType = false
		}
		if !okName || !okType {
			continue
		}
		if st.attributeByName(name) != nil {
			conflicts.fact(f.key("name"), "An attribute named %q already exists.", name)
		} else if first, dup := names[strings.ToLower(name)]; dup {
			conflicts.fact(f.key("name"), "%q is also given in item %d of this request.", name, first)
		} else {
			names[strings.ToLower(name)] = i
		}
		drafts = append(drafts, &attribute{Name: name, Type: typ})
	}
	if len(errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	if len(conflicts) > 0 {
		return failV3(http.StatusUnprocessableEntity, "Create customer attributes failed.", conflicts.v3Map())
	}
	if have := len(st.attributes); have+len(drafts) > maxAttributes {
		msg := fmt.Sprintf("A store cannot have more than %d customer attributes; it has %d.", maxAttributes, have)
		return failV3(http.StatusUnprocessableEntity, msg, map[string]string{strconv.Itoa(max(maxAttributes-have, 0)): msg})
	}

	data := make([]attributeV3, 0, len(drafts))
	for _, a := range drafts {
		a.ID, a.Created, a.Modified = st.nextAttribute, c.now, c.now
		st.nextAttribute++
		st.attributes[a.ID] = a
		data = append(data, renderAttribute(a))
	}
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: emptyMeta}}
}

// updateAttributes serves PUT /v3/customers/attributes: renames only, as
// "once the data type is set, it can not be changed".
func updateAttributes(c *call) reply {
	c.record("PUT /v3/customers/attributes")
	items, rep := c.bodyArray(0)
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st

	errs, conflicts := problems{}, problems{}
	type rename struct {
		a    *attribute
		name string
	}
	var drafts []rename
	names := map[string]int{}
	seen := map[int]bool{}
	for i, raw := range items {
		f, ok := decodeObject(raw, fmt.Sprintf("%d.", i), strconv.Itoa(i), &errs)
		if !ok {
			continue
		}
		id, okID := f.integer("id", true)
		name, okName := f.str("name", true, 1, 255)
		if !okID || !okName {
			continue
		}
		a := st.attributes[id]
		switch {
		case seen[id]:
			errs.fact(f.key("id"), "Attribute %d is given more than once.", id)
			continue
		case a == nil:
			conflicts.fact(f.key("id"), "Attribute %d does not exist.", id)
			continue
		}
		seen[id] = true
		if typ, ok := f.str("type", false, 0, 0); ok && typ != a.Type {
			errs.invalid(f.key("type"), "cannot be changed: delete the attribute and create it again with the new type")
		}
		if other := st.attributeByName(name); other != nil && other.ID != id {
			conflicts.fact(f.key("name"), "An attribute named %q already exists.", name)
		} else if first, dup := names[strings.ToLower(name)]; dup {
			conflicts.fact(f.key("name"), "%q is also given in item %d of this request.", name, first)
		} else {
			names[strings.ToLower(name)] = i
		}
		drafts = append(drafts, rename{a, name})
	}
	if len(errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	if len(conflicts) > 0 {
		return failV3(http.StatusUnprocessableEntity, "Update customer attributes failed.", conflicts.v3Map())
	}
	data := make([]attributeV3, 0, len(drafts))
	for _, d := range drafts {
		d.a.Name, d.a.Modified = d.name, c.now
		data = append(data, renderAttribute(d.a))
	}
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: emptyMeta}}
}

// deleteAttributes serves DELETE /v3/customers/attributes?id:in=... The
// attributes' values go too ("This will also delete it from the customer").
func deleteAttributes(c *call) reply {
	ids, ok, rep := c.requiredIDs()
	if !ok {
		return rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	for id := range ids {
		delete(st.attributes, id)
	}
	for vid, v := range st.values {
		if ids[v.AttributeID] {
			delete(st.values, vid)
		}
	}
	return reply{status: http.StatusNoContent}
}

// listAttributeValues serves GET /v3/customers/attribute-values. The spec's
// filters are customer_id:in, attribute_id:in, name (the attribute's name)
// and the dates.
func listAttributeValues(c *call) reply {
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	customers, _, rep := c.idList("customer_id:in")
	if rep != nil {
		return *rep
	}
	attrs, _, rep := c.idList("attribute_id:in")
	if rep != nil {
		return *rep
	}
	name, hasName := c.param("name")
	dates, rep := c.datesFilter()
	if rep != nil {
		return *rep
	}

	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	var data []attributeValueV3
	for _, id := range sortedIDs(st.values) {
		v := st.values[id]
		switch {
		case customers != nil && !customers[v.CustomerID],
			attrs != nil && !attrs[v.AttributeID],
			hasName && !strings.EqualFold(st.attributes[v.AttributeID].Name, name),
			!dates(v.Created, v.Modified):
			continue
		}
		data = append(data, renderValue(v))
	}
	items := pageOf(data, page, limit)
	return reply{status: http.StatusOK, body: collection{Data: items, Meta: listMeta{Pagination: c.pagination(len(data), len(items), page, limit)}}}
}

// upsertAttributeValues serves PUT /v3/customers/attribute-values: an
// upsert keyed by customer_id and attribute_id, all or nothing.
func upsertAttributeValues(c *call) reply {
	c.record("PUT /v3/customers/attribute-values")
	items, rep := c.bodyArray(maxBatch) // "Limit of 10 customers per call."
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st

	errs, conflicts := problems{}, problems{}
	type upsert struct {
		customerID, attributeID int
		value                   string
	}
	var drafts []upsert
	pairs := map[[2]int]int{}
	for i, raw := range items {
		f, ok := decodeObject(raw, fmt.Sprintf("%d.", i), strconv.Itoa(i), &errs)
		if !ok {
			continue
		}
		aid, okA := f.integer("attribute_id", true)
		cid, okC := f.integer("customer_id", true)
		value, okV := f.str("value", true, 0, 255)
		id, hasID := f.integer("id", false)
		if !okA || !okC || !okV {
			continue
		}
		attr := st.attributes[aid]
		switch {
		case attr == nil:
			conflicts.fact(f.key("attribute_id"), "Attribute %d does not exist.", aid)
			continue
		case st.customers[cid] == nil:
			conflicts.fact(f.key("customer_id"), "Customer %d does not exist.", cid)
			continue
		}
		if msg := attributeValueProblem(attr.Type, value); msg != "" {
			errs.fact(f.key("value"), "%s", msg)
			continue
		}
		key := [2]int{cid, aid}
		if first, dup := pairs[key]; dup {
			errs.fact(f.key("attribute_id"), "Customer %d and attribute %d are also given in item %d of this request.", cid, aid, first)
			continue
		}
		pairs[key] = i
		if hasID {
			if cur := st.valueFor(cid, aid); cur == nil || cur.ID != id {
				conflicts.fact(f.key("id"), "Attribute value %d is not the value of attribute %d for customer %d.", id, aid, cid)
				continue
			}
		}
		drafts = append(drafts, upsert{cid, aid, value})
	}
	if len(errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	if len(conflicts) > 0 {
		return failV3(http.StatusUnprocessableEntity, "Upsert customer attribute values failed.", conflicts.v3Map())
	}

	data := make([]attributeValueV3, 0, len(drafts))
	for _, d := range drafts {
		v := st.valueFor(d.customerID, d.attributeID)
		if v == nil {
			v = &attributeValue{ID: st.nextValue, AttributeID: d.attributeID, CustomerID: d.customerID, Created: c.now}
			st.nextValue++
			st.values[v.ID] = v
		}
		v.Value, v.Modified = d.value, c.now
		data = append(data, renderValue(v))
	}
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: emptyMeta}}
}

// deleteAttributeValues serves DELETE /v3/customers/attribute-values?id:in=...
func deleteAttributeValues(c *call) reply {
	ids, ok, rep := c.requiredIDs()
	if !ok {
		return rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	for id := range ids {
		delete(c.s.st.values, id)
	}
	return reply{status: http.StatusNoContent}
}
