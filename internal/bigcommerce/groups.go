package bigcommerce

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// CustomerGroup is a V2 customer group (customerGroup_Full).
type CustomerGroup struct {
	ID               int            `json:"id"`
	Name             string         `json:"name"`
	IsDefault        bool           `json:"is_default"`
	IsGroupForGuests bool           `json:"is_group_for_guests"`
	CategoryAccess   CategoryAccess `json:"category_access"`
	DiscountRules    []DiscountRule `json:"discount_rules"`
	DateCreated      string         `json:"date_created"`
	DateModified     string         `json:"date_modified"`
}

// CategoryAccess says which categories the group's customers can see.
type CategoryAccess struct {
	Type       string `json:"type"` // all, specific or none
	Categories []int  `json:"categories"`
}

// MarshalJSON sends categories only with type specific, as the API asks.
func (a CategoryAccess) MarshalJSON() ([]byte, error) {
	type wire struct {
		Type       string `json:"type"`
		Categories []int  `json:"categories,omitempty"`
	}
	w := wire{Type: a.Type}
	if a.Type == "specific" {
		w.Categories = a.Categories
		if w.Categories == nil {
			w.Categories = []int{}
		}
	}
	return json.Marshal(w)
}

// DiscountRule is one of a group's discount rules. A price_list rule has
// neither method nor amount; the others have both, and category and product
// rules name their target.
type DiscountRule struct {
	Type        string  `json:"type"`   // price_list, all, category or product
	Method      string  `json:"method"` // percent, fixed or price
	Amount      Decimal `json:"amount"` // V2 sends it as a string such as "5.0000"
	CategoryID  int     `json:"category_id"`
	ProductID   int     `json:"product_id"`
	PriceListID int     `json:"price_list_id"`
}

// MarshalJSON writes the amount as V2 spells it, a decimal in a string, and
// leaves out what the rule's type does not carry.
func (r DiscountRule) MarshalJSON() ([]byte, error) {
	type wire struct {
		Type        string  `json:"type"`
		Method      string  `json:"method,omitempty"`
		Amount      *string `json:"amount,omitempty"`
		CategoryID  int     `json:"category_id,omitempty"`
		ProductID   int     `json:"product_id,omitempty"`
		PriceListID int     `json:"price_list_id,omitempty"`
	}
	w := wire{Type: r.Type, CategoryID: r.CategoryID, ProductID: r.ProductID, PriceListID: r.PriceListID}
	if r.Type != "price_list" {
		digits, err := r.Amount.MarshalJSON()
		if err != nil {
			return nil, err
		}
		amount := string(digits)
		w.Method, w.Amount = r.Method, &amount
	}
	return json.Marshal(w)
}

// CustomerGroupInput is the body of a create (customerGroup_Post_Put), or
// of an update that sends the name. Nil fields are not sent, so the store
// keeps (or, on create, chooses) their values.
type CustomerGroupInput struct {
	Name             string          `json:"name"`
	IsDefault        *bool           `json:"is_default,omitempty"`
	IsGroupForGuests *bool           `json:"is_group_for_guests,omitempty"`
	CategoryAccess   *CategoryAccess `json:"category_access,omitempty"`
	// DiscountRules replaces the whole set of rules when not nil; a pointer
	// to an empty slice removes every rule.
	DiscountRules *[]DiscountRule `json:"discount_rules,omitempty"`
}

// Patch returns the input as an update body that sends the name and every
// field that is not nil.
func (in CustomerGroupInput) Patch() CustomerGroupPatch {
	return CustomerGroupPatch{
		Name: &in.Name, IsDefault: in.IsDefault, IsGroupForGuests: in.IsGroupForGuests,
		CategoryAccess: in.CategoryAccess, DiscountRules: in.DiscountRules,
	}
}

// CustomerGroupPatch is the body of an update (customerGroup_Post_Put, in
// which every field is optional and none is nullable). Nil fields are not
// sent, so the store keeps their values.
type CustomerGroupPatch struct {
	Name             *string         `json:"name,omitempty"`
	IsDefault        *bool           `json:"is_default,omitempty"`
	IsGroupForGuests *bool           `json:"is_group_for_guests,omitempty"`
	CategoryAccess   *CategoryAccess `json:"category_access,omitempty"`
	// DiscountRules replaces the whole set of rules when not nil; a pointer
	// to an empty slice removes every rule.
	DiscountRules *[]DiscountRule `json:"discount_rules,omitempty"`
}

// IsEmpty reports whether the patch changes nothing.
func (p CustomerGroupPatch) IsEmpty() bool {
	return p.Name == nil && p.IsDefault == nil && p.IsGroupForGuests == nil && p.CategoryAccess == nil && p.DiscountRules == nil
}

// CustomerGroupFilter narrows ListCustomerGroups. Empty fields do not filter.
type CustomerGroupFilter struct {
	Name     string // the API's exact `name` match
	NameLike string // the API's `name:like`
}

// ErrPartialSave is the kind of a PartialSaveError, for errors.Is.
var ErrPartialSave = errors.New("saved without its discount rules")

// PartialSaveError reports BigCommerce's 207 to a group create or update:
// the group was saved, its discount rules were not, and a retry did not
// save them either.
type PartialSaveError struct {
	Method  string
	Path    string
	Message string // the store's explanation
	// Group is the group as the store holds it after the retry.
	Group *CustomerGroup
}

func (e *PartialSaveError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = "the discount update failed"
	}
	return fmt.Sprintf("BigCommerce answered 207 Multi-Status to %s %s, twice: customer group %d was saved but its discount_rules were not (%s)", e.Method, e.Path, e.Group.ID, msg)
}

// Is makes errors.Is(err, ErrPartialSave) true.
func (e *PartialSaveError) Is(target error) bool { return target == ErrPartialSave }

// groupsPerPage is V2's largest page.
const groupsPerPage = 250

// maxGroupCreateAttempts bounds how often a create is sent after answers
// that leave its outcome unknown and a look-up that finds nothing.
const maxGroupCreateAttempts = 3

// groupReply decodes either a group (200) or a 207's {status, message}: a
// group always has an id, a 207 never does.
type groupReply struct {
	CustomerGroup
	Status  int    `json:"status"`
	Message string `json:"message"`
}

func groupPath(id int) string { return "/customer_groups/" + strconv.Itoa(id) }

func checkGroupID(id int) error {
	if id <= 0 {
		return fmt.Errorf("customer group id must be positive, got %d", id)
	}
	return nil
}

// GetCustomerGroup reads one group; ErrNotFound when it does not exist.
func (c *Client) GetCustomerGroup(ctx context.Context, id int) (*CustomerGroup, error) {
	if err := checkGroupID(id); err != nil {
		return nil, err
	}
	var out CustomerGroup
	if err := c.do(ctx, request{method: http.MethodGet, version: "v2", path: groupPath(id), idempotent: true}, &out); err != nil {
		return nil, err
	}
	if out.ID == 0 {
		return nil, &APIError{Method: http.MethodGet, Path: groupPath(id), Status: http.StatusNotFound, Title: "customer group " + strconv.Itoa(id) + " does not exist"}
	}
	return &out, nil
}

// ListCustomerGroups returns every group matching filter, in id order,
// following pages until a short one.
func (c *Client) ListCustomerGroups(ctx context.Context, filter CustomerGroupFilter) ([]CustomerGroup, error) {
	var all []CustomerGroup
	for page := 1; ; page++ {
		q := url.Values{"limit": {strconv.Itoa(groupsPerPage)}, "page": {strconv.Itoa(page)}}
		if filter.Name != "" {
			q.Set("name", filter.Name)
		}
		if filter.NameLike != "" {
			q.Set("name:like", filter.NameLike)
		}
		// V2 answers 204 with no body past the last page.
		var items []CustomerGroup
		if err := c.do(ctx, request{method: http.MethodGet, version: "v2", path: "/customer_groups", query: q, idempotent: true}, &items); err != nil {
			return nil, err
		}
		all = append(all, items...)
		if len(items) < groupsPerPage {
			return all, nil
		}
	}
}

// FindCustomerGroupByName returns the group named name: an exact match, or
// else the only one whose name differs in case. ErrNotFound when there is
// none.
func (c *Client) FindCustomerGroupByName(ctx context.Context, name string) (*CustomerGroup, error) {
	groups, err := c.ListCustomerGroups(ctx, CustomerGroupFilter{Name: name})
	if err != nil {
		return nil, err
	}
	var folded []int
	for i := range groups {
		if groups[i].Name == name {
			return &groups[i], nil
		}
		if strings.EqualFold(groups[i].Name, name) {
			folded = append(folded, i)
		}
	}
	if len(folded) == 1 {
		return &groups[folded[0]], nil
	}
	return nil, &APIError{Method: http.MethodGet, Path: "/customer_groups", Status: http.StatusNotFound, Title: fmt.Sprintf("no customer group is named %q", name)}
}

// CreateCustomerGroup creates a group. A create is not idempotent, so after
// an answer that leaves the outcome unknown the group is looked up by its
// name (unique in the store) before the request is sent again. After a 207
// (the group was saved without its discount rules) the rules are sent once
// more; if they still do not stick the error is a *PartialSaveError
// carrying the group as saved.
func (c *Client) CreateCustomerGroup(ctx context.Context, in CustomerGroupInput) (*CustomerGroup, error) {
	var lastErr error
	for range maxGroupCreateAttempts {
		var out groupReply
		err := c.do(ctx, request{method: http.MethodPost, version: "v2", path: "/customer_groups", body: in}, &out)
		if err == nil && out.ID != 0 {
			return &out.CustomerGroup, nil
		}
		var unknown *OutcomeUnknownError
		if err != nil && !errors.As(err, &unknown) {
			return nil, err
		}
		// A 207, or an outcome we cannot know: the name tells.
		saved, findErr := c.FindCustomerGroupByName(ctx, in.Name)
		switch {
		case findErr == nil:
			if rulesMatch(in.DiscountRules, saved.DiscountRules) {
				return saved, nil
			}
			return c.resendRules(ctx, http.MethodPost, "/customer_groups", saved.ID, in.Patch(), out.Message)
		case !errors.Is(findErr, ErrNotFound):
			if err == nil {
				err = fmt.Errorf("BigCommerce answered %d to POST /customer_groups without the group (%s)", out.Status, out.Message)
			}
			return nil, &OutcomeUnknownError{Method: http.MethodPost, Path: "/customer_groups",
				Err: fmt.Errorf("%w; looking the group up by name failed too: %v", err, findErr)}
		case err == nil:
			// The store said it saved the group, yet it is nowhere.
			return nil, &OutcomeUnknownError{Method: http.MethodPost, Path: "/customer_groups",
				Err: fmt.Errorf("BigCommerce answered %d (%s) but no group named %q exists", out.Status, out.Message, in.Name)}
		}
		lastErr = err // not applied: send it again
	}
	return nil, lastErr
}

// UpdateCustomerGroup updates a group, sending its name and every field of
// in that is not nil; see PatchCustomerGroup.
func (c *Client) UpdateCustomerGroup(ctx context.Context, id int, in CustomerGroupInput) (*CustomerGroup, error) {
	return c.PatchCustomerGroup(ctx, id, in.Patch())
}

// PatchCustomerGroup changes the fields of a group that in sets. A 207
// (saved without its discount rules) is retried once; if the rules still
// differ when the group is read back the error is a *PartialSaveError.
func (c *Client) PatchCustomerGroup(ctx context.Context, id int, in CustomerGroupPatch) (*CustomerGroup, error) {
	if err := checkGroupID(id); err != nil {
		return nil, err
	}
	if in.DiscountRules != nil && *in.DiscountRules == nil {
		in.DiscountRules = &[]DiscountRule{} // no rules, never a null the schema does not allow
	}
	var out groupReply
	if err := c.do(ctx, request{method: http.MethodPut, version: "v2", path: groupPath(id), body: in, idempotent: true}, &out); err != nil {
		return nil, err
	}
	if out.ID != 0 {
		return &out.CustomerGroup, nil
	}
	return c.resendRules(ctx, http.MethodPut, groupPath(id), id, in, out.Message)
}

// resendRules follows a 207: it sends the whole body again once, as the API
// suggests, and reads the group back to see whether the rules were saved.
func (c *Client) resendRules(ctx context.Context, method, path string, id int, in CustomerGroupPatch, message string) (*CustomerGroup, error) {
	var out groupReply
	if err := c.do(ctx, request{method: http.MethodPut, version: "v2", path: groupPath(id), body: in, idempotent: true}, &out); err != nil {
		return nil, err
	}
	if out.ID != 0 {
		return &out.CustomerGroup, nil
	}
	if message == "" {
		message = out.Message
	}
	got, err := c.GetCustomerGroup(ctx, id)
	if err != nil {
		return nil, err
	}
	if rulesMatch(in.DiscountRules, got.DiscountRules) {
		return got, nil
	}
	return nil, &PartialSaveError{Method: method, Path: path, Message: message, Group: got}
}

// DeleteCustomerGroup deletes a group; its customers are left without a
// group. Deleting a group that is already gone succeeds.
func (c *Client) DeleteCustomerGroup(ctx context.Context, id int) error {
	if err := checkGroupID(id); err != nil {
		return err
	}
	err := c.do(ctx, request{method: http.MethodDelete, version: "v2", path: groupPath(id), idempotent: true}, nil)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// rulesMatch says whether the store holds the rules that were sent, in any
// order, comparing amounts as numbers ("5" is "5.0000"). Nothing sent
// matches anything.
func rulesMatch(sent *[]DiscountRule, got []DiscountRule) bool {
	if sent == nil {
		return true
	}
	if len(*sent) != len(got) {
		return false
	}
	used := make([]bool, len(got))
next:
	for _, want := range *sent {
		for i, have := range got {
			if !used[i] && SameDiscountRule(want, have) {
				used[i] = true
				continue next
			}
		}
		return false
	}
	return true
}

// SameDiscountRule compares two rules as the store does: amounts as
// numbers, and a price_list rule by its price list alone.
func SameDiscountRule(a, b DiscountRule) bool {
	if a.Type != b.Type || a.CategoryID != b.CategoryID || a.ProductID != b.ProductID || a.PriceListID != b.PriceListID {
		return false
	}
	if a.Type == "price_list" {
		return true
	}
	return a.Method == b.Method && sameDecimal(a.Amount, b.Amount)
}

func sameDecimal(a, b Decimal) bool {
	x, okX := new(big.Rat).SetString(orZero(a))
	y, okY := new(big.Rat).SetString(orZero(b))
	if !okX || !okY {
		return a == b
	}
	return x.Cmp(y) == 0
}

func orZero(d Decimal) string {
	if d == "" {
		return "0"
	}
	return string(d)
}
