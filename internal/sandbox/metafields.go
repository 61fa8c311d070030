package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Limits of customer metafields; doc.go gives the reasons.
const (
	maxMetafieldsPerBatch    = 10 // items of one batch request
	maxMetafieldsPerCustomer = 50
	sandboxClientID          = "sandbox-client-id" // owner_client_id: the sandbox has one API account
)

// metafieldV3 is the spec's Metafield (and metafield_Full).
type metafieldV3 struct {
	ID            int    `json:"id"`
	Namespace     string `json:"namespace"`
	Key           string `json:"key"`
	Value         string `json:"value"`
	Description   string `json:"description"`
	PermissionSet string `json:"permission_set"`
	ResourceType  string `json:"resource_type"`
	ResourceID    int    `json:"resource_id"`
	OwnerClientID string `json:"owner_client_id"`
	DateCreated   string `json:"date_created"`
	DateModified  string `json:"date_modified"`
}

func renderMetafield(m *metafield) metafieldV3 {
	return metafieldV3{
		ID: m.ID, Namespace: m.Namespace, Key: m.Key, Value: m.Value, Description: m.Description,
		PermissionSet: m.PermissionSet, ResourceType: "customer", ResourceID: m.CustomerID,
		OwnerClientID: sandboxClientID, DateCreated: v3Time(m.Created), DateModified: v3Time(m.Modified),
	}
}

// itemError is the spec's Error: one refused item of a batch, keyed by its
// index in the request.
type itemError struct {
	Status int               `json:"status"`
	Title  string            `json:"title"`
	Type   string            `json:"type"`
	Errors map[string]string `json:"errors"`
}

// writeMeta is WriteCollectionSuccessMeta / WriteCollectionPartialSuccessMeta.
type writeMeta struct {
	Total   int `json:"total"`
	Success int `json:"success"`
	Failed  int `json:"failed"`
}

// writeAnswer is the answer of a metafield write: 200 when every item was
// applied, else the documented partial success, 422 with the items that
// were applied in data and the others in errors.
func writeAnswer[T any](data []T, errs []itemError) reply {
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	data, errs = append([]T{}, data...), append([]itemError{}, errs...) // [] rather than null
	return reply{status: status, body: map[string]any{
		"data": data, "errors": errs,
		"meta": writeMeta{Total: len(data) + len(errs), Success: len(data), Failed: len(errs)},
	}}
}

// badInput is the documented 400 of the metafield writes: "Bad Request.
// Input is invalid."
func badInput(format string, args ...any) reply {
	return reply{status: http.StatusBadRequest, body: v3Error{
		Status: http.StatusBadRequest, Title: "Input is invalid", Type: errorType, Detail: fmt.Sprintf(format, args...),
	}}
}

// batchBody reads a batch body: a JSON array of 1 to maxMetafieldsPerBatch
// items, else the documented 400. A DELETE's body, which dispatch leaves
// unread, is read here.
func (c *call) batchBody() ([]json.RawMessage, *reply) {
	if c.r.Method == http.MethodDelete {
		body, err := io.ReadAll(io.LimitReader(c.r.Body, maxBody+1))
		if err != nil || len(body) > maxBody || !isJSONContentType(c.r.Header.Get("Content-Type")) {
			return nil, ptr(badInput("Send the metafield ids as a JSON array body of at most %d bytes, with Content-Type: application/json.", maxBody))
		}
		c.body = body
	}
	c.record(c.r.Method + " /v3/customers/metafields")
	raw, rep := c.bodyArray(0)
	if rep != nil {
		return nil, ptr(badInput("The request body must be a JSON array of one or more items."))
	}
	if len(raw) > maxMetafieldsPerBatch {
		return nil, ptr(badInput("%d items were sent; at most %d are allowed per request.", len(raw), maxMetafieldsPerBatch))
	}
	return raw, nil
}

// batchItems reads a batch body of objects.
func (c *call) batchItems() ([]*fields, []problems, *reply) {
	raw, rep := c.batchBody()
	if rep != nil {
		return nil, nil, rep
	}
	items := make([]*fields, len(raw))
	errs := make([]problems, len(raw))
	for i, r := range raw {
		items[i], _ = decodeObject(r, strconv.Itoa(i)+".", strconv.Itoa(i), &errs[i])
	}
	return items, errs, nil
}

// batchRefusal words one refused item of a batch.
func batchRefusal(i int, p problems, r *refusal) itemError {
	if r != nil {
		return itemError{Status: r.status, Title: r.msg, Type: errorType, Errors: map[string]string{strconv.Itoa(i): r.msg}}
	}
	return itemError{Status: http.StatusUnprocessableEntity, Title: titleInvalidJSON, Type: errorType, Errors: p.v3Map()}
}

// eachItem answers a batch write item by item: apply reads one item,
// recording its problems, and applies it when it has none. The valid items
// are applied in order and the others answered in errors.
func (c *call) eachItem(apply func(f *fields) (*metafield, *refusal)) reply {
	items, errs, rep := c.batchItems()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	var data []metafieldV3
	var failed []itemError
	for i, f := range items {
		var m *metafield
		var r *refusal
		if f != nil {
			m, r = apply(f)
		}
		switch {
		case len(errs[i]) > 0:
			failed = append(failed, batchRefusal(i, errs[i], nil))
		case r != nil:
			failed = append(failed, batchRefusal(i, nil, r))
		default:
			data = append(data, renderMetafield(m))
		}
	}
	return writeAnswer(data, failed)
}

// createMetafieldsBatch serves POST /v3/customers/metafields.
func createMetafieldsBatch(c *call) reply {
	return c.eachItem(func(f *fields) (*metafield, *refusal) {
		d := readMetafield(f, true)
		customerID, _ := f.integer("resource_id", true)
		if len(*f.errs) > 0 {
			return nil, nil
		}
		return c.s.st.createMetafield(customerID, d, c.now)
	})
}

// updateMetafieldsBatch serves PUT /v3/customers/metafields. resource_id is
// not a member of MetafieldBase_Put: a metafield stays with its customer,
// and another resource_id is refused.
func updateMetafieldsBatch(c *call) reply {
	seen := map[int]bool{}
	return c.eachItem(func(f *fields) (*metafield, *refusal) {
		d := readMetafield(f, false)
		id, ok := f.integer("id", true)
		m := c.s.st.metafields[id]
		switch {
		case !ok:
		case seen[id]:
			f.errs.invalid(f.key("id"), "names metafield %d, which an earlier item of this request also names", id)
		case m == nil:
			return nil, &refusal{http.StatusNotFound, fmt.Sprintf("Metafield %d does not exist.", id)}
		}
		seen[id] = true
		if rid, ok := f.integer("resource_id", false); ok && m != nil && rid != m.CustomerID {
			f.errs.invalid(f.key("resource_id"), "cannot change: metafield %d belongs to customer %d", m.ID, m.CustomerID)
		}
		if len(*f.errs) > 0 {
			return nil, nil
		}
		return m, c.s.st.updateMetafield(m, d, c.now)
	})
}

// deleteMetafieldsBatch serves DELETE /v3/customers/metafields. The
// operation documents no request body and no filter, only answers whose
// data lists deleted ids and whose errors are keyed by item: it takes the
// ids to delete as a JSON array body, and without one deletes nothing.
func deleteMetafieldsBatch(c *call) reply {
	if len(c.query) > 0 {
		return badInput("DELETE /v3/customers/metafields takes no query parameters; send the ids as a JSON array body.")
	}
	raw, rep := c.batchBody()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	data := []int{}
	var failed []itemError
	seen := map[int]bool{}
	for i, r := range raw {
		id, ok := parseJSONInt(r)
		ref := &refusal{http.StatusUnprocessableEntity, "The item is not a metafield id."}
		switch {
		case !ok || id <= 0:
		case seen[id]:
			ref.msg = fmt.Sprintf("Metafield %d is named more than once.", id)
		case st.metafields[id] == nil:
			ref = &refusal{http.StatusNotFound, fmt.Sprintf("Metafield %d does not exist.", id)}
		default:
			seen[id], ref = true, nil
			delete(st.metafields, id)
			data = append(data, id)
		}
		if ref != nil {
			failed = append(failed, batchRefusal(i, nil, ref))
		}
	}
	return writeAnswer(data, failed)
}

var metafieldIncludes = []string{"resource_id", "key", "value", "namespace", "permission_set", "resource_type", "description", "owner_client_id", "date_created", "date_modified"}

// listMetafields serves both lists: every customer's (customerID 0) or one
// customer's. The filters are the documented ones. Giving both key and
// key:in (or namespace and namespace:in) is refused: "Could be used with
// vanilla 'key' query parameter" does not say whether they narrow or widen.
func listMetafields(c *call, customerID int, cursors bool) reply {
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	match := map[string]map[string]bool{}
	for _, name := range []string{"key", "namespace"} {
		one, hasOne := c.param(name)
		list, hasList, rep := c.list(name + ":in")
		switch {
		case rep != nil:
			return *rep
		case hasOne && hasList:
			return c.badQuery(name+":in", "cannot be combined with %s", name)
		case hasOne || hasList:
			match[name] = map[string]bool{}
			for _, v := range append(list, one) {
				match[name][v] = v != "" // keys and namespaces are never empty
			}
		}
	}
	created, rep := c.timeFilter("", "date_created:min", "date_created:max")
	if rep != nil {
		return *rep
	}
	modified, rep := c.timeFilter("", "date_modified:min", "date_modified:max")
	if rep != nil {
		return *rep
	}
	direction, _ := c.param("direction")
	if direction != "" && direction != "asc" && direction != "desc" {
		return c.badQuery("direction", "must be asc or desc")
	}
	include, hasInclude, rep := c.list("include_fields")
	if rep != nil {
		return *rep
	}
	for _, name := range include {
		if !slices.Contains(metafieldIncludes, name) {
			return c.badQuery("include_fields", "must list only %s", strings.Join(metafieldIncludes, ", "))
		}
	}
	before, hasBefore := c.param("before")
	after, hasAfter := c.param("after")
	switch {
	case (hasBefore || hasAfter) && !cursors:
		// getCustomersMetafields declares before and after, but its
		// answer's meta (metaCollection_Full) has no cursor_pagination to
		// take a cursor from.
		return c.badQuery("after", "is not served here: this list's answer carries no cursors; use page")
	case hasBefore && hasAfter:
		return c.badQuery("before", "cannot be combined with after")
	}

	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	if customerID != 0 && st.customers[customerID] == nil {
		return failV3(http.StatusNotFound, titleNotFound, nil)
	}
	var matched []*metafield
	for _, id := range sortedIDs(st.metafields) {
		m := st.metafields[id]
		switch {
		case customerID != 0 && m.CustomerID != customerID,
			match["key"] != nil && !match["key"][m.Key],
			match["namespace"] != nil && !match["namespace"][m.Namespace],
			!created(m.Created), !modified(m.Modified):
			continue
		}
		matched = append(matched, m)
	}
	if direction == "desc" {
		slices.Reverse(matched)
	}
	pageItems, meta := pageOf(matched, page, limit), listMeta{}
	if hasBefore || hasAfter {
		cid, ok := decodeCursor(before + after) // one of them is ""
		pos := slices.IndexFunc(matched, func(m *metafield) bool { return m.ID == cid })
		if !ok || pos < 0 {
			return c.badQuery("after", "is not a cursor of this list")
		}
		pageItems = matched[pos+1 : min(pos+1+limit, len(matched))]
		if hasBefore {
			pageItems = matched[max(pos-limit, 0):pos]
		}
		cp := &cursorPagination{Count: len(pageItems), PerPage: limit}
		if len(pageItems) > 0 {
			cp.StartCursor, cp.EndCursor = encodeCursor(pageItems[0].ID), encodeCursor(pageItems[len(pageItems)-1].ID)
		}
		meta.CursorPagination = cp
	} else {
		meta.Pagination = c.pagination(len(matched), len(pageItems), page, limit)
	}
	data := make([]any, 0, len(pageItems))
	for _, m := range pageItems {
		var full map[string]any // "The ID and the specified fields will be returned."
		if _ = json.Unmarshal(encode(renderMetafield(m)), &full); hasInclude {
			maps.DeleteFunc(full, func(k string, _ any) bool { return k != "id" && !slices.Contains(include, k) })
		}
		data = append(data, full)
	}
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: meta}}
}

// listAllMetafields serves GET /v3/customers/metafields.
func listAllMetafields(c *call) reply { return listMetafields(c, 0, true) }

// listCustomerMetafields serves GET /v3/customers/{id}/metafields. An
// unknown customer is 404 ("404 Does Not Exist: The requested entity does
// not exist"); the operation documents no error.
func listCustomerMetafields(c *call) reply { return listMetafields(c, c.id, false) }

// customerMetafield finds the metafield {id2} of customer {id}: 404 when
// either does not exist or the metafield is another customer's.
func (c *call) customerMetafield() (*metafield, *reply) {
	m := c.s.st.metafields[c.id2()]
	if m == nil || m.CustomerID != c.id {
		return nil, ptr(failV3(http.StatusNotFound, titleNotFound, nil))
	}
	return m, nil
}

// oneWritten answers a single-metafield write with the documented
// MetaFieldCollectionPostPutResponses, whose data is a list.
func oneWritten(m *metafield) reply { return writeAnswer([]metafieldV3{renderMetafield(m)}, nil) }

// createCustomerMetafield serves POST /v3/customers/{id}/metafields: 422
// for invalid data (an unknown customer among it), 409 for a key the
// customer has in the namespace.
func createCustomerMetafield(c *call) reply {
	c.record("POST /v3/customers/{id}/metafields")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	d := readMetafield(f, true)
	if rid, ok := f.integer("resource_id", false); ok && rid != c.id {
		errs.invalid("resource_id", "must be the customer of the URL, %d", c.id)
	}
	if len(*errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	m, r := c.s.st.createMetafield(c.id, d, c.now)
	if r != nil {
		return failV3(r.status, r.msg, map[string]string{"key": r.msg})
	}
	return oneWritten(m)
}

// getCustomerMetafield serves GET /v3/customers/{id}/metafields/{id2}.
func getCustomerMetafield(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	m, rep := c.customerMetafield()
	if rep != nil {
		return *rep
	}
	return reply{status: http.StatusOK, body: collection{Data: renderMetafield(m), Meta: emptyMeta}}
}

// updateCustomerMetafield serves PUT /v3/customers/{id}/metafields/{id2}.
// The body's id, which the schema requires, must be the URL's. The
// operation documents 400 for invalid input (its schema has a detail, no
// field map) and no answer for a clash, which is 409 as on create.
func updateCustomerMetafield(c *call) reply {
	c.record("PUT /v3/customers/{id}/metafields/{id2}")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return badInput("The request body must be a JSON object.")
	}
	d := readMetafield(f, false)
	if id, ok := f.integer("id", true); ok && id != c.id2() {
		errs.invalid("id", "must be the metafield of the URL, %d", c.id2())
	}
	if rid, ok := f.integer("resource_id", false); ok && rid != c.id {
		errs.invalid("resource_id", "cannot change: the metafield belongs to customer %d", c.id)
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	m, rep := c.customerMetafield()
	if rep != nil {
		return *rep
	}
	if len(*errs) > 0 {
		return badInput("%s", strings.Join(slices.Sorted(maps.Values(errs.v3Map())), "; "))
	}
	if r := c.s.st.updateMetafield(m, d, c.now); r != nil {
		return failV3(r.status, r.msg, map[string]string{"key": r.msg})
	}
	return oneWritten(m)
}

// deleteCustomerMetafield serves DELETE /v3/customers/{id}/metafields/{id2}.
func deleteCustomerMetafield(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	m, rep := c.customerMetafield()
	if rep != nil {
		return *rep
	}
	delete(c.s.st.metafields, m.ID)
	return reply{status: http.StatusNoContent}
}
