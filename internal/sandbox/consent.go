package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
)

// consentCategories is the enum of consentAllow and Deny.
var consentCategories = []string{"essential", "functional", "analytics", "targeting"}

// consentV3 is the spec's consent_Full, answered without an envelope.
type consentV3 struct {
	Allow     []string `json:"allow"`
	Deny      []string `json:"deny"`
	UpdatedAt string   `json:"updated_at"`
}

// renderConsent shows the time of the call as updated_at, as consent_Full
// says BigCommerce does: "Currently, this field returns the time of the
// current API Call, not the time of last update."
func (c *call) renderConsent(k *consent) consentV3 {
	out := consentV3{Allow: []string{}, Deny: []string{}, UpdatedAt: v3Time(c.now)}
	if k != nil {
		out.Allow = append(out.Allow, k.Allow...)
		out.Deny = append(out.Deny, k.Deny...)
	}
	return out
}

// consentCustomer checks the customer of the path. Neither consent
// operation documents 404; both document 422 for "missing or invalid
// data", which is the answer for a customer that does not exist.
func (c *call) consentCustomer() *reply {
	if c.s.st.customers[c.id] == nil {
		msg := fmt.Sprintf("Customer %d does not exist.", c.id)
		return ptr(failV3(http.StatusUnprocessableEntity, msg, map[string]string{"customerId": msg}))
	}
	return nil
}

// getConsent serves GET /v3/customers/{id}/consent.
func getConsent(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	if rep := c.consentCustomer(); rep != nil {
		return *rep
	}
	return reply{status: http.StatusOK, body: c.renderConsent(c.s.st.consents[c.id])}
}

// updateConsent serves PUT /v3/customers/{id}/consent. A list left out
// keeps its categories; a category may not be both allowed and denied.
func updateConsent(c *call) reply {
	c.record("PUT /v3/customers/{id}/consent")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	if rep := c.consentCustomer(); rep != nil {
		return *rep
	}
	next := consent{}
	if cur := c.s.st.consents[c.id]; cur != nil {
		next = consent{Allow: slices.Clone(cur.Allow), Deny: slices.Clone(cur.Deny)}
	}
	for name, into := range map[string]*[]string{"allow": &next.Allow, "deny": &next.Deny} {
		if list, ok := consentList(f, name); ok {
			*into = list
		}
	}
	for _, cat := range next.Allow {
		if slices.Contains(next.Deny, cat) {
			errs.invalid("allow", "and deny both name %q: a category is either allowed or denied", cat)
		}
	}
	if len(*errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	c.s.st.consents[c.id] = &next
	return reply{status: http.StatusOK, body: c.renderConsent(&next)}
}

// consentList reads allow or deny: an array (not null) of distinct
// categories of the enum ("uniqueItems: true").
func consentList(f *fields, name string) ([]string, bool) {
	raw, ok := f.array(name, false, 0)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(raw))
	for i, item := range raw {
		var cat string
		key := fmt.Sprintf("%s.%d", f.key(name), i)
		if json.Unmarshal(item, &cat) != nil || !slices.Contains(consentCategories, cat) {
			f.errs.invalid(key, "must be one of essential, functional, analytics, targeting")
			return nil, false
		}
		if slices.Contains(out, cat) {
			f.errs.invalid(key, "repeats %q: the list's items must be unique", cat)
			return nil, false
		}
		out = append(out, cat)
	}
	return out, true
}
