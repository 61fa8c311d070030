package bigcommerce

import (
	"context"
	"net/http"
	"strconv"
)

// ConsentCategories are the tracking-consent categories a customer allows
// or denies.
var ConsentCategories = []string{"essential", "functional", "analytics", "targeting"}

// CustomerConsent is a customer's tracking consent. UpdatedAt is, as
// BigCommerce documents, the time of the call that read it, not of the
// last change.
type CustomerConsent struct {
	Allow     []string `json:"allow"`
	Deny      []string `json:"deny"`
	UpdatedAt string   `json:"updated_at"`
}

func consentPath(customerID int) string { return "/customers/" + strconv.Itoa(customerID) + "/consent" }

// GetCustomerConsent reads a customer's consent. BigCommerce documents 422
// (ErrValidation), not 404, for a customer that does not exist.
func (c *Client) GetCustomerConsent(ctx context.Context, customerID int) (*CustomerConsent, error) {
	var out CustomerConsent
	if err := c.do(ctx, request{method: http.MethodGet, version: "v3", path: consentPath(customerID), idempotent: true}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ConsentUpdate is a consent PUT. A nil list is left out of the request and
// keeps the store's value; a pointer to an empty list declares none.
type ConsentUpdate struct {
	Allow *[]string `json:"allow,omitempty"`
	Deny  *[]string `json:"deny,omitempty"`
}

// ConsentOf declares both lists (nil: none).
func ConsentOf(allow, deny []string) ConsentUpdate {
	a, d := nonNil(allow), nonNil(deny)
	return ConsentUpdate{Allow: &a, Deny: &d}
}

// UpdateCustomerConsent changes a customer's consent: the lists u holds. A
// category may not be both allowed and denied.
func (c *Client) UpdateCustomerConsent(ctx context.Context, customerID int, u ConsentUpdate) (*CustomerConsent, error) {
	var out CustomerConsent
	if err := c.do(ctx, request{method: http.MethodPut, version: "v3", path: consentPath(customerID), body: u, idempotent: true}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}
