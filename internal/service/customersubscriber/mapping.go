package customersubscriber

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/flex"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwtypes"
)

// subscriberModel is a subscriber's attributes but its e-mail, each the V3
// field of the same name: the resource holds the e-mail beside them as a
// case-insensitive string, the data sources and the list as the store
// spells it.
type subscriberModel struct {
	ID           types.String `tfsdk:"id"`
	FirstName    types.String `tfsdk:"first_name"`
	LastName     types.String `tfsdk:"last_name"`
	Source       types.String `tfsdk:"source"`
	OrderID      types.Int64  `tfsdk:"order_id"`
	ChannelID    types.Int64  `tfsdk:"channel_id"`
	Consents     types.Set    `tfsdk:"consents"`
	DateCreated  types.String `tfsdk:"date_created"`
	DateModified types.String `tfsdk:"date_modified"`
}

// identityModel is a subscriber's identity: its numeric id as a string.
type identityModel = fwresource.IDIdentity

// expandCreate builds subscriber_Post from the plan. What the plan leaves
// null or unknown is not sent: the store fills in source (custom),
// channel_id (1) and consents ([]).
func expandCreate(ctx context.Context, plan resourceModel) (bigcommerce.SubscriberCreate, diag.Diagnostics) {
	in := bigcommerce.SubscriberCreate{
		Email:     plan.Email.ValueString(),
		FirstName: plan.FirstName.ValueString(),
		LastName:  plan.LastName.ValueString(),
	}
	if fwresource.Known(plan.Source) {
		in.Source = plan.Source.ValueString()
	}
	if fwresource.Known(plan.OrderID) {
		in.OrderID = int(plan.OrderID.ValueInt64())
	}
	if fwresource.Known(plan.ChannelID) {
		in.ChannelID = int(plan.ChannelID.ValueInt64())
	}
	consents, diags := expandConsents(ctx, plan.Consents)
	if consents != nil {
		in.Consents = *consents
	}
	return in, diags
}

// expandUpdate returns the update of subscriber id that carries exactly
// the attributes whose planned value differs from the state, and false
// when none does. An unmanaged optional+computed attribute is planned as
// its state value, so it is never sent. A first or last name removed from
// the configuration is sent as "", and a removed order_id as null.
func expandUpdate(ctx context.Context, id int, plan, state resourceModel) (bigcommerce.SubscriberUpdate, bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	u := bigcommerce.SubscriberUpdate{ID: id}
	changed := false
	setString := func(dst **string, planned, prior types.String) {
		if planned.IsUnknown() || planned.Equal(prior) || (planned.IsNull() && prior.ValueString() == "") ||
			(prior.IsNull() && planned.ValueString() == "") {
			return // unchanged: null and "" are both empty in the store
		}
		v := planned.ValueString()
		*dst, changed = &v, true
	}
	if !plan.Email.IsUnknown() && !strings.EqualFold(plan.Email.ValueString(), state.Email.ValueString()) {
		v := plan.Email.ValueString()
		u.Email, changed = &v, true
	}
	setString(&u.FirstName, plan.FirstName, state.FirstName)
	setString(&u.LastName, plan.LastName, state.LastName)
	if fwresource.Known(plan.Source) && !plan.Source.Equal(state.Source) {
		v := plan.Source.ValueString()
		u.Source, changed = &v, true
	}
	switch {
	case plan.OrderID.IsUnknown() || plan.OrderID.Equal(state.OrderID):
	case plan.OrderID.IsNull():
		u.ClearOrderID, changed = true, true
	default:
		v := int(plan.OrderID.ValueInt64())
		u.OrderID, changed = &v, true
	}
	if fwresource.Known(plan.ChannelID) && !plan.ChannelID.Equal(state.ChannelID) {
		v := int(plan.ChannelID.ValueInt64())
		u.ChannelID, changed = &v, true
	}
	if fwresource.Known(plan.Consents) && !plan.Consents.Equal(state.Consents) {
		var d diag.Diagnostics
		u.Consents, d = expandConsents(ctx, plan.Consents)
		diags.Append(d...)
		changed = true
	}
	return u, changed, diags
}

// expandConsents reads a set of consents, sorted; nil when it is null or
// unknown, an empty list when it is empty.
func expandConsents(ctx context.Context, set types.Set) (*[]string, diag.Diagnostics) {
	if !fwresource.Known(set) {
		return nil, nil
	}
	out := []string{}
	diags := set.ElementsAs(ctx, &out, false)
	slices.Sort(out)
	return &out, diags
}

// flatten copies the store's subscriber into m. A first or last name the
// store holds empty stays null when m has none: the configuration left it
// out.
func flatten(s *bigcommerce.Subscriber, m *subscriberModel) {
	m.ID = types.StringValue(strconv.Itoa(s.ID))
	m.FirstName = flex.OptionalString(s.FirstName, m.FirstName)
	m.LastName = flex.OptionalString(s.LastName, m.LastName)
	m.Source = types.StringValue(s.Source)
	if s.OrderID == nil {
		m.OrderID = types.Int64Null()
	} else {
		m.OrderID = types.Int64Value(int64(*s.OrderID))
	}
	m.ChannelID = types.Int64Value(int64(s.ChannelID))
	m.Consents = consentSet(s.Consents)
	m.DateCreated = types.StringValue(s.DateCreated)
	m.DateModified = types.StringValue(s.DateModified)
}

// flattenState is flatten for the resource: the e-mail keeps the
// configuration's spelling when the store holds it in another case.
func flattenState(s *bigcommerce.Subscriber, m *resourceModel) {
	if !strings.EqualFold(m.Email.ValueString(), s.Email) || m.Email.IsNull() || m.Email.IsUnknown() {
		m.Email = fwtypes.NewCaseInsensitiveString(s.Email)
	}
	flatten(s, &m.subscriberModel)
}

// keepUnmanaged puts back into got the planned values of the optional and
// computed attributes the configuration does not set: the plan promised
// the state's values, and the store may have changed them since the plan
// was made. That shows at the next refresh; an unmanaged value is never
// written.
func keepUnmanaged(config, plan resourceModel, got *resourceModel) {
	if config.Source.IsNull() && fwresource.Known(plan.Source) {
		got.Source = plan.Source
	}
	if config.ChannelID.IsNull() && fwresource.Known(plan.ChannelID) {
		got.ChannelID = plan.ChannelID
	}
	if config.Consents.IsNull() && fwresource.Known(plan.Consents) {
		got.Consents = plan.Consents
	}
}

// dataModel is a subscriber as the data sources and their lists show it:
// the e-mail as the store spells it, empty names as "".
type dataModel struct {
	subscriberModel
	Email types.String `tfsdk:"email"`
}

func newDataModel(s *bigcommerce.Subscriber) dataModel {
	m := subscriberModel{FirstName: types.StringValue(""), LastName: types.StringValue("")}
	flatten(s, &m)
	return dataModel{subscriberModel: m, Email: types.StringValue(s.Email)}
}

func consentSet(consents []string) types.Set {
	elems := make([]attr.Value, 0, len(consents))
	for _, c := range slices.Sorted(slices.Values(consents)) {
		elems = append(elems, types.StringValue(c))
	}
	return types.SetValueMust(types.StringType, elems)
}

// importAdvice tells how to adopt the subscriber that already has an
// e-mail: the import command and an import block.
func importAdvice(existing *bigcommerce.Subscriber, err error) string {
	return fmt.Sprintf("The store already has subscriber %d with the e-mail %s (e-mail addresses of subscribers are unique, whatever their case), so it cannot be created again. "+
		"To manage that subscriber with Terraform, import it instead of creating it:\n\n"+
		"  terraform import <resource address> %d\n\n"+
		"or add an import block beside the resource:\n\n"+
		"  import {\n    to = <resource address>\n    id = \"%d\"\n  }\n\n"+
		"The store answered: %s", existing.ID, existing.Email, existing.ID, existing.ID, err)
}

// parseImportID reads an import ID: a subscriber's numeric id, or else an
// e-mail address to look up.
func parseImportID(raw string) (id int, email string, err error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return 0, "", fmt.Errorf("expected a subscriber's numeric id (such as 123) or e-mail address (such as jane@example.com), got %q", raw)
	}
	if n, convErr := strconv.Atoi(s); convErr == nil {
		if n <= 0 {
			return 0, "", fmt.Errorf("a subscriber id is a positive number, got %q", raw)
		}
		return n, "", nil
	}
	return 0, s, nil
}

// attributeFor maps the store's field names onto attributes.
func attributeFor(field string) string {
	if i := strings.IndexAny(field, ".["); i > 0 {
		field = field[:i]
	}
	switch field {
	case "email", "first_name", "last_name", "source", "order_id", "channel_id", "consents":
		return field
	}
	return ""
}

// addAPIError turns a client error into diagnostics, with BigCommerce's
// field map onto the matching attributes.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error) {
	fwresource.AddAPIError(diags, op, "customer subscriber", subject, err, attributeFor)
}
