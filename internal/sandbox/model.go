package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The store's data. Everything here is guarded by Store.mu; V2 and V3 are two
// views of the same records.

type customer struct {
	ID                int
	Email             string
	FirstName         string
	LastName          string
	Company           string
	Phone             string
	Notes             string
	TaxExemptCategory string
	RegistrationIP    string
	GroupID           int
	Created           time.Time
	Modified          time.Time
	Password          passwordHash // zero: no password set
	ForceReset        bool
	AcceptsEmails     bool // V3 accepts_product_review_abandoned_cart_emails, V2 accepts_marketing
	StoreCredit       []decimal
	OriginChannelID   int
	ChannelIDs        []int // nil: global access to every channel
	FormFields        []formField
}

func (c *customer) clone() *customer {
	cp := *c
	cp.StoreCredit = slices.Clone(c.StoreCredit)
	cp.ChannelIDs = slices.Clone(c.ChannelIDs)
	cp.FormFields = slices.Clone(c.FormFields)
	return &cp
}

type formField struct {
	Name  string
	Value json.RawMessage // a string, a number or an array of strings
}

// setFormField replaces the value of the field with the same name, or adds it.
func setFormField(list []formField, ff formField) []formField {
	for i := range list {
		if list[i].Name == ff.Name {
			list[i] = ff
			return list
		}
	}
	return append(list, ff)
}

type address struct {
	ID          int
	CustomerID  int
	FirstName   string
	LastName    string
	Company     string
	Address1    string
	Address2    string
	City        string
	State       string
	PostalCode  string
	CountryCode string
	Phone       string
	Type        string
	FormFields  []formField
}

// identity is what makes two addresses of a customer "the same" for
// BigCommerce's silent de-duplication (the core fields the spec lists).
func (a *address) identity() string {
	return strings.Join([]string{
		a.FirstName, a.LastName, a.Company, a.Phone, a.Type, a.Address1,
		a.Address2, a.City, a.CountryCode, a.State, a.PostalCode,
	}, "\x00")
}

type attribute struct {
	ID       int
	Name     string
	Type     string // string, number or date
	Created  time.Time
	Modified time.Time
}

type attributeValue struct {
	ID          int
	AttributeID int
	CustomerID  int
	Value       string
	Created     time.Time
	Modified    time.Time
}

type group struct {
	ID        int
	Name      string
	IsDefault bool
	IsGuest   bool
	Access    categoryAccess
	Rules     []discountRule
	Created   time.Time
	Modified  time.Time
}

type categoryAccess struct {
	Type       string
	Categories []int
}

type discountRule struct {
	Type        string // price_list, all, category or product
	Method      string // percent, fixed or price
	Amount      decimal
	CategoryID  int
	ProductID   int
	PriceListID int
}

// metafield is a customer metafield (resource_type customer).
type metafield struct {
	ID            int
	CustomerID    int // resource_id
	Namespace     string
	Key           string
	Value         string
	Description   string
	PermissionSet string
	Created       time.Time
	Modified      time.Time
}

// privacySettings are the store's global privacy settings. The global
// customer group settings are the groups' is_default and
// is_group_for_guests flags.
type privacySettings struct {
	AskConsent bool
	PolicyURL  string
}

// channelSettings are one channel's overrides; nil inherits the global
// value.
type channelSettings struct {
	AskConsent        *bool
	PolicyURL         *string
	GuestGroupID      *int
	DefaultGroupID    *int
	AllowGlobalLogins bool
}

// consent is a customer's declared tracking consent.
type consent struct {
	Allow, Deny []string
}

// state is the whole store.
type state struct {
	customers  map[int]*customer
	emails     map[string]int // lower-cased email -> customer id
	addresses  map[int]*address
	attributes map[int]*attribute
	values     map[int]*attributeValue
	groups     map[int]*group
	metafields map[int]*metafield
	consents   map[int]*consent // by customer id; absent: nothing declared
	privacy    privacySettings
	channels   map[int]*channelSettings // the store's channels

	customerForm, addressForm map[string]FormFieldType // form-field definitions

	segments       map[string]*segment
	profiles       map[string]*shopperProfile
	members        map[string]map[string]bool // segment id -> shopper profile ids
	subscribers    map[int]*subscriber
	subEmails      map[string]int // lower-cased email -> subscriber id
	nextSeq        int            // creation order of segments and profiles
	nextSubscriber int

	nextCustomer, nextAddress, nextAttribute, nextValue, nextGroup, nextMetafield int
	seeded                                                                        int // last number used by SeedCustomers
}

func newState() *state {
	return &state{
		customers:      map[int]*customer{},
		emails:         map[string]int{},
		addresses:      map[int]*address{},
		attributes:     map[int]*attribute{},
		values:         map[int]*attributeValue{},
		groups:         map[int]*group{},
		metafields:     map[int]*metafield{},
		consents:       map[int]*consent{},
		segments:       map[string]*segment{},
		profiles:       map[string]*shopperProfile{},
		members:        map[string]map[string]bool{},
		subscribers:    map[int]*subscriber{},
		subEmails:      map[string]int{},
		nextSubscriber: 1,
		// Every store has channel 1, its default storefront.
		channels:      map[int]*channelSettings{1: {AllowGlobalLogins: true}},
		nextCustomer:  1,
		nextAddress:   1,
		nextAttribute: 1,
		nextValue:     1,
		nextGroup:     1,
		nextMetafield: 1,
	}
}

func emailKey(email string) string { return strings.ToLower(email) }

// sortedIDs returns the keys of m in ascending order.
func sortedIDs[T any](m map[int]T) []int {
	ids := make([]int, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func (s *state) deleteCustomer(id int) {
	c, ok := s.customers[id]
	if !ok {
		return
	}
	delete(s.emails, emailKey(c.Email))
	delete(s.customers, id)
	for aid, a := range s.addresses {
		if a.CustomerID == id {
			delete(s.addresses, aid)
		}
	}
	for vid, v := range s.values {
		if v.CustomerID == id {
			delete(s.values, vid)
		}
	}
	for mid, m := range s.metafields {
		if m.CustomerID == id {
			delete(s.metafields, mid)
		}
	}
	delete(s.consents, id)
	// A shopper profile is a registered customer's: it goes with the
	// customer, and with it its segment memberships.
	for pid, p := range s.profiles {
		if p.CustomerID == id {
			s.deleteProfile(pid)
		}
	}
}

func (s *state) defaultGroupID() int {
	for _, id := range sortedIDs(s.groups) {
		if s.groups[id].IsDefault {
			return id
		}
	}
	return 0
}

func (s *state) attributeByName(name string) *attribute {
	for _, a := range s.attributes {
		if strings.EqualFold(a.Name, name) {
			return a
		}
	}
	return nil
}

func (s *state) valueFor(customerID, attributeID int) *attributeValue {
	for _, v := range s.values {
		if v.CustomerID == customerID && v.AttributeID == attributeID {
			return v
		}
	}
	return nil
}

// metafieldDraft holds the members one write item gave, by name.
type metafieldDraft map[string]string

func (d metafieldDraft) applyTo(m *metafield) {
	for name, v := range d {
		switch name {
		case "namespace":
			m.Namespace = v
		case "key":
			m.Key = v
		case "value":
			m.Value = v
		case "description":
			m.Description = v
		case "permission_set":
			m.PermissionSet = v
		}
	}
}

// metafieldClash finds another metafield of the customer with the key in
// the namespace. Case is ignored: the documents do not say whether it
// matters, so a client cannot rely on "Color" and "color" being distinct.
func (s *state) metafieldClash(customerID int, namespace, key string, except int) *metafield {
	for _, m := range s.metafields {
		if m.CustomerID == customerID && m.ID != except &&
			strings.EqualFold(m.Namespace, namespace) && strings.EqualFold(m.Key, key) {
			return m
		}
	}
	return nil
}

func (s *state) metafieldCount(customerID int) int {
	n := 0
	for _, m := range s.metafields {
		if m.CustomerID == customerID {
			n++
		}
	}
	return n
}

// refusal is why one item was not applied: a status and a message.
type refusal struct {
	status int
	msg    string
}

func conflictRefusal(m *metafield) *refusal {
	return &refusal{http.StatusConflict, fmt.Sprintf("Customer %d already has a metafield %d with key %q in namespace %q.", m.CustomerID, m.ID, m.Key, m.Namespace)}
}

// createMetafield applies one validated create.
func (s *state) createMetafield(customerID int, d metafieldDraft, now time.Time) (*metafield, *refusal) {
	if s.customers[customerID] == nil {
		return nil, &refusal{http.StatusUnprocessableEntity, fmt.Sprintf("Customer %d does not exist.", customerID)}
	}
	if other := s.metafieldClash(customerID, d["namespace"], d["key"], 0); other != nil {
		return nil, conflictRefusal(other)
	}
	if s.metafieldCount(customerID) >= maxMetafieldsPerCustomer {
		return nil, &refusal{http.StatusUnprocessableEntity, fmt.Sprintf("Customer %d already has %d metafields, the most allowed.", customerID, maxMetafieldsPerCustomer)}
	}
	m := &metafield{ID: s.nextMetafield, CustomerID: customerID, Created: now, Modified: now}
	d.applyTo(m)
	s.nextMetafield++
	s.metafields[m.ID] = m
	return m, nil
}

// updateMetafield applies one validated update to m.
func (s *state) updateMetafield(m *metafield, d metafieldDraft, now time.Time) *refusal {
	next := *m
	d.applyTo(&next)
	if other := s.metafieldClash(m.CustomerID, next.Namespace, next.Key, m.ID); other != nil {
		return conflictRefusal(other)
	}
	next.Modified = now
	*m = next
	return nil
}

// metafieldPermissions is the enum of permission_set.
var metafieldPermissions = []string{"app_only", "read", "write", "read_and_sf_access", "write_and_sf_access"}

// readMetafield reads the members of MetafieldBase_Post (create) or
// MetafieldBase_Put with their documented lengths and enum.
func readMetafield(f *fields, create bool) metafieldDraft {
	d := metafieldDraft{}
	for _, spec := range []struct {
		name     string
		min, max int
	}{{"namespace", 1, 64}, {"key", 1, 64}, {"value", 1, 65535}, {"description", 0, 255}, {"permission_set", 1, 0}} {
		v, ok := f.str(spec.name, create && spec.name != "description", spec.min, spec.max)
		if !ok {
			continue
		}
		if spec.name == "permission_set" && !slices.Contains(metafieldPermissions, v) {
			f.errs.invalid(f.key(spec.name), "must be one of %s", strings.Join(metafieldPermissions, ", "))
			continue
		}
		d[spec.name] = v
	}
	return d
}
