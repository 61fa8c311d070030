package sandbox

import (
	"encoding/json"
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

// state is the whole store.
type state struct {
	customers  map[int]*customer
	emails     map[string]int // lower-cased email -> customer id
	addresses  map[int]*address
	attributes map[int]*attribute
	values     map[int]*attributeValue
	groups     map[int]*group

	customerForm, addressForm map[string]FormFieldType // form-field definitions

	nextCustomer, nextAddress, nextAttribute, nextValue, nextGroup int
	seeded                                                         int // last number used by SeedCustomers
}

func newState() *state {
	return &state{
		customers:     map[int]*customer{},
		emails:        map[string]int{},
		addresses:     map[int]*address{},
		attributes:    map[int]*attribute{},
		values:        map[int]*attributeValue{},
		groups:        map[int]*group{},
		nextCustomer:  1,
		nextAddress:   1,
		nextAttribute: 1,
		nextValue:     1,
		nextGroup:     1,
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
