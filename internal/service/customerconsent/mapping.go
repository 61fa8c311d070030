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
	"github.com/commerceops/terraform-provider-bigcommerce/internal/providerdata"
)

// consentModel is a customer's consent as the resource and the data source
// show it: the customer, the declared categories and when the store last
// saved them.
type consentModel struct {
	CustomerID types.Int64  `tfsdk:"customer_id"`
	Allow      types.Set    `tfsdk:"allow"`
	Deny       types.Set    `tfsdk:"deny"`
	UpdatedAt  types.String `tfsdk:"updated_at"`
}

// api is the store access of the resource and the data source.
type api interface {
	Client() *bigcommerce.Client
	Customers() providerdata.CustomerService
}

// read gets a customer's consent. BigCommerce answers 422, not 404, for a
// customer it does not have, so the customer is looked up to tell the two
// apart: ErrNotFound when it is gone.
func read(ctx context.Context, a api, customerID int) (*bigcommerce.CustomerConsent, error) {
	got, err := a.Client().GetCustomerConsent(ctx, customerID)
	return got, explain(ctx, a, customerID, err)
}

func write(ctx context.Context, a api, customerID int, u bigcommerce.ConsentUpdate) (*bigcommerce.CustomerConsent, error) {
	got, err := a.Client().UpdateCustomerConsent(ctx, customerID, u)
	return got, explain(ctx, a, customerID, err)
}

func explain(ctx context.Context, a api, customerID int, err error) error {
	if !errors.Is(err, bigcommerce.ErrValidation) {
		return err
	}
	if _, getErr := a.Customers().GetCustomer(ctx, customerID); errors.Is(getErr, bigcommerce.ErrNotFound) {
		return fmt.Errorf("customer %d does not exist: %w", customerID, getErr)
	}
	return err
}

// expand is the update the plan asks for: on create every list the plan
// knows, on update only the lists whose planned value differs from state.
func expand(ctx context.Context, plan consentModel, state *consentModel) bigcommerce.ConsentUpdate {
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
func flatten(ctx context.Context, c *bigcommerce.CustomerConsent, m *consentModel) diag.Diagnostics {
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
