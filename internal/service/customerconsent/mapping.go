package customerconsent

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// read gets a customer's consent. BigCommerce answers 422, not 404, for a
// customer it does not have, so the customer is looked up to tell the two
// apart: ErrNotFound when it is gone.
func (r *consentResource) read(ctx context.Context, customerID int) (*bigcommerce.CustomerConsent, error) {
	got, err := r.Client().GetCustomerConsent(ctx, customerID)
	return got, r.explain(ctx, customerID, err)
}

func (r *consentResource) write(ctx context.Context, customerID int, u bigcommerce.ConsentUpdate) (*bigcommerce.CustomerConsent, error) {
	got, err := r.Client().UpdateCustomerConsent(ctx, customerID, u)
	return got, r.explain(ctx, customerID, err)
}

func (r *consentResource) explain(ctx context.Context, customerID int, err error) error {
	if !errors.Is(err, bigcommerce.ErrValidation) {
		return err
	}
	if _, getErr := r.Customers().GetCustomer(ctx, customerID); errors.Is(getErr, bigcommerce.ErrNotFound) {
		return fmt.Errorf("customer %d does not exist: %w", customerID, getErr)
	}
	return err
}

// expand is the update the plan asks for: on create every list the plan
// knows, on update only the lists whose planned value differs from state.
func expand(ctx context.Context, plan resourceModel, state *resourceModel) bigcommerce.ConsentUpdate {
	var u bigcommerce.ConsentUpdate
	if fwresource.Known(plan.Allow) && (state == nil || !plan.Allow.Equal(state.Allow)) {
		list := categories(ctx, plan.Allow)
		u.Allow = &list
	}
	if fwresource.Known(plan.Deny) && (state == nil || !plan.Deny.Equal(state.Deny)) {
		list := categories(ctx, plan.Deny)
		u.Deny = &list
	}
	return u
}

// flatten writes the store's lists into m.
func flatten(ctx context.Context, c *bigcommerce.CustomerConsent, m *resourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	allow, d := types.SetValueFrom(ctx, types.StringType, nonNil(c.Allow))
	diags.Append(d...)
	deny, d := types.SetValueFrom(ctx, types.StringType, nonNil(c.Deny))
	diags.Append(d...)
	m.Allow, m.Deny = allow, deny
	return diags
}

func categories(ctx context.Context, set types.Set) []string {
	out := []string{}
	if !fwresource.Known(set) {
		return out
	}
	set.ElementsAs(ctx, &out, false)
	slices.Sort(out)
	return out
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }

func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

func addAPIError(diags *diag.Diagnostics, op string, customerID int, err error) {
	fwresource.AddAPIError(diags, op, "consent of customer", strconv.Itoa(customerID), err, func(field string) string {
		if field == "allow" || field == "deny" {
			return field
		}
		return ""
	})
}
