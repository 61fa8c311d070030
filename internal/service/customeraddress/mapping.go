package customeraddress

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/flex"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/formfields"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// expand builds the fields of a new address from the plan. Every string is
// sent, an omitted one as ""; an unknown address type is left to the store.
func expand(m addressModel) bigcommerce.AddressFields {
	return bigcommerce.AddressFields{
		FirstName:       m.FirstName.ValueString(),
		LastName:        m.LastName.ValueString(),
		Company:         m.Company.ValueString(),
		Address1:        m.Address1.ValueString(),
		Address2:        m.Address2.ValueString(),
		City:            m.City.ValueString(),
		StateOrProvince: m.StateOrProvince.ValueString(),
		PostalCode:      m.PostalCode.ValueString(),
		CountryCode:     m.CountryCode.ValueString(),
		Phone:           m.Phone.ValueString(),
		AddressType:     m.AddressType.ValueString(),
	}
}

// expandPatch builds an update from the attributes whose planned value
// differs from the state. An optional string removed from the configuration
// is planned null and sent as "", which clears it; an address type the
// configuration leaves out keeps its state value in the plan and is not
// sent.
func expandPatch(id int, plan, state addressModel) bigcommerce.AddressPatch {
	return bigcommerce.AddressPatch{
		ID:              id,
		FirstName:       changed(plan.FirstName, state.FirstName),
		LastName:        changed(plan.LastName, state.LastName),
		Company:         changed(plan.Company, state.Company),
		Address1:        changed(plan.Address1, state.Address1),
		Address2:        changed(plan.Address2, state.Address2),
		City:            changed(plan.City, state.City),
		StateOrProvince: changed(plan.StateOrProvince, state.StateOrProvince),
		PostalCode:      changed(plan.PostalCode, state.PostalCode),
		CountryCode:     changed(plan.CountryCode, state.CountryCode),
		Phone:           changed(plan.Phone, state.Phone),
		AddressType:     changed(plan.AddressType, state.AddressType),
	}
}

// changed returns the planned value when it differs from the prior one ("" for
// a planned null), and nil when it is the same or not yet known. Null and ""
// are the same empty field.
func changed(plan, prior types.String) *string {
	if plan.IsUnknown() || plan.ValueString() == prior.ValueString() {
		return nil
	}
	v := plan.ValueString()
	return &v
}

// flatten writes what the store answered into m, keeping null for optional
// fields that were omitted and are empty in the store, and only the form
// fields that m manages (every one when it manages none yet).
func flatten(ctx context.Context, a *bigcommerce.Address, m *addressModel) diag.Diagnostics {
	m.ID = types.StringValue(strconv.Itoa(a.ID))
	m.CustomerID = types.Int64Value(int64(a.CustomerID))
	m.FirstName = types.StringValue(a.FirstName)
	m.LastName = types.StringValue(a.LastName)
	m.Company = flex.OptionalString(a.Company, m.Company)
	m.Address1 = types.StringValue(a.Address1)
	m.Address2 = flex.OptionalString(a.Address2, m.Address2)
	m.City = types.StringValue(a.City)
	m.StateOrProvince = flex.OptionalString(a.StateOrProvince, m.StateOrProvince)
	m.PostalCode = flex.OptionalString(a.PostalCode, m.PostalCode)
	m.CountryCode = types.StringValue(a.CountryCode)
	m.Country = types.StringValue(a.Country)
	m.Phone = flex.OptionalString(a.Phone, m.Phone)
	m.AddressType = types.StringValue(a.AddressType)
	if a.FormFields == nil && fwresource.Known(m.FormFields) {
		return nil // the answer left them out: keep what was planned
	}
	fields, diags := formfields.Flatten(ctx, a.FormFields, formfields.Names(m.FormFields))
	m.FormFields = fields
	return diags
}
