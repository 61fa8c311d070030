package customer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/flex"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwtypes"
)

// expandCreate builds the create request from the plan, and the write-only
// values from the configuration.
func expandCreate(ctx context.Context, plan, config resourceModel) (bigcommerce.CustomerCreate, diag.Diagnostics) {
	var diags diag.Diagnostics
	in := bigcommerce.CustomerCreate{
		Email:                                   plan.Email.ValueString(),
		FirstName:                               plan.FirstName.ValueString(),
		LastName:                                plan.LastName.ValueString(),
		Company:                                 plan.Company.ValueString(),
		Phone:                                   plan.Phone.ValueString(),
		Notes:                                   plan.Notes.ValueString(),
		TaxExemptCategory:                       plan.TaxExemptCategory.ValueString(),
		CustomerGroupID:                         int(plan.CustomerGroupID.ValueInt64()),
		RegistrationIPAddress:                   plan.RegistrationIPAddress.ValueString(),
		AcceptsProductReviewAbandonedCartEmails: knownBool(plan.AcceptsProductReviewAbandonedCartEmails),
		OriginChannelID:                         knownInt(plan.OriginChannelID),
		TriggerAccountCreatedNotification:       knownBool(config.TriggerAccountCreatedNotification),
	}
	if fwresource.Known(plan.StoreCredit) {
		in.StoreCreditAmounts = []bigcommerce.StoreCredit{{Amount: bigcommerce.Decimal(flex.NumberDecimal(plan.StoreCredit))}}
	}
	in.ChannelIDs, diags = expandChannelIDs(ctx, plan.ChannelIDs)
	formFields, d := expandFormFields(ctx, plan.FormFields, types.MapNull(types.StringType))
	diags.Append(d...)
	in.FormFields = formFields
	if force := knownBool(plan.ForcePasswordReset); force != nil || !config.PasswordWO.IsNull() {
		in.Authentication = &bigcommerce.AuthenticationInput{ForcePasswordReset: force, NewPassword: config.PasswordWO.ValueString()}
	}
	return in, diags
}

// expandUpdate builds the update request. Every managed field is sent, so a
// value removed from the configuration is cleared in the store. The password
// is sent only when its version changed.
func expandUpdate(ctx context.Context, plan, state, config resourceModel) (bigcommerce.CustomerUpdate, diag.Diagnostics) {
	var diags diag.Diagnostics
	id, d := parseID(state.ID.ValueString())
	diags.Append(d...)
	in := bigcommerce.CustomerUpdate{
		ID:                                      id,
		Email:                                   plan.Email.ValueString(),
		FirstName:                               plan.FirstName.ValueString(),
		LastName:                                plan.LastName.ValueString(),
		Company:                                 plan.Company.ValueString(),
		Phone:                                   plan.Phone.ValueString(),
		Notes:                                   plan.Notes.ValueString(),
		TaxExemptCategory:                       plan.TaxExemptCategory.ValueString(),
		CustomerGroupID:                         int(plan.CustomerGroupID.ValueInt64()),
		AcceptsProductReviewAbandonedCartEmails: knownBool(plan.AcceptsProductReviewAbandonedCartEmails),
	}
	if fwresource.Known(plan.StoreCredit) {
		in.StoreCreditAmounts = []bigcommerce.StoreCredit{{Amount: bigcommerce.Decimal(flex.NumberDecimal(plan.StoreCredit))}}
	}
	in.ChannelIDs, d = expandChannelIDs(ctx, plan.ChannelIDs)
	diags.Append(d...)
	in.FormFields, d = expandFormFields(ctx, plan.FormFields, state.FormFields)
	diags.Append(d...)
	sendPassword := !config.PasswordWO.IsNull() && !plan.PasswordWOVersion.Equal(state.PasswordWOVersion)
	if force := knownBool(plan.ForcePasswordReset); force != nil || sendPassword {
		in.Authentication = &bigcommerce.AuthenticationInput{ForcePasswordReset: force}
		if sendPassword {
			in.Authentication.NewPassword = config.PasswordWO.ValueString()
		}
	}
	return in, diags
}

func expandChannelIDs(ctx context.Context, set types.Set) ([]int, diag.Diagnostics) {
	if set.IsNull() || set.IsUnknown() {
		return nil, nil
	}
	var ids []int64
	diags := set.ElementsAs(ctx, &ids, false)
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = int(id)
	}
	sort.Ints(out)
	return out, diags
}

// expandFormFields sends the planned values; a field that was managed before
// and is gone from the plan is sent empty, which clears it.
func expandFormFields(ctx context.Context, planned, prior types.Map) ([]bigcommerce.FormField, diag.Diagnostics) {
	if planned.IsUnknown() {
		return nil, nil
	}
	var diags diag.Diagnostics
	want := map[string]string{}
	if !planned.IsNull() {
		diags.Append(planned.ElementsAs(ctx, &want, false)...)
	}
	if !prior.IsNull() && !prior.IsUnknown() {
		var before map[string]string
		diags.Append(prior.ElementsAs(ctx, &before, false)...)
		for name := range before {
			if _, ok := want[name]; !ok {
				want[name] = ""
			}
		}
	}
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	sort.Strings(names)
	out := make([]bigcommerce.FormField, 0, len(names))
	for _, name := range names {
		out = append(out, bigcommerce.FormField{Name: name, Value: bigcommerce.FormFieldValue(want[name])})
	}
	return out, diags
}

// flatten writes what the store answered into m, keeping m's spelling of
// values the store treats as equal and null for optional fields that were
// omitted and are empty in the store.
func flatten(ctx context.Context, c *bigcommerce.Customer, m *resourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(fmt.Sprint(c.ID))
	if !strings.EqualFold(m.Email.ValueString(), c.Email) {
		m.Email = fwtypes.NewCaseInsensitiveString(c.Email)
	}
	m.FirstName = types.StringValue(c.FirstName)
	m.LastName = types.StringValue(c.LastName)
	m.Company = flex.OptionalString(c.Company, m.Company)
	m.Phone = flex.OptionalString(c.Phone, m.Phone)
	m.Notes = flex.OptionalString(c.Notes, m.Notes)
	m.TaxExemptCategory = flex.OptionalString(c.TaxExemptCategory, m.TaxExemptCategory)
	m.CustomerGroupID = flex.OptionalInt64(int64(c.CustomerGroupID), m.CustomerGroupID)
	m.AcceptsProductReviewAbandonedCartEmails = types.BoolValue(c.AcceptsProductReviewAbandonedCartEmails)
	m.OriginChannelID = types.Int64Value(int64(c.OriginChannelID))
	m.RegistrationIPAddress = types.StringValue(c.RegistrationIPAddress)
	m.DateCreated = types.StringValue(c.DateCreated)
	m.DateModified = types.StringValue(c.DateModified)

	credit := bigcommerce.Decimal("0")
	if len(c.StoreCreditAmounts) > 0 {
		credit = c.StoreCreditAmounts[0].Amount
	}
	// A create or update answer may leave out sub-resources; keep the planned
	// value then, which is what was sent.
	if c.StoreCreditAmounts != nil || !fwresource.Known(m.StoreCredit) {
		n, err := flex.DecimalNumber(string(credit))
		if err != nil {
			diags.AddAttributeError(path.Root("store_credit"), "Unreadable store credit", fmt.Sprintf("The store answered store credit %q: %s.", credit, err))
		}
		// Keep the configured spelling of an equal amount (43.1 and 43.10).
		if !fwresource.Known(m.StoreCredit) || m.StoreCredit.ValueBigFloat().Cmp(n.ValueBigFloat()) != 0 {
			m.StoreCredit = n
		}
	}
	if c.Authentication != nil || !fwresource.Known(m.ForcePasswordReset) {
		m.ForcePasswordReset = types.BoolValue(c.Authentication != nil && c.Authentication.ForcePasswordReset)
	}

	if c.ChannelIDs == nil {
		m.ChannelIDs = types.SetNull(types.Int64Type)
	} else {
		ids := make([]int64, len(c.ChannelIDs))
		for i, id := range c.ChannelIDs {
			ids[i] = int64(id)
		}
		set, d := types.SetValueFrom(ctx, types.Int64Type, ids)
		diags.Append(d...)
		m.ChannelIDs = set
	}

	if c.FormFields != nil || !fwresource.Known(m.FormFields) {
		values := map[string]string{}
		for _, f := range c.FormFields {
			values[f.Name] = string(f.Value)
		}
		fields, d := types.MapValueFrom(ctx, types.StringType, values)
		diags.Append(d...)
		m.FormFields = fields
	}

	// Write-only values never reach the state.
	m.PasswordWO = types.StringNull()
	m.TriggerAccountCreatedNotification = types.BoolNull()
	return diags
}

// apiFieldAttributes maps BigCommerce's field names onto attribute paths.
var apiFieldAttributes = map[string]string{
	"email":                   "email",
	"first_name":              "first_name",
	"last_name":               "last_name",
	"company":                 "company",
	"phone":                   "phone",
	"notes":                   "notes",
	"tax_exempt_category":     "tax_exempt_category",
	"customer_group_id":       "customer_group_id",
	"registration_ip_address": "registration_ip_address",
	"origin_channel_id":       "origin_channel_id",
	"channel_ids":             "channel_ids",
	"store_credit_amounts":    "store_credit",
	"form_fields":             "form_fields",
	"authentication":          "password_wo",
	"accepts_product_review_abandoned_cart_emails": "accepts_product_review_abandoned_cart_emails",
}

// addAPIError turns a client error into diagnostics: a duplicate e-mail on
// create into advice to import, and BigCommerce's field map onto the
// matching attributes.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error) {
	var apiErr *bigcommerce.APIError
	if op == "create" && errors.As(err, &apiErr) && (errors.Is(err, bigcommerce.ErrValidation) || errors.Is(err, bigcommerce.ErrConflict)) {
		for _, fields := range apiErr.ItemFields() {
			if msg, ok := fields["email"]; ok && isDuplicate(msg) {
				diags.AddAttributeError(path.Root("email"), "Customer e-mail already exists",
					fmt.Sprintf("The store already has a customer with the e-mail %s (%s). To manage that customer with Terraform, import it instead of creating it:\n\n  terraform import <resource address> %s\n\nor add an import block with id = %q.", subject, msg, subject, subject))
				return
			}
		}
	}
	fwresource.AddAPIError(diags, op, "customer", subject, err, attributeFor)
}

func attributeFor(field string) string {
	if attr, ok := apiFieldAttributes[field]; ok {
		return attr
	}
	if i := strings.IndexAny(field, ".["); i > 0 {
		return apiFieldAttributes[field[:i]]
	}
	return ""
}

func isDuplicate(msg string) bool {
	msg = strings.ToLower(msg)
	return strings.Contains(msg, "already") || strings.Contains(msg, "unique") || strings.Contains(msg, "exists") || strings.Contains(msg, "in use")
}

func knownBool(v types.Bool) *bool {
	if !fwresource.Known(v) {
		return nil
	}
	b := v.ValueBool()
	return &b
}

func knownInt(v types.Int64) *int {
	if !fwresource.Known(v) {
		return nil
	}
	i := int(v.ValueInt64())
	return &i
}
