package sandbox

import (
	"fmt"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
)

// validEmail accepts a bare address (no display name) whose domain has a dot.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".")
}

// customerDraft is one validated item of a customers batch, not yet stored.
type customerDraft struct {
	cu        *customer
	password  *string // new password to hash on commit
	addresses []*address
	values    []*attributeValue
}

// readCustomerV3 applies the members of one POST or PUT item onto cu.
// Shape problems go to f.errs; problems that depend on the store's data (an
// unknown group or attribute) go to conflicts.
func readCustomerV3(f *fields, d *customerDraft, create bool, st *state, conflicts *problems) {
	cu := d.cu
	emailMax := 255 // customer_Put
	if create {
		emailMax = 250 // customer_Post
	}
	if v, ok := f.str("email", create, 3, emailMax); ok {
		if validEmail(v) {
			cu.Email = v
		} else {
			f.errs.invalid(f.key("email"), "must be a valid email address")
		}
	}
	if v, ok := f.str("first_name", create, 1, 100); ok {
		cu.FirstName = v
	}
	if v, ok := f.str("last_name", create, 1, 100); ok {
		cu.LastName = v
	}
	for _, s := range []struct {
		name string
		max  int
		dst  *string
	}{
		{"company", 255, &cu.Company},
		{"phone", 50, &cu.Phone},
		{"notes", 0, &cu.Notes},
		{"tax_exempt_category", 255, &cu.TaxExemptCategory},
	} {
		if v, ok := f.str(s.name, false, 0, s.max); ok {
			*s.dst = v
		}
	}
	if gid, ok := f.integer("customer_group_id", false); ok {
		switch {
		case gid < 0:
			f.errs.invalid(f.key("customer_group_id"), "must not be negative")
		case gid > 0 && st.groups[gid] == nil:
			conflicts.fact(f.key("customer_group_id"), "Customer group %d does not exist.", gid)
		default:
			cu.GroupID = gid
		}
	}
	if v, ok := f.boolean("accepts_product_review_abandoned_cart_emails"); ok {
		cu.AcceptsEmails = v
	}
	if auth, ok := f.object("authentication"); ok {
		if v, ok := auth.boolean("force_password_reset"); ok {
			cu.ForceReset = v
		}
		if pw, ok := auth.str("new_password", false, 0, 0); ok {
			if msg := passwordProblem(pw); msg != "" {
				auth.errs.invalid(auth.key("new_password"), "%s", msg)
			} else {
				d.password = &pw
			}
		}
	}
	if list, ok := f.array("store_credit_amounts", false, 0); ok {
		credits := []decimal{}
		for i, raw := range list {
			key := fmt.Sprintf("%sstore_credit_amounts.%d", f.prefix, i)
			item, ok := decodeObject(raw, key+".", key, f.errs)
			if !ok {
				continue
			}
			if amt, ok := item.decimal("amount", true, false); ok {
				if amt.Sign() < 0 {
					item.errs.invalid(item.key("amount"), "must not be negative")
					continue
				}
				credits = append(credits, amt)
			}
		}
		cu.StoreCredit = credits
	}
	if f.has("channel_ids") {
		switch {
		case f.isNull("channel_ids") && create:
			// Create Customers: "Omit channel_ids field, or provide
			// channel_ids: null" for global access. customer_Put documents
			// no null, so an update refuses it.
			cu.ChannelIDs = nil
		case f.isNull("channel_ids"):
			f.errs.invalid(f.key("channel_ids"), "must be an array of channel ids")
		default:
			if ids, ok := f.intList("channel_ids"); ok {
				if len(ids) == 0 {
					// "Provide a channel_ids array ... This array cannot be empty."
					f.errs.invalid(f.key("channel_ids"), "must not be empty: omit it for access to every channel")
				} else {
					cu.ChannelIDs = ids
				}
			}
		}
	}
	if list, ok := readTypedFormFields(f, st.customerForm); ok {
		if create {
			cu.FormFields = list
		} else {
			for _, ff := range list {
				cu.FormFields = setFormField(cu.FormFields, ff)
			}
		}
	}
	if create {
		// registration_ip_address is not in customer_Post, and "If the
		// customer was created using the API, then registration address is
		// blank": it is ignored. V2's Update a Customer sets it.
		if v, ok := f.integer("origin_channel_id", false); ok {
			if v < 1 {
				f.errs.invalid(f.key("origin_channel_id"), "must be a channel id")
			} else {
				cu.OriginChannelID = v
			}
		}
		f.boolean("trigger_account_created_notification") // accepted, never stored
	}
}

// checkReadOnlyV3 refuses a PUT that tries to change what the spec lists as
// read-only (id aside). Sending the current value back is accepted, so a
// client may round-trip what it read.
func checkReadOnlyV3(f *fields, cu *customer) {
	if v, ok := f.str("registration_ip_address", false, 0, 30); ok && v != cu.RegistrationIP {
		f.errs.readOnly(f.key("registration_ip_address"))
	}
	if v, ok := f.integer("origin_channel_id", false); ok && v != cu.OriginChannelID {
		// "origin_channel_id -- This is an immutable value".
		f.errs.invalid(f.key("origin_channel_id"), "is immutable")
	}
	if v, ok := f.str("date_created", false, 0, 0); ok && v != v3Time(cu.Created) {
		f.errs.readOnly(f.key("date_created"))
	}
	if v, ok := f.str("date_modified", false, 0, 0); ok && v != v3Time(cu.Modified) {
		f.errs.readOnly(f.key("date_modified"))
	}
	// "Subresource updates are not supported" and attribute values "can not
	// be updated using Update a Customer": refuse rather than drop silently.
	if f.has("addresses") {
		f.errs.invalid(f.key("addresses"), "cannot be updated here: use /v3/customers/addresses")
	}
	if f.has("attributes") {
		f.errs.invalid(f.key("attributes"), "cannot be updated here: use /v3/customers/attribute-values")
	}
}

// readNestedAddresses reads the addresses of a customer being created.
// Duplicates among them are dropped, as they would be by POST
// /customers/addresses.
func readNestedAddresses(f *fields, d *customerDraft, form map[string]FormFieldType) {
	list, ok := f.array("addresses", false, maxBatch) // "Limited to 10."
	if !ok {
		return
	}
	seen := map[string]bool{}
	for i, raw := range list {
		key := fmt.Sprintf("%saddresses.%d", f.prefix, i)
		item, ok := decodeObject(raw, key+".", key, f.errs)
		if !ok {
			continue
		}
		a := &address{Type: "residential"}
		if !readAddressFields(item, a, true, form) {
			continue
		}
		if id := a.identity(); !seen[id] {
			seen[id] = true
			d.addresses = append(d.addresses, a)
		}
	}
}

// readNestedAttributes reads [{attribute_id, attribute_value}] of a customer
// being created. "Attributes must be created BEFORE creating a customer."
func readNestedAttributes(f *fields, d *customerDraft, st *state, conflicts *problems) {
	list, ok := f.array("attributes", false, maxBatch) // "Limited to 10."
	if !ok {
		return
	}
	seen := map[int]bool{}
	for i, raw := range list {
		key := fmt.Sprintf("%sattributes.%d", f.prefix, i)
		item, ok := decodeObject(raw, key+".", key, f.errs)
		if !ok {
			continue
		}
		aid, okID := item.integer("attribute_id", true)
		value, okValue := item.str("attribute_value", true, 0, 255)
		if !okID || !okValue {
			continue
		}
		attr := st.attributes[aid]
		switch {
		case attr == nil:
			conflicts.fact(item.key("attribute_id"), "Attribute %d does not exist: create it before the customer.", aid)
		case seen[aid]:
			item.errs.invalid(item.key("attribute_id"), "is given more than once")
		default:
			if msg := attributeValueProblem(attr.Type, value); msg != "" {
				item.errs.fact(item.key("attribute_value"), "%s", msg)
				continue
			}
			seen[aid] = true
			d.values = append(d.values, &attributeValue{AttributeID: aid, Value: value})
		}
	}
}

// checkEmailsV3 refuses emails already used by another customer of the
// store, or by an earlier item of the same batch (compared case-insensitively).
func checkEmailsV3(drafts []*customerDraft, st *state, conflicts *problems) {
	inBatch := map[string]int{}
	for i, d := range drafts {
		if d == nil || d.cu.Email == "" {
			continue
		}
		k := emailKey(d.cu.Email)
		if owner, taken := st.emails[k]; taken && owner != d.cu.ID {
			conflicts.fact(fmt.Sprintf("%d.email", i), "The email address %s is already in use by another customer.", d.cu.Email)
		} else if first, dup := inBatch[k]; dup {
			conflicts.fact(fmt.Sprintf("%d.email", i), "The email address %s is also given in item %d of this request.", d.cu.Email, first)
		}
		if _, dup := inBatch[k]; !dup {
			inBatch[k] = i
		}
	}
}

// createCustomersV3 serves POST /v3/customers. One invalid item rejects the
// whole batch: nothing is stored.
func createCustomersV3(c *call) reply {
	c.record("POST /v3/customers")
	items, rep := c.bodyArray(maxBatch)
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st

	errs, conflicts := problems{}, problems{}
	drafts := make([]*customerDraft, len(items))
	for i, raw := range items {
		f, ok := decodeObject(raw, fmt.Sprintf("%d.", i), strconv.Itoa(i), &errs)
		if !ok {
			continue
		}
		d := &customerDraft{cu: &customer{OriginChannelID: 1}}
		if !f.has("customer_group_id") {
			// "Determines whether new customers are assigned to this group
			// by default."
			d.cu.GroupID = st.defaultGroupID()
		}
		readCustomerV3(f, d, true, st, &conflicts)
		readNestedAddresses(f, d, st.addressForm)
		readNestedAttributes(f, d, st, &conflicts)
		drafts[i] = d
	}
	checkEmailsV3(drafts, st, &conflicts)
	if len(errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	if len(conflicts) > 0 {
		// The spec's example title for this endpoint.
		return failV3(http.StatusUnprocessableEntity, "Create customers failed.", conflicts.v3Map())
	}

	for _, d := range drafts {
		cu := d.cu
		cu.ID = st.nextCustomer
		st.nextCustomer++
		cu.Created, cu.Modified = c.now, c.now
		if d.password != nil {
			cu.Password = hashPassword(*d.password)
		}
		st.customers[cu.ID] = cu
		st.emails[emailKey(cu.Email)] = cu.ID
		for _, a := range d.addresses {
			a.ID, a.CustomerID = st.nextAddress, cu.ID
			st.nextAddress++
			st.addresses[a.ID] = a
		}
		for _, v := range d.values {
			v.ID, v.CustomerID, v.Created, v.Modified = st.nextValue, cu.ID, c.now, c.now
			st.nextValue++
			st.values[v.ID] = v
		}
	}
	return c.customersReply(drafts)
}

// customersReply is the 200 answer of a customers write: the written
// customers in request order.
func (c *call) customersReply(drafts []*customerDraft) reply {
	idx := c.s.st.index()
	data := make([]customerV3, 0, len(drafts))
	for _, d := range drafts {
		data = append(data, renderCustomerV3(c.s.st.customers[d.cu.ID], allIncludes, idx))
	}
	// V3 answers 200, not 201, to a create: the spec documents only 200 for
	// these batch endpoints.
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: emptyMeta}}
}

// updateCustomersV3 serves PUT /v3/customers: a partial update of each item,
// all or nothing.
func updateCustomersV3(c *call) reply {
	c.record("PUT /v3/customers")
	items, rep := c.bodyArray(maxBatch)
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st

	errs, conflicts := problems{}, problems{}
	drafts := make([]*customerDraft, len(items))
	seen := map[int]int{}
	for i, raw := range items {
		f, ok := decodeObject(raw, fmt.Sprintf("%d.", i), strconv.Itoa(i), &errs)
		if !ok {
			continue
		}
		id, ok := f.integer("id", true)
		if !ok {
			continue
		}
		if first, dup := seen[id]; dup {
			errs.fact(f.key("id"), "Customer %d is also updated by item %d of this request.", id, first)
			continue
		}
		seen[id] = i
		existing := st.customers[id]
		if existing == nil {
			conflicts.fact(f.key("id"), "Customer %d does not exist.", id)
			continue
		}
		d := &customerDraft{cu: existing.clone()}
		checkReadOnlyV3(f, existing)
		readCustomerV3(f, d, false, st, &conflicts)
		drafts[i] = d
	}
	checkEmailsV3(drafts, st, &conflicts)
	if len(errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	if len(conflicts) > 0 {
		return failV3(http.StatusUnprocessableEntity, "Update customers failed.", conflicts.v3Map())
	}

	for _, d := range drafts {
		cu := d.cu
		old := st.customers[cu.ID]
		if d.password != nil {
			cu.Password = hashPassword(*d.password)
		}
		cu.Modified = c.now
		delete(st.emails, emailKey(old.Email))
		st.emails[emailKey(cu.Email)] = cu.ID
		st.customers[cu.ID] = cu
	}
	return c.customersReply(drafts)
}

// deleteCustomersV3 serves DELETE /v3/customers?id:in=... It also deletes
// the customers' addresses and attribute values.
func deleteCustomersV3(c *call) reply {
	ids, ok, rep := c.idList("id:in")
	if rep != nil {
		return *rep
	}
	if !ok {
		// Documented: "A query is required to delete customers. If not
		// provided, a 204 is returned, with no changes to the data."
		return reply{status: http.StatusNoContent}
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	for id := range ids {
		c.s.st.deleteCustomer(id)
	}
	return reply{status: http.StatusNoContent}
}
