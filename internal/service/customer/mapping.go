package customer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/flex"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/formfields"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwtypes"
)

// expandCreate builds the create request from the plan, and the write-only
// values from the configuration. The registration IP is not part of it: V3
// ignores it on create, so Create sets it through V2 afterwards.
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
		AcceptsProductReviewAbandonedCartEmails: knownBool(plan.AcceptsProductReviewAbandonedCartEmails),
		OriginChannelID:                         knownInt(plan.OriginChannelID),
		TriggerAccountCreatedNotification:       knownBool(config.TriggerAccountCreatedNotification),
	}
	if fwresource.Known(plan.StoreCredit) {
		in.StoreCreditAmounts = []bigcommerce.StoreCredit{{Amount: flex.NumberDecimal(plan.StoreCredit)}}
	}
	in.ChannelIDs, diags = expandChannelIDs(ctx, plan.ChannelIDs)
	formFields, d := formfields.Expand(ctx, plan.FormFields, types.MapNull(formfields.ObjectType))
	diags.Append(d...)
	in.FormFields = formFields
	if force := knownBool(plan.ForcePasswordReset); force != nil || !config.PasswordWO.IsNull() {
		in.Authentication = &bigcommerce.AuthenticationInput{ForcePasswordReset: force, NewPassword: config.PasswordWO.ValueString()}
	}
	return in, diags
}

// expandUpdate builds the update request: the id and each attribute whose
// planned value differs from the state. An attribute the configuration does
// not manage keeps its state value in the plan, so it is never sent; an
// optional string removed from the configuration is planned null and sent
// as "" to clear it. The password is sent only when its version changed.
// credits is what the store holds now, needed to change the first amount
// without dropping the others; it is read only when store_credit changes.
func expandUpdate(ctx context.Context, plan, state, config resourceModel, credits func(id int) ([]bigcommerce.StoreCredit, error)) (bigcommerce.CustomerUpdate, diag.Diagnostics) {
	var diags diag.Diagnostics
	id, d := parseID(state.ID.ValueString())
	diags.Append(d...)
	in := bigcommerce.CustomerUpdate{
		ID:                id,
		Email:             changedString(plan.Email.StringValue, state.Email.StringValue),
		FirstName:         changedString(plan.FirstName, state.FirstName),
		LastName:          changedString(plan.LastName, state.LastName),
		Company:           changedString(plan.Company, state.Company),
		Phone:             changedString(plan.Phone, state.Phone),
		Notes:             changedString(plan.Notes, state.Notes),
		TaxExemptCategory: changedString(plan.TaxExemptCategory, state.TaxExemptCategory),
	}
	if !plan.CustomerGroupID.IsUnknown() && !plan.CustomerGroupID.Equal(state.CustomerGroupID) {
		gid := int(plan.CustomerGroupID.ValueInt64()) // null: no group, 0
		in.CustomerGroupID = &gid
	}
	if changed(plan.AcceptsProductReviewAbandonedCartEmails, state.AcceptsProductReviewAbandonedCartEmails) {
		in.AcceptsProductReviewAbandonedCartEmails = knownBool(plan.AcceptsProductReviewAbandonedCartEmails)
	}
	if changed(plan.StoreCredit, state.StoreCredit) && !sameNumber(plan.StoreCredit, state.StoreCredit) {
		current, err := credits(id)
		if err != nil {
			diags.AddAttributeError(path.Root("store_credit"), "Unable to read the customer's store credit",
				fmt.Sprintf("Changing store_credit rewrites the customer's store_credit_amounts, so they are read first, and reading them failed: %s", err))
			return in, diags
		}
		amount := bigcommerce.StoreCredit{Amount: flex.NumberDecimal(plan.StoreCredit)}
		// Only the first amount is managed; the others are sent back as the
		// store holds them, since the list is written whole.
		in.StoreCreditAmounts = append([]bigcommerce.StoreCredit{amount}, tail(current)...)
	}
	if changed(plan.ChannelIDs, state.ChannelIDs) && !plan.ChannelIDs.IsNull() {
		in.ChannelIDs, d = expandChannelIDs(ctx, plan.ChannelIDs)
		diags.Append(d...)
	}
	in.FormFields, d = formfields.Expand(ctx, plan.FormFields, state.FormFields)
	diags.Append(d...)
	sendPassword := !config.PasswordWO.IsNull() && !plan.PasswordWOVersion.Equal(state.PasswordWOVersion)
	if changed(plan.ForcePasswordReset, state.ForcePasswordReset) || sendPassword {
		in.Authentication = &bigcommerce.AuthenticationInput{}
		if changed(plan.ForcePasswordReset, state.ForcePasswordReset) {
			in.Authentication.ForcePasswordReset = knownBool(plan.ForcePasswordReset)
		}
		if sendPassword {
			in.Authentication.NewPassword = config.PasswordWO.ValueString()
		}
	}
	return in, diags
}

// keepUnmanaged puts back into got the planned values of the attributes the
// configuration does not set. The plan promised them (the state's values);
// the store may have changed them since the plan was made, and that shows at
// the next refresh, where an unmanaged value never makes a diff.
func keepUnmanaged(config, plan resourceModel, got *resourceModel) {
	if config.AcceptsProductReviewAbandonedCartEmails.IsNull() && fwresource.Known(plan.AcceptsProductReviewAbandonedCartEmails) {
		got.AcceptsProductReviewAbandonedCartEmails = plan.AcceptsProductReviewAbandonedCartEmails
	}
	if config.StoreCredit.IsNull() && fwresource.Known(plan.StoreCredit) {
		got.StoreCredit = plan.StoreCredit
	}
	if config.ForcePasswordReset.IsNull() && fwresource.Known(plan.ForcePasswordReset) {
		got.ForcePasswordReset = plan.ForcePasswordReset
	}
	if config.ChannelIDs.IsNull() && !plan.ChannelIDs.IsUnknown() {
		got.ChannelIDs = plan.ChannelIDs
	}
	if config.RegistrationIPAddress.IsNull() && !plan.RegistrationIPAddress.IsUnknown() {
		got.RegistrationIPAddress = plan.RegistrationIPAddress
	}
	if config.FormFields.IsNull() && !plan.FormFields.IsUnknown() {
		got.FormFields = plan.FormFields
	}
}

// changedString is the value to send for an optional string: nil when it
// is unchanged, "" when it was removed from the configuration.
func changedString(planned, prior types.String) *string {
	if planned.IsUnknown() || planned.Equal(prior) {
		return nil
	}
	s := planned.ValueString()
	if prior.IsNull() && s == "" {
		return nil // null and "" both mean empty in the store
	}
	return &s
}

// changed reports whether a planned value is known and differs from the
// prior state.
func changed(planned, prior attr.Value) bool {
	return !planned.IsUnknown() && !planned.IsNull() && !planned.Equal(prior)
}

// sameNumber reports two known numbers of equal value (43.1 and 43.10).
func sameNumber(a, b types.Number) bool {
	return fwresource.Known(a) && fwresource.Known(b) && a.ValueBigFloat().Cmp(b.ValueBigFloat()) == 0
}

func tail(list []bigcommerce.StoreCredit) []bigcommerce.StoreCredit {
	if len(list) < 2 {
		return nil
	}
	return list[1:]
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

// flatten writes what the store answered into m, keeping m's spelling of
// values the store treats as equal and null for optional fields that were
// omitted and are empty in the store.
func flatten(ctx context.Context, c *bigcommerce.Customer, m *customerModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(fmt.Sprint(c.ID))
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

	// Segments are read with the customer; a write's answer leaves them out
	// (a new customer has no shopper profile yet).
	switch {
	case c.SegmentIDs != nil:
		m.ShopperProfileID = types.StringPointerValue(c.ShopperProfileID)
		set, d := types.SetValueFrom(ctx, types.StringType, c.SegmentIDs)
		diags.Append(d...)
		m.SegmentIDs = set
	case !fwresource.Known(m.SegmentIDs):
		m.ShopperProfileID = types.StringNull()
		m.SegmentIDs = types.SetValueMust(types.StringType, nil)
	}

	// Only the fields the state or the plan manages are kept; with none
	// known (after an import, or a create that sets none), every field.
	if c.FormFields != nil || !fwresource.Known(m.FormFields) {
		fields, d := formfields.Flatten(ctx, c.FormFields, formfields.Names(m.FormFields))
		diags.Append(d...)
		m.FormFields = fields
	}
	return diags
}

// flattenState is flatten for the resource's state, where write-only values
// are always null.
func flattenState(ctx context.Context, c *bigcommerce.Customer, m *resourceModel) diag.Diagnostics {
	if !strings.EqualFold(m.Email.ValueString(), c.Email) {
		m.Email = fwtypes.NewCaseInsensitiveString(c.Email)
	}
	m.PasswordWO = types.StringNull()
	m.TriggerAccountCreatedNotification = types.BoolNull()
	return flatten(ctx, c, &m.customerModel)
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

// addAPIError turns a client error into diagnostics, with BigCommerce's
// field map on the matching attributes.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error) {
	fwresource.AddAPIError(diags, op, "customer", subject, err, attributeFor)
}

// addCreateError reports a refused create. Whatever the store's wording or
// the shape of its error keys, a customer that already has the e-mail is
// found by looking it up, and the error names it with the import command
// and block that adopt it.
func (r *customerResource) addCreateError(ctx context.Context, diags *diag.Diagnostics, email string, err error) {
	if errors.Is(err, bigcommerce.ErrValidation) || errors.Is(err, bigcommerce.ErrConflict) {
		if existing, findErr := r.Client().FindCustomerByEmail(ctx, email); findErr == nil {
			diags.AddAttributeError(path.Root("email"), "Customer e-mail already exists", duplicateAdvice(existing, err))
			return
		}
	}
	addAPIError(diags, "create", email, err)
}

// duplicateAdvice tells how to adopt the customer that holds an e-mail.
func duplicateAdvice(existing *bigcommerce.Customer, err error) string {
	return fmt.Sprintf("The store already has customer %d with the e-mail %s (%s %s), so it cannot be created again. "+
		"To manage that customer with Terraform, import it instead of creating it:\n\n"+
		"  terraform import <resource address> %d\n\n"+
		"or add an import block beside the resource:\n\n"+
		"  import {\n    to = <resource address>\n    id = \"%d\"\n  }\n\n"+
		"The store answered: %s", existing.ID, existing.Email, existing.FirstName, existing.LastName, existing.ID, existing.ID, err)
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
