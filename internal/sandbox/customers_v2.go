package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// v2Time formats V2 customer dates. V2 resources carry RFC 2822 dates
// ("Tue, 15 Nov 2011 12:45:26 +0000"); the spec gives no example for
// customers.
func v2Time(t time.Time) string { return t.UTC().Format(time.RFC1123Z) }

// customerV2 is the V2 spec's customer_Full: the same customer as V3, seen
// through V2's field names.
type customerV2 struct {
	ID                    int           `json:"id"`
	Company               string        `json:"company"`
	FirstName             string        `json:"first_name"`
	LastName              string        `json:"last_name"`
	Email                 string        `json:"email"`
	Phone                 string        `json:"phone"`
	FormFields            []formFieldV2 `json:"form_fields"` // null when there are none
	DateCreated           string        `json:"date_created"`
	DateModified          string        `json:"date_modified"`
	StoreCredit           string        `json:"store_credit"` // a decimal in a string
	RegistrationIPAddress string        `json:"registration_ip_address"`
	CustomerGroupID       int           `json:"customer_group_id"`
	Notes                 string        `json:"notes"`
	TaxExemptCategory     string        `json:"tax_exempt_category"`
	ResetPassOnLogin      bool          `json:"reset_pass_on_login"`
	AcceptsMarketing      bool          `json:"accepts_marketing"`
	Addresses             resourceLink  `json:"addresses"`
}

// formFieldV2 is V2's form-field value, which V2 documents as a string:
// a text field's value as it is, a number or a list as its JSON text.
type formFieldV2 struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

func newFormFieldV2(ff formField) formFieldV2 {
	var s string
	if json.Unmarshal(ff.Value, &s) != nil {
		s = string(ff.Value)
	}
	return formFieldV2{Name: ff.Name, Value: s}
}

type resourceLink struct {
	URL      string `json:"url"`
	Resource string `json:"resource"`
}

// totalCredit is V2's single store_credit: the sum of V3's amounts.
func totalCredit(cu *customer) decimal {
	var sum decimal
	for _, d := range cu.StoreCredit {
		sum = sum.Add(d)
	}
	return sum
}

func (c *call) renderCustomerV2(cu *customer) customerV2 {
	scheme := "http"
	if c.r.TLS != nil {
		scheme = "https"
	}
	resource := fmt.Sprintf("/customers/%d/addresses", cu.ID)
	out := customerV2{
		ID: cu.ID, Company: cu.Company, FirstName: cu.FirstName, LastName: cu.LastName,
		Email: cu.Email, Phone: cu.Phone, DateCreated: v2Time(cu.Created), DateModified: v2Time(cu.Modified),
		// V2 prints money with four places, as in its "5.0000" examples.
		StoreCredit:           totalCredit(cu).Fixed(moneyScale),
		RegistrationIPAddress: cu.RegistrationIP, CustomerGroupID: cu.GroupID, Notes: cu.Notes,
		TaxExemptCategory: cu.TaxExemptCategory, ResetPassOnLogin: cu.ForceReset, AcceptsMarketing: cu.AcceptsEmails,
		Addresses: resourceLink{
			URL:      fmt.Sprintf("%s://%s/stores/%s/v2%s", scheme, c.r.Host, c.s.opts.StoreHash, resource),
			Resource: resource,
		},
	}
	for _, ff := range cu.FormFields {
		out.FormFields = append(out.FormFields, newFormFieldV2(ff))
	}
	return out
}

// v2ReadOnly are the fields V2 documents as read-only on POST and PUT.
var v2ReadOnly = []string{"id", "date_created", "date_modified", "accepts_marketing", "addresses", "form_fields"}

// checkReadOnlyV2 refuses writes to read-only fields. On PUT, sending back
// the current value is accepted, so that a client may round-trip a read.
func (c *call) checkReadOnlyV2(f *fields, current *customer) {
	var cur map[string]json.RawMessage
	if current != nil {
		_ = json.Unmarshal(encode(c.renderCustomerV2(current)), &cur)
	}
	for _, name := range v2ReadOnly {
		raw, ok := f.raw(name)
		if !ok {
			continue
		}
		if current != nil && sameJSON(raw, cur[name]) {
			continue
		}
		f.errs.readOnly(f.key(name))
	}
}

func sameJSON(a, b json.RawMessage) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

// readCustomerV2 applies the members of a V2 body onto cu. The limits are
// V3's: it is the same record.
func readCustomerV2(f *fields, cu *customer, create bool, st *state) (password *string) {
	if v, ok := f.str("email", create, 3, 255); ok {
		if validEmail(v) {
			cu.Email = v
		} else {
			f.errs.invalid(f.key("email"), "must be a valid email address")
		}
	}
	strs := []struct {
		name     string
		required bool
		min, max int
		dst      *string
	}{
		{"first_name", create, 1, 100, &cu.FirstName},
		{"last_name", create, 1, 100, &cu.LastName},
		{"company", false, 0, 255, &cu.Company},
		{"phone", false, 0, 50, &cu.Phone},
		{"notes", false, 0, 0, &cu.Notes},
		{"tax_exempt_category", false, 0, 255, &cu.TaxExemptCategory},
		{"registration_ip_address", false, 0, 30, &cu.RegistrationIP},
	}
	for _, s := range strs {
		if v, ok := f.str(s.name, s.required, s.min, s.max); ok {
			*s.dst = v
		}
	}
	if d, ok := f.decimal("store_credit", false, true); ok {
		if d.Sign() < 0 {
			f.errs.invalid(f.key("store_credit"), "must not be negative")
		} else {
			cu.StoreCredit = []decimal{d}
		}
	}
	if gid, ok := f.integer("customer_group_id", false); ok {
		if gid < 0 || (gid > 0 && st.groups[gid] == nil) {
			f.errs.invalid(f.key("customer_group_id"), "must be 0 or the id of an existing customer group")
		} else {
			cu.GroupID = gid
		}
	}
	if v, ok := f.boolean("reset_pass_on_login"); ok {
		cu.ForceReset = v
	}
	if auth, ok := f.object("_authentication"); ok {
		if v, ok := auth.boolean("force_reset"); ok {
			cu.ForceReset = v
		}
		pw, hasPW := auth.str("password", false, 0, 0)
		confirm, hasConfirm := auth.str("password_confirmation", false, 0, 0)
		switch {
		case hasConfirm && (!hasPW || confirm != pw):
			auth.errs.invalid(auth.key("password_confirmation"), "does not match password")
		case hasPW:
			if msg := passwordProblem(pw); msg != "" {
				auth.errs.invalid(auth.key("password"), "%s", msg)
			} else {
				password = &pw
			}
		}
	}
	return password
}

// emailConflict answers 409 when email belongs to another customer.
func (c *call) emailConflict(st *state, cu *customer) *reply {
	if owner, taken := st.emails[emailKey(cu.Email)]; taken && owner != cu.ID {
		msg := fmt.Sprintf("The email address %s is already in use by another customer.", cu.Email)
		return ptr(reply{status: http.StatusConflict, body: []v2Error{{
			Status: http.StatusConflict, Message: "The field 'email' is invalid.",
			Details: map[string]string{"conflict_reason": msg},
		}}})
	}
	return nil
}

// filterV2 reads the V2 customer filters (also used by count and delete).
func (c *call) filterV2() (func(*customer) bool, *reply) {
	var preds []func(*customer) bool
	for _, exact := range []struct {
		param string
		get   func(*customer) string
	}{
		{"first_name", func(cu *customer) string { return cu.FirstName }},
		{"last_name", func(cu *customer) string { return cu.LastName }},
		{"company", func(cu *customer) string { return cu.Company }},
		{"email", func(cu *customer) string { return cu.Email }},
		{"phone", func(cu *customer) string { return cu.Phone }},
		{"tax_exempt_category", func(cu *customer) string { return cu.TaxExemptCategory }},
	} {
		if v, ok := c.param(exact.param); ok {
			preds = append(preds, func(cu *customer) bool { return strings.EqualFold(exact.get(cu), v) })
		}
	}
	for _, num := range []struct {
		param string
		keep  func(cu *customer, n int) bool
	}{
		{"customer_group_id", func(cu *customer, n int) bool { return cu.GroupID == n }},
		{"min_id", func(cu *customer, n int) bool { return cu.ID >= n }},
		{"max_id", func(cu *customer, n int) bool { return cu.ID <= n }},
	} {
		v, ok := c.param(num.param)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, ptr(c.badQuery(num.param, "must be an integer"))
		}
		preds = append(preds, func(cu *customer) bool { return num.keep(cu, n) })
	}
	if v, ok := c.param("store_credit"); ok {
		d, err := parseDecimal(v)
		if err != nil {
			return nil, ptr(c.badQuery("store_credit", "%v", err))
		}
		preds = append(preds, func(cu *customer) bool { return totalCredit(cu).Cmp(d) == 0 })
	}
	created, rep := c.timeFilter("", "min_date_created", "max_date_created")
	if rep != nil {
		return nil, rep
	}
	modified, rep := c.timeFilter("", "min_date_modified", "max_date_modified")
	if rep != nil {
		return nil, rep
	}
	preds = append(preds, func(cu *customer) bool { return created(cu.Created) && modified(cu.Modified) })
	return func(cu *customer) bool {
		for _, p := range preds {
			if !p(cu) {
				return false
			}
		}
		return true
	}, nil
}

func (c *call) matchingV2(match func(*customer) bool) []*customer {
	var out []*customer
	for _, id := range sortedIDs(c.s.st.customers) {
		if cu := c.s.st.customers[id]; match(cu) {
			out = append(out, cu)
		}
	}
	return out
}

// listCustomersV2 serves GET /v2/customers, sorted by id.
func listCustomersV2(c *call) reply {
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	match, rep := c.filterV2()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	items := pageOf(c.matchingV2(match), page, limit)
	if len(items) == 0 {
		return noContentV2()
	}
	out := make([]customerV2, 0, len(items))
	for _, cu := range items {
		out = append(out, c.renderCustomerV2(cu))
	}
	return reply{status: http.StatusOK, body: out}
}

// noContentV2 is V2's answer to a list with nothing in it: 204 and no body,
// not an empty array. The spec only shows 200; real V2 collections answer
// 204 ("a successful request that produced no response"), and a client must
// cope with it.
func noContentV2() reply { return reply{status: http.StatusNoContent} }

// countCustomersV2 serves GET /v2/customers/count (filters apply).
func countCustomersV2(c *call) reply {
	match, rep := c.filterV2()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return reply{status: http.StatusOK, body: map[string]int{"count": len(c.matchingV2(match))}}
}

func getCustomerV2(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	cu := c.s.st.customers[c.id]
	if cu == nil {
		return c.notFound()
	}
	return reply{status: http.StatusOK, body: c.renderCustomerV2(cu)}
}

// createCustomerV2 serves POST /v2/customers. It answers 201: the spec says
// 200, but the status-codes doc gives 201 Created for a successful POST, and
// that is what V2 answers.
func createCustomerV2(c *call) reply {
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	cu := &customer{OriginChannelID: 1}
	if !f.has("customer_group_id") {
		cu.GroupID = st.defaultGroupID()
	}
	c.checkReadOnlyV2(f, nil)
	password := readCustomerV2(f, cu, true, st)
	if len(*errs) > 0 {
		return c.invalid("", *errs)
	}
	if rep := c.emailConflict(st, cu); rep != nil {
		return *rep
	}
	cu.ID = st.nextCustomer
	st.nextCustomer++
	cu.Created, cu.Modified = c.now, c.now
	if password != nil {
		cu.Password = hashPassword(*password)
	}
	st.customers[cu.ID] = cu
	st.emails[emailKey(cu.Email)] = cu.ID
	return reply{status: http.StatusCreated, body: c.renderCustomerV2(cu)}
}

// updateCustomerV2 serves PUT /v2/customers/{id}: only what is sent changes.
func updateCustomerV2(c *call) reply {
	c.record("PUT /v2/customers/{id}")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	old := st.customers[c.id]
	if old == nil {
		return c.notFound()
	}
	cu := old.clone()
	c.checkReadOnlyV2(f, old)
	password := readCustomerV2(f, cu, false, st)
	if len(*errs) > 0 {
		return c.invalid("", *errs)
	}
	if rep := c.emailConflict(st, cu); rep != nil {
		return *rep
	}
	if password != nil {
		cu.Password = hashPassword(*password)
	}
	cu.Modified = c.now
	delete(st.emails, emailKey(old.Email))
	st.emails[emailKey(cu.Email)] = cu.ID
	st.customers[cu.ID] = cu
	// Update a Customer documents its answer as customer_Base, which has no
	// id and no dates, unlike the customer_Full of every other operation.
	var base map[string]json.RawMessage
	_ = json.Unmarshal(encode(c.renderCustomerV2(cu)), &base)
	for _, k := range []string{"id", "date_created", "date_modified"} {
		delete(base, k)
	}
	return reply{status: http.StatusOK, body: base}
}

func deleteCustomerV2(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	if c.s.st.customers[c.id] == nil {
		return c.notFound()
	}
	c.s.st.deleteCustomer(c.id)
	return reply{status: http.StatusNoContent}
}

// deleteCustomersV2 serves DELETE /v2/customers. Documented: "By default,
// it deletes all Customers." With no filter every customer of the store is
// deleted, faithfully: a client must never send this, and the sandbox is
// where that gets caught. With filters, every match is deleted (the spec's
// "up to 100 customers per batch" is read as the more destructive case).
func deleteCustomersV2(c *call) reply {
	match, rep := c.filterV2()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	for _, cu := range c.matchingV2(match) {
		c.s.st.deleteCustomer(cu.ID)
	}
	return reply{status: http.StatusNoContent}
}
