package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// groupTime formats customer-group dates the way the V2 spec's examples
// show them ("2023-07-17 06:30:41").
func groupTime(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05") }

// groupV2 is the spec's customerGroup_Full.
type groupV2 struct {
	ID               int              `json:"id"`
	Name             string           `json:"name"`
	IsDefault        bool             `json:"is_default"`
	CategoryAccess   categoryAccessV2 `json:"category_access"`
	DiscountRules    []discountRuleV2 `json:"discount_rules"`
	DateCreated      string           `json:"date_created"`
	DateModified     string           `json:"date_modified"`
	IsGroupForGuests bool             `json:"is_group_for_guests"`
}

type categoryAccessV2 struct {
	Type string `json:"type"`
	// Categories is "supplied only if type is specific".
	Categories *[]int `json:"categories,omitempty"`
}

// discountRuleV2: a price_list rule shows type and price_list_id only; the
// others show method and amount (a decimal in a string) and their target.
type discountRuleV2 struct {
	Type        string `json:"type"`
	Method      string `json:"method,omitempty"`
	Amount      string `json:"amount,omitempty"`
	CategoryID  int    `json:"category_id,omitempty"`
	ProductID   int    `json:"product_id,omitempty"`
	PriceListID int    `json:"price_list_id,omitempty"`
}

func renderGroup(g *group) groupV2 {
	out := groupV2{
		ID: g.ID, Name: g.Name, IsDefault: g.IsDefault, IsGroupForGuests: g.IsGuest,
		CategoryAccess: categoryAccessV2{Type: g.Access.Type},
		DiscountRules:  []discountRuleV2{},
		DateCreated:    groupTime(g.Created), DateModified: groupTime(g.Modified),
	}
	if g.Access.Type == "specific" {
		cats := append([]int{}, g.Access.Categories...)
		out.CategoryAccess.Categories = &cats
	}
	for _, r := range g.Rules {
		rule := discountRuleV2{Type: r.Type, CategoryID: r.CategoryID, ProductID: r.ProductID, PriceListID: r.PriceListID}
		if r.Type != "price_list" {
			rule.Method, rule.Amount = r.Method, r.Amount.Fixed(moneyScale)
		}
		out.DiscountRules = append(out.DiscountRules, rule)
	}
	return out
}

var (
	ruleTypes   = map[string]bool{"price_list": true, "all": true, "category": true, "product": true}
	ruleMethods = map[string]bool{"percent": true, "fixed": true, "price": true}
	accessTypes = map[string]bool{"all": true, "specific": true, "none": true}
)

// readDiscountRules checks the combinations the spec allows: a price_list
// rule must be the only rule; at most one "all" rule, combinable with any
// number of category and product rules.
func readDiscountRules(f *fields) ([]discountRule, bool) {
	list, ok := f.array("discount_rules", false, 0)
	if !ok {
		return nil, false
	}
	before := len(*f.errs)
	rules := []discountRule{}
	alls, priceLists := 0, 0
	targets := map[string]bool{}
	for i, raw := range list {
		key := fmt.Sprintf("%sdiscount_rules.%d", f.prefix, i)
		item, ok := decodeObject(raw, key+".", key, f.errs)
		if !ok {
			continue
		}
		typ, ok := item.str("type", true, 1, 0)
		if !ok {
			continue
		}
		if !ruleTypes[typ] {
			item.errs.invalid(item.key("type"), "must be price_list, all, category or product")
			continue
		}
		r := discountRule{Type: typ}
		if typ == "price_list" {
			priceLists++
			if id, ok := item.integer("price_list_id", true); ok {
				if id <= 0 {
					item.errs.invalid(item.key("price_list_id"), "must be a price list id")
				}
				r.PriceListID = id
			}
			rules = append(rules, r)
			continue
		}
		if m, ok := item.str("method", true, 1, 0); ok {
			if ruleMethods[m] {
				r.Method = m
			} else {
				item.errs.invalid(item.key("method"), "must be percent, fixed or price")
			}
		}
		if amt, ok := item.decimal("amount", true, true); ok {
			hundred, _ := parseDecimal("100")
			switch {
			case amt.Sign() < 0:
				item.errs.invalid(item.key("amount"), "must not be negative")
			case r.Method == "percent" && amt.Cmp(hundred) > 0:
				item.errs.invalid(item.key("amount"), "must not exceed 100 for a percent discount")
			}
			r.Amount = amt
		}
		switch typ {
		case "all":
			alls++
		case "category", "product":
			id, ok := item.integer(typ+"_id", true)
			if !ok {
				continue
			}
			target := fmt.Sprintf("%s:%d", typ, id)
			switch {
			case id <= 0:
				item.errs.invalid(item.key(typ+"_id"), "must be a %s id", typ)
			case targets[target]:
				item.errs.invalid(item.key(typ+"_id"), "has more than one discount rule")
			}
			targets[target] = true
			if typ == "category" {
				r.CategoryID = id
			} else {
				r.ProductID = id
			}
		}
		rules = append(rules, r)
	}
	if priceLists > 0 && len(list) > 1 {
		f.errs.invalid(f.key("discount_rules"), "a price_list rule must be the only rule")
	}
	if alls > 1 {
		f.errs.invalid(f.key("discount_rules"), "may have only one rule of type all")
	}
	return rules, len(*f.errs) == before
}

// readGroup applies a customerGroup_Post_Put body onto g. rules is non-nil
// when the body set discount_rules.
func readGroup(f *fields, g *group, create bool) (rules []discountRule, hasRules bool) {
	if name, ok := f.str("name", create, 1, 255); ok {
		g.Name = name
	}
	if v, ok := f.boolean("is_default"); ok {
		g.IsDefault = v
	}
	if v, ok := f.boolean("is_group_for_guests"); ok {
		g.IsGuest = v
	}
	if access, ok := f.object("category_access"); ok {
		typ, okType := access.str("type", true, 1, 0)
		if okType && !accessTypes[typ] {
			access.errs.invalid(access.key("type"), "must be all, specific or none")
			okType = false
		}
		cats, hasCats := access.intList("categories")
		if okType {
			if hasCats && typ != "specific" && len(cats) > 0 {
				access.errs.invalid(access.key("categories"), "may be given only when type is specific")
			}
			g.Access = categoryAccess{Type: typ}
			if typ == "specific" {
				g.Access.Categories = cats
			}
		}
	}
	rules, _ = readDiscountRules(f) // problems are in f.errs
	return rules, f.has("discount_rules")
}

// groupNameConflict answers 409 when another group has the name: "409
// Conflict: a change requested by the client is being rejected, due to a
// condition imposed by the server".
func groupNameConflict(st *state, g *group) *reply {
	for _, other := range st.groups {
		if other.ID != g.ID && strings.EqualFold(other.Name, g.Name) {
			return ptr(reply{status: http.StatusConflict, body: []v2Error{{
				Status: http.StatusConflict, Message: "The field 'name' is invalid.",
				Details: map[string]string{"conflict_reason": fmt.Sprintf("A customer group named %q already exists.", g.Name)},
			}}})
		}
	}
	return nil
}

// saveGroup stores g, keeping is_default and is_group_for_guests unique
// ("There can only be one customer group for guests at a time").
func saveGroup(st *state, g *group) {
	for _, other := range st.groups {
		if other.ID == g.ID {
			continue
		}
		if g.IsDefault {
			other.IsDefault = false
		}
		if g.IsGuest {
			other.IsGuest = false
		}
	}
	st.groups[g.ID] = g
}

// discount207 is the documented 207: the group was saved but its discount
// rules were not. It happens only when Faults.GroupDiscount207 is set and
// the request carried discount_rules.
func (c *call) discount207(created bool) (reply, bool) {
	if !c.s.faults.get().GroupDiscount207 {
		return reply{}, false
	}
	c.s.stats.fault("group_discount_207")
	verb := "updated"
	if created {
		verb = "created"
	}
	return reply{status: http.StatusMultiStatus, body: map[string]any{
		"status":  http.StatusMultiStatus,
		"message": fmt.Sprintf("The customer group was %s, but the sitewide discount update failed. You may retry the request.", verb),
	}}, true
}

// createGroup serves POST /v2/customer_groups. Like V2 customers it answers
// 201 (status-codes doc) where the spec says 200.
func createGroup(c *call) reply {
	c.record("POST /v2/customer_groups")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	for _, name := range []string{"id", "date_created", "date_modified"} {
		if f.has(name) {
			errs.readOnly(name)
		}
	}
	g := &group{Access: categoryAccess{Type: "all"}}
	rules, hasRules := readGroup(f, g, true)
	if len(*errs) > 0 {
		return c.invalid("", *errs)
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	if rep := groupNameConflict(st, g); rep != nil {
		return *rep
	}
	g.ID, g.Created, g.Modified = st.nextGroup, c.now, c.now
	st.nextGroup++
	fault, failed := reply{}, false
	if hasRules {
		if fault, failed = c.discount207(true); !failed {
			g.Rules = rules
		}
	}
	saveGroup(st, g)
	if failed {
		return fault
	}
	return reply{status: http.StatusCreated, body: renderGroup(g)}
}

// updateGroup serves PUT /v2/customer_groups/{id}. "Discount rules are
// treated in bulk. The entire set of rules is overwritten."
func updateGroup(c *call) reply {
	c.record("PUT /v2/customer_groups/{id}")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	old := st.groups[c.id]
	if old == nil {
		return c.notFound()
	}
	cur := renderGroup(old)
	for name, value := range map[string]any{"id": cur.ID, "date_created": cur.DateCreated, "date_modified": cur.DateModified} {
		if raw, ok := f.raw(name); ok && !sameJSON(raw, encode(value)) {
			errs.readOnly(name)
		}
	}
	g := *old
	g.Access.Categories = append([]int(nil), old.Access.Categories...)
	rules, hasRules := readGroup(f, &g, false)
	if len(*errs) > 0 {
		return c.invalid("", *errs)
	}
	if rep := groupNameConflict(st, &g); rep != nil {
		return *rep
	}
	g.Modified = c.now
	fault, failed := reply{}, false
	if hasRules {
		if fault, failed = c.discount207(false); !failed {
			g.Rules = rules
		}
	}
	saveGroup(st, &g)
	if failed {
		return fault
	}
	return reply{status: http.StatusOK, body: renderGroup(&g)}
}

func getGroup(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	g := c.s.st.groups[c.id]
	if g == nil {
		return c.notFound()
	}
	return reply{status: http.StatusOK, body: renderGroup(g)}
}

// deleteGroup serves DELETE /v2/customer_groups/{id}: "All existing
// customers are unassigned from the group when it is deleted."
func deleteGroup(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	if st.groups[c.id] == nil {
		return c.notFound()
	}
	delete(st.groups, c.id)
	for _, cu := range st.customers {
		if cu.GroupID == c.id {
			cu.GroupID = 0
		}
	}
	return reply{status: http.StatusNoContent}
}

// listGroups serves GET /v2/customer_groups, sorted by id.
func listGroups(c *call) reply {
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	name, hasName := c.param("name")
	like, hasLike := c.param("name:like")
	isDefault, hasDefault, rep := c.boolParam("is_default")
	if rep != nil {
		return *rep
	}
	isGuest, hasGuest, rep := c.boolParam("is_group_for_guests")
	if rep != nil {
		return *rep
	}
	dates, rep := c.datesFilter()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	var matched []groupV2
	for _, id := range sortedIDs(c.s.st.groups) {
		g := c.s.st.groups[id]
		switch {
		case hasName && !strings.EqualFold(g.Name, name),
			hasLike && !strings.Contains(strings.ToLower(g.Name), strings.ToLower(like)),
			hasDefault && g.IsDefault != isDefault,
			hasGuest && g.IsGuest != isGuest,
			!dates(g.Created, g.Modified):
			continue
		}
		matched = append(matched, renderGroup(g))
	}
	items := pageOf(matched, page, limit)
	if len(items) == 0 {
		return noContentV2()
	}
	return reply{status: http.StatusOK, body: items}
}

func countGroups(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return reply{status: http.StatusOK, body: map[string]int{"count": len(c.s.st.groups)}}
}
