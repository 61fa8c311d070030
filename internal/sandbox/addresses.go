package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// addressV3 is the spec's address_Full.
type addressV3 struct {
	ID              int                 `json:"id"`
	CustomerID      int                 `json:"customer_id"`
	FirstName       string              `json:"first_name"`
	LastName        string              `json:"last_name"`
	Company         string              `json:"company"`
	Address1        string              `json:"address1"`
	Address2        string              `json:"address2"`
	City            string              `json:"city"`
	StateOrProvince string              `json:"state_or_province"`
	PostalCode      string              `json:"postal_code"`
	CountryCode     string              `json:"country_code"`
	Country         string              `json:"country"`
	Phone           string              `json:"phone"`
	AddressType     string              `json:"address_type"`
	FormFields      *[]addressFormField `json:"form_fields,omitempty"`
}

type addressFormField struct {
	Name      string          `json:"name"`
	Value     json.RawMessage `json:"value"`
	AddressID int             `json:"address_id"`
}

func renderAddress(a *address, formFields bool) addressV3 {
	out := addressV3{
		ID: a.ID, CustomerID: a.CustomerID, FirstName: a.FirstName, LastName: a.LastName,
		Company: a.Company, Address1: a.Address1, Address2: a.Address2, City: a.City,
		StateOrProvince: a.State, PostalCode: a.PostalCode, CountryCode: a.CountryCode,
		Country: countryNames[a.CountryCode], Phone: a.Phone, AddressType: a.Type,
	}
	if formFields {
		list := []addressFormField{}
		for _, ff := range a.FormFields {
			list = append(list, addressFormField{Name: ff.Name, Value: ff.Value, AddressID: a.ID})
		}
		out.FormFields = &list
	}
	return out
}

// Countries whose addresses need a state or a postal code. The spec's
// address_Post lists both as always required, but its descriptions say
// "required for countries that need a state/province (postal code) to
// complete an address"; the sandbox follows the descriptions for the
// countries below and requires them there.
var (
	statesByCountry = map[string][]string{
		"US": {
			"Alabama", "Alaska", "American Samoa", "Arizona", "Arkansas", "Armed Forces Africa",
			"Armed Forces Americas", "Armed Forces Canada", "Armed Forces Europe", "Armed Forces Middle East",
			"Armed Forces Pacific", "California", "Colorado", "Connecticut", "Delaware", "District of Columbia",
			"Federated States Of Micronesia", "Florida", "Georgia", "Guam", "Hawaii", "Idaho", "Illinois",
			"Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Marshall Islands", "Maryland",
			"Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
			"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
			"Northern Mariana Islands", "Ohio", "Oklahoma", "Oregon", "Palau", "Pennsylvania", "Puerto Rico",
			"Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
			"Virgin Islands", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
		},
		"CA": {
			"Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland and Labrador",
			"Northwest Territories", "Nova Scotia", "Nunavut", "Ontario", "Prince Edward Island", "Quebec",
			"Saskatchewan", "Yukon",
		},
		"AU": {
			"Australian Capital Territory", "New South Wales", "Northern Territory", "Queensland",
			"South Australia", "Tasmania", "Victoria", "Western Australia",
		},
	}
	postalCodeRequired = map[string]bool{"US": true, "CA": true, "AU": true, "GB": true, "DE": true, "FR": true}
)

func knownState(country, state string) bool {
	for _, s := range statesByCountry[country] {
		if strings.EqualFold(s, state) {
			return true
		}
	}
	return false
}

// readAddressFields applies the members of one address item onto a. With
// create, the spec's required fields must be present. It reports whether the
// item was valid.
func readAddressFields(f *fields, a *address, create bool, form map[string]FormFieldType) bool {
	before := len(*f.errs)
	strs := []struct {
		name     string
		required bool
		min, max int
		dst      *string
	}{
		{"first_name", create, 1, 255, &a.FirstName},
		{"last_name", create, 1, 255, &a.LastName},
		{"company", false, 0, 255, &a.Company},
		{"address1", create, 1, 0, &a.Address1},
		{"address2", false, 0, 0, &a.Address2},
		{"city", create, 1, 100, &a.City},
		{"state_or_province", false, 0, 100, &a.State},
		{"postal_code", false, 0, 30, &a.PostalCode},
		{"phone", false, 0, 50, &a.Phone},
	}
	for _, s := range strs {
		if v, ok := f.str(s.name, s.required, s.min, s.max); ok {
			*s.dst = v
		}
	}
	if v, ok := f.str("country_code", create, 2, 2); ok {
		// ISO codes as BigCommerce lists them: upper case, known.
		if _, known := countryNames[v]; !known {
			f.errs.invalid(f.key("country_code"), "must be an ISO 3166-1 alpha-2 country code such as US")
		} else {
			a.CountryCode = v
		}
	}
	if v, ok := f.str("address_type", false, 0, 0); ok {
		if v != "residential" && v != "commercial" {
			f.errs.invalid(f.key("address_type"), "must be residential or commercial")
		} else {
			a.Type = v
		}
	}
	if list, ok := readTypedFormFields(f, form); ok {
		for _, ff := range list {
			a.FormFields = setFormField(a.FormFields, ff)
		}
	}
	if len(*f.errs) > before {
		return false
	}
	// Country-dependent rules, checked on the address as it will be.
	if _, needsState := statesByCountry[a.CountryCode]; needsState {
		switch {
		case strings.TrimSpace(a.State) == "":
			f.errs.invalid(f.key("state_or_province"), "is required for country %s", a.CountryCode)
		case !knownState(a.CountryCode, a.State):
			// "State or province codes not accepted."
			f.errs.invalid(f.key("state_or_province"), "must be the full name of a state or province of %s", a.CountryCode)
		}
	}
	if postalCodeRequired[a.CountryCode] && strings.TrimSpace(a.PostalCode) == "" {
		f.errs.invalid(f.key("postal_code"), "is required for country %s", a.CountryCode)
	}
	return len(*f.errs) == before
}

// listAddresses serves GET /v3/customers/addresses.
func listAddresses(c *call) reply {
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	ids, _, rep := c.idList("id:in")
	if rep != nil {
		return *rep
	}
	customers, _, rep := c.idList("customer_id:in")
	if rep != nil {
		return *rep
	}
	var companies, names map[string]bool
	if v, ok, rep := c.list("company:in"); rep != nil {
		return *rep
	} else if ok {
		companies = foldSet(v)
	}
	if v, ok, rep := c.list("name:in"); rep != nil {
		return *rep
	} else if ok {
		names = foldSet(v)
	}
	formFields := false
	if v, ok, rep := c.list("include"); rep != nil {
		return *rep
	} else if ok {
		for _, inc := range v {
			if inc != "formfields" {
				return c.badQuery("include", "must be formfields")
			}
			formFields = true
		}
	}

	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	var matched []*address
	for _, id := range sortedIDs(st.addresses) {
		a := st.addresses[id]
		switch {
		case ids != nil && !ids[a.ID],
			customers != nil && !customers[a.CustomerID],
			companies != nil && !companies[strings.ToLower(a.Company)],
			names != nil && !names[strings.ToLower(a.FirstName+" "+a.LastName)]:
			continue
		}
		matched = append(matched, a)
	}
	items := pageOf(matched, page, limit)
	data := make([]addressV3, 0, len(items))
	for _, a := range items {
		data = append(data, renderAddress(a, formFields))
	}
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: listMeta{Pagination: c.pagination(len(matched), len(data), page, limit)}}}
}

// addressesReply answers a POST or PUT of addresses. When every item was
// dropped as a duplicate, BigCommerce answers the spec's
// DuplicateAddressCollectionResponse: an empty object, with no "data".
func addressesReply(written []*address) reply {
	if len(written) == 0 {
		return reply{status: http.StatusOK, body: struct{}{}}
	}
	data := make([]addressV3, 0, len(written))
	for _, a := range written {
		data = append(data, renderAddress(a, true))
	}
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: emptyMeta}}
}

// createAddresses serves POST /v3/customers/addresses. An address that
// exactly duplicates one the customer already has (or an earlier one of the
// batch) is silently dropped: 200, and it is absent from "data". This is
// BigCommerce's documented behaviour.
func createAddresses(c *call) reply {
	c.record("POST /v3/customers/addresses")
	items, rep := c.bodyArray(maxBatch)
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st

	errs, conflicts := problems{}, problems{}
	drafts := make([]*address, 0, len(items))
	for i, raw := range items {
		f, ok := decodeObject(raw, fmt.Sprintf("%d.", i), strconv.Itoa(i), &errs)
		if !ok {
			continue
		}
		a := &address{Type: "residential"}
		cid, okCustomer := f.integer("customer_id", true)
		if !readAddressFields(f, a, true, st.addressForm) || !okCustomer {
			continue
		}
		if st.customers[cid] == nil {
			conflicts.fact(f.key("customer_id"), "Customer %d does not exist.", cid)
			continue
		}
		a.CustomerID = cid
		drafts = append(drafts, a)
	}
	if len(errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	if len(conflicts) > 0 {
		return failV3(http.StatusUnprocessableEntity, "Create customer addresses failed.", conflicts.v3Map())
	}

	existing := map[string]bool{}
	for _, a := range st.addresses {
		existing[addressKey(a)] = true
	}
	var written []*address
	for _, a := range drafts {
		if existing[addressKey(a)] {
			continue // the quirk: dropped without a word
		}
		existing[addressKey(a)] = true
		a.ID = st.nextAddress
		st.nextAddress++
		st.addresses[a.ID] = a
		written = append(written, a)
	}
	return addressesReply(written)
}

func addressKey(a *address) string { return strconv.Itoa(a.CustomerID) + "\x00" + a.identity() }

// updateAddresses serves PUT /v3/customers/addresses. An update that would
// make an address identical to another of the same customer changes nothing
// and the address is absent from the answer, as documented.
func updateAddresses(c *call) reply {
	c.record("PUT /v3/customers/addresses")
	items, rep := c.bodyArray(maxBatch)
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st

	errs, conflicts := problems{}, problems{}
	drafts := make([]*address, 0, len(items))
	seen := map[int]bool{}
	for i, raw := range items {
		f, ok := decodeObject(raw, fmt.Sprintf("%d.", i), strconv.Itoa(i), &errs)
		if !ok {
			continue
		}
		id, ok := f.integer("id", true)
		if !ok {
			continue
		}
		old := st.addresses[id]
		switch {
		case seen[id]:
			errs.fact(f.key("id"), "Address %d is given more than once.", id)
			continue
		case old == nil:
			conflicts.fact(f.key("id"), "Address %d does not exist.", id)
			continue
		}
		seen[id] = true
		if cid, ok := f.integer("customer_id", false); ok && cid != old.CustomerID {
			errs.invalid(f.key("customer_id"), "cannot be changed")
		}
		a := *old
		a.FormFields = append([]formField(nil), old.FormFields...)
		if readAddressFields(f, &a, false, st.addressForm) {
			drafts = append(drafts, &a)
		}
	}
	if len(errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	if len(conflicts) > 0 {
		return failV3(http.StatusUnprocessableEntity, "Update customer addresses failed.", conflicts.v3Map())
	}

	var written []*address
	for _, a := range drafts {
		duplicate := false
		for _, other := range st.addresses {
			if other.ID != a.ID && addressKey(other) == addressKey(a) {
				duplicate = true
				break
			}
		}
		if duplicate {
			continue
		}
		st.addresses[a.ID] = a
		written = append(written, a)
	}
	return addressesReply(written)
}

// deleteAddresses serves DELETE /v3/customers/addresses?id:in=...
func deleteAddresses(c *call) reply {
	ids, ok, rep := c.requiredIDs()
	if !ok {
		return rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	for id := range ids {
		delete(c.s.st.addresses, id)
	}
	return reply{status: http.StatusNoContent}
}

// requiredIDs reads the id:in that the spec marks required on the
// addresses, attributes and attribute-values deletes. Unlike DELETE
// /customers (documented as a no-op without it), these have no documented
// behaviour without it, so the sandbox refuses the request.
func (c *call) requiredIDs() (map[int]bool, bool, reply) {
	ids, ok, rep := c.idList("id:in")
	if rep != nil {
		return nil, false, *rep
	}
	if !ok {
		return nil, false, failV3(http.StatusUnprocessableEntity, titleInvalidQuery, map[string]string{"id:in": "id:in is required"})
	}
	return ids, true, reply{}
}
