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

// UpdateCustomerConsent declares a customer's consent in full: the
// categories allowed and those denied (nil: none). A category may not be in
// both.
func (c *Client) UpdateCustomerConsent(ctx context.Context, customerID int, allow, deny []string) (*CustomerConsent, error) {
	body := map[string][]string{"allow": nonNil(allow), "deny": nonNil(deny)}
	var out CustomerConsent
	if err := c.do(ctx, request{method: http.MethodPut, version: "v3", path: consentPath(customerID), body: body, idempotent: true}, &out); err != nil {
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
