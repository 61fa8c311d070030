package sandbox

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// maxBatch is V3's limit on items in one POST or PUT ("Create up to 10
// customers in one call", "Limit of 10 customers per call").
const maxBatch = 10

func v3Time(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// customerV3 is the spec's customer_Full.
type customerV3 struct {
	ID                    int                  `json:"id"`
	Email                 string               `json:"email"`
	FirstName             string               `json:"first_name"`
	LastName              string               `json:"last_name"`
	Company               string               `json:"company"`
	Phone                 string               `json:"phone"`
	RegistrationIPAddress string               `json:"registration_ip_address"`
	Notes                 string               `json:"notes"`
	TaxExemptCategory     string               `json:"tax_exempt_category"`
	CustomerGroupID       int                  `json:"customer_group_id"`
	DateModified          string               `json:"date_modified"`
	DateCreated           string               `json:"date_created"`
	AddressCount          int                  `json:"address_count"`
	AttributeCount        int                  `json:"attribute_count"`
	Authentication        authenticationV3     `json:"authentication"`
	AcceptsEmails         bool                 `json:"accepts_product_review_abandoned_cart_emails"`
	OriginChannelID       int                  `json:"origin_channel_id"`
	ChannelIDs            []int                `json:"channel_ids"` // null: global access
	Addresses             *[]addressV3         `json:"addresses,omitempty"`
	Attributes            *[]attributeValueV3  `json:"attributes,omitempty"`
	FormFields            *[]customerFormField `json:"form_fields,omitempty"`
	StoreCreditAmounts    *[]storeCredit       `json:"store_credit_amounts,omitempty"`
	ShopperProfileID      json.RawMessage      `json:"shopper_profile_id,omitempty"`
	SegmentIDs            *[]string            `json:"segment_ids,omitempty"`
}

type authenticationV3 struct {
	ForcePasswordReset bool `json:"force_password_reset"`
}

type storeCredit struct {
	Amount decimal `json:"amount"`
}

type customerFormField struct {
	Name       string          `json:"name"`
	Value      json.RawMessage `json:"value"`
	CustomerID int             `json:"customer_id"`
}

// includes are the sub-resources a V3 customer read asked for.
type includes struct {
	addresses, storeCredit, attributes, formFields, shopperProfile, segments bool
}

// allIncludes is what write responses carry: the spec's POST/PUT examples
// show addresses and store_credit_amounts without any include parameter.
var allIncludes = includes{addresses: true, storeCredit: true, attributes: true, formFields: true}

// subIndex groups addresses and attribute values by customer, built once
// per request instead of scanning per customer.
type subIndex struct {
	addresses map[int][]*address
	values    map[int][]*attributeValue
	profiles  map[int]string   // customer id → shopper profile id
	segments  map[int][]string // customer id → segment ids, in creation order
}

func (s *state) index() subIndex {
	idx := subIndex{addresses: map[int][]*address{}, values: map[int][]*attributeValue{}, profiles: map[int]string{}, segments: map[int][]string{}}
	for _, p := range s.profiles {
		idx.profiles[p.CustomerID] = p.ID
	}
	for _, sg := range s.orderedSegments() {
		for profileID := range s.members[sg.ID] {
			if p := s.profiles[profileID]; p != nil {
				idx.segments[p.CustomerID] = append(idx.segments[p.CustomerID], sg.ID)
			}
		}
	}
	for _, id := range sortedIDs(s.addresses) {
		a := s.addresses[id]
		idx.addresses[a.CustomerID] = append(idx.addresses[a.CustomerID], a)
	}
	for _, id := range sortedIDs(s.values) {
		v := s.values[id]
		idx.values[v.CustomerID] = append(idx.values[v.CustomerID], v)
	}
	return idx
}

func renderCustomerV3(cu *customer, inc includes, idx subIndex) customerV3 {
	out := customerV3{
		ID:                    cu.ID,
		Email:                 cu.Email,
		FirstName:             cu.FirstName,
		LastName:              cu.LastName,
		Company:               cu.Company,
		Phone:                 cu.Phone,
		RegistrationIPAddress: cu.RegistrationIP,
		Notes:                 cu.Notes,
		TaxExemptCategory:     cu.TaxExemptCategory,
		CustomerGroupID:       cu.GroupID,
		DateModified:          v3Time(cu.Modified),
		DateCreated:           v3Time(cu.Created),
		AddressCount:          len(idx.addresses[cu.ID]),
		AttributeCount:        len(idx.values[cu.ID]),
		Authentication:        authenticationV3{ForcePasswordReset: cu.ForceReset},
		AcceptsEmails:         cu.AcceptsEmails,
		OriginChannelID:       cu.OriginChannelID,
		ChannelIDs:            slices.Clone(cu.ChannelIDs),
	}
	if inc.addresses {
		list := []addressV3{}
		for _, a := range idx.addresses[cu.ID] {
			list = append(list, renderAddress(a, inc.formFields))
		}
		out.Addresses = &list
	}
	if inc.attributes {
		list := []attributeValueV3{}
		for _, v := range idx.values[cu.ID] {
			list = append(list, renderValue(v))
		}
		out.Attributes = &list
	}
	if inc.formFields {
		list := []customerFormField{}
		for _, ff := range cu.FormFields {
			list = append(list, customerFormField{Name: ff.Name, Value: ff.Value, CustomerID: cu.ID})
		}
		out.FormFields = &list
	}
	if inc.storeCredit {
		list := []storeCredit{}
		for _, d := range cu.StoreCredit {
			list = append(list, storeCredit{Amount: d})
		}
		out.StoreCreditAmounts = &list
	}
	if inc.shopperProfile {
		out.ShopperProfileID = json.RawMessage("null")
		if id, ok := idx.profiles[cu.ID]; ok {
			out.ShopperProfileID, _ = json.Marshal(id)
		}
	}
	if inc.segments {
		list := append([]string{}, idx.segments[cu.ID]...)
		out.SegmentIDs = &list
	}
	return out
}

// cursorPagination is the spec's CursorPagination.
type cursorPagination struct {
	Count       int         `json:"count"`
	PerPage     int         `json:"per_page"`
	StartCursor string      `json:"start_cursor,omitempty"`
	EndCursor   string      `json:"end_cursor,omitempty"`
	Links       cursorLinks `json:"links"`
}

type cursorLinks struct {
	Previous string `json:"previous,omitempty"`
	Current  string `json:"current,omitempty"`
	Next     string `json:"next,omitempty"`
}

// Cursors have the form of the spec's example: base64url of {"id":204}.
func encodeCursor(id int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf(`{"id":%d}`, id)))
}

func decodeCursor(s string) (int, bool) {
	s = strings.TrimRight(s, "=")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(s); err != nil {
			return 0, false
		}
	}
	var v struct {
		ID *int `json:"id"`
	}
	if json.Unmarshal(b, &v) != nil || v.ID == nil {
		return 0, false
	}
	return *v.ID, true
}

var customerSorts = map[string]func(a, b *customer) int{
	"date_created:asc":  func(a, b *customer) int { return a.Created.Compare(b.Created) },
	"date_created:desc": func(a, b *customer) int { return b.Created.Compare(a.Created) },
	"last_name:asc": func(a, b *customer) int {
		return strings.Compare(strings.ToLower(a.LastName), strings.ToLower(b.LastName))
	},
	"last_name:desc": func(a, b *customer) int {
		return strings.Compare(strings.ToLower(b.LastName), strings.ToLower(a.LastName))
	},
	"date_modified:asc":  func(a, b *customer) int { return a.Modified.Compare(b.Modified) },
	"date_modified:desc": func(a, b *customer) int { return b.Modified.Compare(a.Modified) },
}

var customerIncludes = map[string]func(*includes){
	"addresses":          func(i *includes) { i.addresses = true },
	"storecredit":        func(i *includes) { i.storeCredit = true },
	"attributes":         func(i *includes) { i.attributes = true },
	"formfields":         func(i *includes) { i.formFields = true },
	"shopper_profile_id": func(i *includes) { i.shopperProfile = true },
	"segment_ids":        func(i *includes) { i.segments = true },
}

// customerFilter is the parsed filter set of GET /v3/customers.
type customerFilter struct {
	ids, groups                           map[int]bool
	emails, names, companies, phones, ips map[string]bool
	likes                                 []string
	created, modified                     func(time.Time) bool
}

func (f customerFilter) match(cu *customer) bool {
	full := strings.ToLower(cu.FirstName + " " + cu.LastName)
	switch {
	case f.ids != nil && !f.ids[cu.ID],
		f.groups != nil && !f.groups[cu.GroupID],
		f.emails != nil && !f.emails[strings.ToLower(cu.Email)],
		f.names != nil && !f.names[full],
		f.companies != nil && !f.companies[strings.ToLower(cu.Company)],
		f.phones != nil && !f.phones[strings.ToLower(cu.Phone)],
		f.ips != nil && !f.ips[strings.ToLower(cu.RegistrationIP)],
		!f.created(cu.Created),
		!f.modified(cu.Modified):
		return false
	}
	if f.likes != nil && !slices.ContainsFunc(f.likes, func(sub string) bool { return strings.Contains(full, sub) }) {
		return false
	}
	return true
}

func (c *call) customerFilterV3() (customerFilter, *reply) {
	var f customerFilter
	var rep *reply
	if f.ids, _, rep = c.idList("id:in"); rep != nil {
		return f, rep
	}
	if f.groups, _, rep = c.idList("customer_group_id:in"); rep != nil {
		return f, rep
	}
	// registration_ip_address:in is typed as integers in the spec, which
	// cannot hold an IP address; it is read as strings.
	for _, in := range []struct {
		param string
		dst   *map[string]bool
	}{
		{"email:in", &f.emails}, {"name:in", &f.names}, {"company:in", &f.companies},
		{"phone:in", &f.phones}, {"registration_ip_address:in", &f.ips},
	} {
		values, ok, rep := c.list(in.param)
		if rep != nil {
			return f, rep
		}
		if ok {
			*in.dst = foldSet(values)
		}
	}
	likes, ok, rep := c.list("name:like")
	if rep != nil {
		return f, rep
	}
	if ok {
		for _, l := range likes {
			f.likes = append(f.likes, strings.ToLower(l))
		}
	}
	if f.created, rep = c.timeFilter("date_created", "date_created:min", "date_created:max"); rep != nil {
		return f, rep
	}
	if f.modified, rep = c.timeFilter("date_modified", "date_modified:min", "date_modified:max"); rep != nil {
		return f, rep
	}
	return f, nil
}

// listCustomersV3 serves GET /v3/customers.
func listCustomersV3(c *call) reply {
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	filter, rep := c.customerFilterV3()
	if rep != nil {
		return *rep
	}
	order := func(a, b *customer) int { return 0 }
	sortParam, sorted := c.param("sort")
	if sorted {
		fn, ok := customerSorts[sortParam]
		if !ok {
			return c.badQuery("sort", "must be one of date_created:asc, date_created:desc, last_name:asc, last_name:desc, date_modified:asc, date_modified:desc")
		}
		order = fn
	}
	var inc includes
	// An empty include= asks for nothing extra; unlike an empty filter it is
	// harmless, so it is not refused.
	if v, _ := c.param("include"); v != "" {
		names, _, rep := c.list("include")
		if rep != nil {
			return *rep
		}
		for _, n := range names {
			set, known := customerIncludes[n]
			if !known {
				return c.badQuery("include", "must list only addresses, storecredit, attributes, formfields, shopper_profile_id, segment_ids")
			}
			set(&inc)
		}
	}
	before, hasBefore := c.param("before")
	after, hasAfter := c.param("after")
	if hasBefore && hasAfter {
		return c.badQuery("before", "cannot be combined with after")
	}

	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	var matched []*customer
	for _, id := range sortedIDs(st.customers) {
		if cu := st.customers[id]; filter.match(cu) {
			matched = append(matched, cu)
		}
	}
	slices.SortStableFunc(matched, order) // ids ascending break ties

	var pageItems []*customer
	var meta listMeta
	if hasBefore || hasAfter {
		// "Only cursor_pagination would be returned when before or after is
		// provided"; page is ignored.
		cursor := after
		cursorParam := "after"
		if hasBefore {
			cursor, cursorParam = before, "before"
		}
		cid, ok := decodeCursor(cursor)
		if !ok {
			return c.badQuery(cursorParam, "is not a valid cursor")
		}
		start, end, ok := cursorWindow(matched, cid, hasAfter, !sorted, limit)
		if !ok {
			return c.badQuery(cursorParam, "refers to a customer that is no longer in the result set")
		}
		pageItems = matched[start:end]
		meta.CursorPagination = c.cursorMeta(pageItems, limit, start > 0, end < len(matched))
	} else {
		pageItems = pageOf(matched, page, limit)
		meta.Pagination = c.pagination(len(matched), len(pageItems), page, limit)
		if page == 1 {
			// "Both pagination and cursor_pagination would be returned in
			// the first page."
			meta.CursorPagination = c.cursorMeta(pageItems, limit, false, len(pageItems) < len(matched))
		}
	}

	idx := st.index()
	data := make([]customerV3, 0, len(pageItems))
	for _, cu := range pageItems {
		data = append(data, renderCustomerV3(cu, inc, idx))
	}
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: meta}}
}

// cursorWindow finds the page after (or before) the customer with id cid.
// When that customer is gone, an id-ordered list still places the cursor;
// any other order cannot.
func cursorWindow(list []*customer, cid int, after, byID bool, limit int) (start, end int, ok bool) {
	pos := slices.IndexFunc(list, func(cu *customer) bool { return cu.ID == cid })
	next := pos + 1 // first item after the cursor
	if pos < 0 {
		if !byID {
			return 0, 0, false
		}
		pos, _ = slices.BinarySearchFunc(list, cid, func(cu *customer, id int) int { return cu.ID - id })
		next = pos
	}
	if after {
		return next, min(next+limit, len(list)), true
	}
	return max(pos-limit, 0), pos, true
}

func (c *call) cursorMeta(items []*customer, limit int, hasPrev, hasNext bool) *cursorPagination {
	cp := &cursorPagination{Count: len(items), PerPage: limit}
	if len(items) == 0 {
		return cp
	}
	cp.StartCursor = encodeCursor(items[0].ID)
	cp.EndCursor = encodeCursor(items[len(items)-1].ID)
	link := func(dir, cursor string) string {
		l := c.pageLink(1, limit)
		l = strings.Replace(l, "page=1&", "", 1)
		return l + "&" + dir + "=" + cursor
	}
	if hasPrev {
		cp.Links.Previous = link("before", cp.StartCursor)
	}
	if hasNext {
		cp.Links.Next = link("after", cp.EndCursor)
	}
	return cp
}
