package sandbox

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// subscriber is a newsletter subscriber.
type subscriber struct {
	ID        int
	Email     string
	FirstName string
	LastName  string
	Source    string
	OrderID   int // 0: null
	ChannelID int
	Consents  []string
	Created   time.Time
	Modified  time.Time
}

// Enums and limits of subscriber_Base.
var (
	// source: "Values are: `storefront`, `order`, or `custom`."
	subscriberSources = []string{"storefront", "order", "custom"}
	// consents' enum.
	subscriberConsents = []string{"marketing_newsletter", "abandoned_cart"}
)

const (
	maxSubscriberText  = 255 // first_name, last_name, source: maxLength 255
	maxSubscriberEmail = 255 // not given: customer_Put's email maxLength
	defaultSource      = "custom"
)

// subscriberV3 is the spec's subscriber_Full.
type subscriberV3 struct {
	ID           int      `json:"id"`
	Email        string   `json:"email"`
	FirstName    string   `json:"first_name"`
	LastName     string   `json:"last_name"`
	Source       string   `json:"source"`
	OrderID      *int     `json:"order_id"`
	ChannelID    int      `json:"channel_id"`
	Consents     []string `json:"consents"`
	DateModified string   `json:"date_modified"`
	DateCreated  string   `json:"date_created"`
}

func renderSubscriber(s *subscriber) subscriberV3 {
	out := subscriberV3{
		ID: s.ID, Email: s.Email, FirstName: s.FirstName, LastName: s.LastName, Source: s.Source,
		ChannelID: s.ChannelID, Consents: append([]string{}, s.Consents...),
		DateModified: v3Time(s.Modified), DateCreated: v3Time(s.Created),
	}
	if s.OrderID != 0 {
		out.OrderID = ptr(s.OrderID)
	}
	return out
}

// readSubscriber applies the members of subscriber_Post or subscriber_Put
// to next, recording problems. Read-only members (id, the dates) may be
// sent back unchanged on PUT only.
func (c *call) readSubscriber(f *fields, next *subscriber, create bool) {
	errs := f.errs
	if v, ok := f.str("email", create, 1, maxSubscriberEmail); ok {
		if validEmail(v) {
			next.Email = v
		} else {
			errs.invalid("email", "must be a valid email address")
		}
	}
	for _, m := range []struct {
		name string
		dst  *string
	}{{"first_name", &next.FirstName}, {"last_name", &next.LastName}, {"source", &next.Source}} {
		if v, ok := f.str(m.name, false, 0, maxSubscriberText); ok {
			*m.dst = v
		}
	}
	if f.has("source") && !slices.Contains(subscriberSources, next.Source) {
		errs.invalid("source", "must be one of %s", strings.Join(subscriberSources, ", "))
	}
	if f.isNull("order_id") {
		next.OrderID = 0
	} else if v, ok := f.integer("order_id", false); ok {
		if v < 1 {
			errs.invalid("order_id", "must be between 1 and 2147483647")
		}
		next.OrderID = v
	}
	if next.OrderID != 0 && next.Source != "order" {
		errs.invalid("order_id", "is the ID of the source order: give it only with source order")
	}
	if v, ok := f.integer("channel_id", false); ok {
		if c.s.st.channels[v] == nil {
			errs.invalid("channel_id", "must be a channel of the store")
		}
		next.ChannelID = v
	}
	if list, ok := f.array("consents", false, 0); ok {
		next.Consents = []string{}
		for _, raw := range list {
			var v string
			switch {
			case json.Unmarshal(raw, &v) != nil || !slices.Contains(subscriberConsents, v):
				errs.invalid("consents", "must list only %s", strings.Join(subscriberConsents, ", "))
			case slices.Contains(next.Consents, v):
				errs.invalid("consents", "lists %s more than once", v)
			default:
				next.Consents = append(next.Consents, v)
			}
		}
	}
	readOnly := map[string]string{"id": strconv.Itoa(next.ID), "date_created": v3Time(next.Created), "date_modified": v3Time(next.Modified)}
	for _, name := range slices.Sorted(maps.Keys(readOnly)) {
		raw, ok := f.raw(name)
		if !ok {
			continue
		}
		var s string
		if name == "id" {
			s = strings.TrimSpace(string(raw))
		} else if json.Unmarshal(raw, &s) != nil {
			s = ""
		}
		if create || s != readOnly[name] {
			errs.readOnly(name)
		}
	}
}

// subscriberClash answers the documented 409 for an e-mail another
// subscriber has, case aside.
func (c *call) subscriberClash(next *subscriber) *reply {
	if owner, taken := c.s.st.subEmails[emailKey(next.Email)]; taken && owner != next.ID {
		msg := fmt.Sprintf("Subscriber %d already has the email %s.", owner, c.s.st.subscribers[owner].Email)
		return ptr(failV3(http.StatusConflict, "The subscriber conflicts with another subscriber", map[string]string{"email": msg}))
	}
	return nil
}

// createSubscriber serves POST /v3/customers/subscribers; it answers 200,
// as documented.
func createSubscriber(c *call) reply {
	c.record("POST /v3/customers/subscribers")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	next := &subscriber{Source: defaultSource, ChannelID: 1, Consents: []string{}, Created: c.now, Modified: c.now}
	c.readSubscriber(f, next, true)
	if len(*errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	if rep := c.subscriberClash(next); rep != nil {
		return *rep
	}
	next.ID = st.nextSubscriber
	st.nextSubscriber++
	st.subscribers[next.ID] = next
	st.subEmails[emailKey(next.Email)] = next.ID
	return reply{status: http.StatusOK, body: collection{Data: renderSubscriber(next), Meta: emptyMeta}}
}

// getSubscriber serves GET /v3/customers/subscribers/{id}.
func getSubscriber(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	sub := c.s.st.subscribers[c.id]
	if sub == nil {
		return failV3(http.StatusNotFound, titleNotFound, nil)
	}
	return reply{status: http.StatusOK, body: collection{Data: renderSubscriber(sub), Meta: emptyMeta}}
}

// updateSubscriber serves PUT /v3/customers/subscribers/{id}: a member
// left out keeps its value.
func updateSubscriber(c *call) reply {
	c.record("PUT /v3/customers/subscribers/{id}")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	sub := st.subscribers[c.id]
	if sub == nil {
		return failV3(http.StatusNotFound, titleNotFound, nil)
	}
	next := *sub
	next.Consents = slices.Clone(sub.Consents)
	c.readSubscriber(f, &next, false)
	if len(*errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	if rep := c.subscriberClash(&next); rep != nil {
		return *rep
	}
	next.Modified = c.now
	delete(st.subEmails, emailKey(sub.Email))
	*sub = next
	st.subEmails[emailKey(sub.Email)] = sub.ID
	return reply{status: http.StatusOK, body: collection{Data: renderSubscriber(sub), Meta: emptyMeta}}
}

// deleteSubscriber serves DELETE /v3/customers/subscribers/{id}; an
// unknown subscriber is 404, as GET and PUT of the path answer.
func deleteSubscriber(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	sub := c.s.st.subscribers[c.id]
	if sub == nil {
		return failV3(http.StatusNotFound, titleNotFound, nil)
	}
	c.s.st.deleteSubscriber(sub)
	return reply{status: http.StatusNoContent}
}

func (s *state) deleteSubscriber(sub *subscriber) {
	delete(s.subEmails, emailKey(sub.Email))
	delete(s.subscribers, sub.ID)
}

// subscriberFilter reads the filters the operation declares (names); each
// narrows the list. Text filters match whole values, case aside.
func (c *call) subscriberFilter(names []string) (func(*subscriber) bool, *reply) {
	if rep := c.onlyParams(names...); rep != nil {
		return nil, rep
	}
	var preds []func(*subscriber) bool
	for _, m := range []struct {
		name string
		get  func(*subscriber) string
	}{
		{"email", func(s *subscriber) string { return s.Email }},
		{"first_name", func(s *subscriber) string { return s.FirstName }},
		{"last_name", func(s *subscriber) string { return s.LastName }},
		{"source", func(s *subscriber) string { return s.Source }},
	} {
		if v, ok := c.param(m.name); ok {
			preds = append(preds, func(s *subscriber) bool { return strings.EqualFold(m.get(s), v) })
		}
	}
	for _, m := range []struct {
		name string
		get  func(*subscriber) int
	}{{"order_id", func(s *subscriber) int { return s.OrderID }}, {"id", func(s *subscriber) int { return s.ID }}} {
		if v, ok := c.param(m.name); ok {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return nil, ptr(c.badQuery(m.name, "must be a positive integer"))
			}
			preds = append(preds, func(s *subscriber) bool { return m.get(s) == n })
		}
	}
	ids, hasIDs, rep := c.idList("id:in")
	if rep != nil {
		return nil, rep
	}
	if hasIDs {
		preds = append(preds, func(s *subscriber) bool { return ids[s.ID] })
	}
	dates, rep := c.datesFilter()
	if rep != nil {
		return nil, rep
	}
	return func(s *subscriber) bool {
		for _, p := range preds {
			if !p(s) {
				return false
			}
		}
		return dates(s.Created, s.Modified)
	}, nil
}

// listSubscribers serves GET /v3/customers/subscribers.
func listSubscribers(c *call) reply {
	match, rep := c.subscriberFilter([]string{"email", "first_name", "last_name", "source", "order_id",
		"date_created", "date_created:min", "date_created:max", "date_modified", "date_modified:min", "date_modified:max",
		"page", "limit", "id", "id:in"})
	if rep != nil {
		return *rep
	}
	page, limit, rep := c.paging()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	var matched []*subscriber
	for _, id := range sortedIDs(st.subscribers) {
		if s := st.subscribers[id]; match(s) {
			matched = append(matched, s)
		}
	}
	part := pageOf(matched, page, limit)
	data := make([]subscriberV3, 0, len(part))
	for _, s := range part {
		data = append(data, renderSubscriber(s))
	}
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: listMeta{Pagination: c.pagination(len(matched), len(part), page, limit)}}}
}

// deleteSubscribers serves DELETE /v3/customers/subscribers: "By default,
// it deletes all subscribers. Use a filter to avoid deleting all
// subscribers in a store." It takes only the filters the operation
// declares; any other parameter (id:in among them) is refused and deletes
// nothing.
func deleteSubscribers(c *call) reply {
	match, rep := c.subscriberFilter([]string{"email", "first_name", "last_name", "source", "order_id", "date_created", "date_modified"})
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	for _, id := range sortedIDs(st.subscribers) {
		if s := st.subscribers[id]; match(s) {
			st.deleteSubscriber(s)
		}
	}
	return reply{status: http.StatusNoContent}
}
