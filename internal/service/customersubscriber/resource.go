// Package customersubscriber implements the bigcommerce_customer_subscriber
// resource, its list resource and the bigcommerce_customer_subscriber and
// bigcommerce_customer_subscribers data sources.
package customersubscriber

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwtypes"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwvalidators"
)

var (
	_ fwresource.Resource                 = (*subscriberResource)(nil)
	_ resource.ResourceWithValidateConfig = (*subscriberResource)(nil)
)

// NewResource returns the bigcommerce_customer_subscriber resource.
func NewResource() resource.Resource {
	return &subscriberResource{ResourceBase: fwresource.NewResourceBase("customer_subscriber")}
}

type subscriberResource struct {
	fwresource.ResourceBase
}

// resourceModel is the resource's state: a subscriber's attributes, its
// e-mail (kept in the configuration's case) and the operation timeouts.
type resourceModel struct {
	subscriberModel
	Email    fwtypes.CaseInsensitiveString `tfsdk:"email"`
	Timeouts timeouts.Value                `tfsdk:"timeouts"`
}

func (r *subscriberResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	kept := func(description string) schema.StringAttribute {
		a := fwschema.ComputedString(description)
		a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
		return a
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A newsletter subscriber of the store (V3 `/customers/subscribers`). A subscriber need not be a customer. " +
			"Its e-mail address is unique in the store without regard to case: creating one that is already subscribed is an error that names the existing subscriber, so it can be imported instead. Destroying the resource deletes the subscriber.",
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("The subscriber's numeric id (`id`)."),
			"email": schema.StringAttribute{
				CustomType:          fwtypes.CaseInsensitiveStringType{},
				MarkdownDescription: "The subscriber's e-mail address (`email`), unique among the store's subscribers and compared without regard to case, at most 255 characters. Changing it updates the subscriber in place; a change of case alone is planned as an update but sends nothing, since the store already holds the address.",
				Required:            true,
				Validators:          []validator.String{fwvalidators.Email(), stringvalidator.LengthBetween(3, bigcommerce.MaxSubscriberTextLength)},
			},
			"first_name": fwschema.OptionalString("The subscriber's first name (`first_name`), at most 255 characters. Removing it clears the name in the store.",
				stringvalidator.LengthAtMost(bigcommerce.MaxSubscriberTextLength)),
			"last_name": fwschema.OptionalString("The subscriber's last name (`last_name`), at most 255 characters. Removing it clears the name in the store.",
				stringvalidator.LengthAtMost(bigcommerce.MaxSubscriberTextLength)),
			"source": schema.StringAttribute{
				MarkdownDescription: "Where the subscription came from (`source`): `" + strings.Join(bigcommerce.SubscriberSources, "`, `") + "`. " +
					"The store sets `custom` when it is omitted at creation; omitted later, the store's value is kept.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{stringvalidator.OneOf(bigcommerce.SubscriberSources...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"order_id": schema.Int64Attribute{
				MarkdownDescription: "The id of the order the subscription came from (`order_id`); only with `source = \"order\"`. Removing it clears it in the store (sends `null`).",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, bigcommerce.MaxSubscriberOrderID)},
			},
			"channel_id": schema.Int64Attribute{
				MarkdownDescription: "The id of the channel (storefront) the subscriber belongs to (`channel_id`), a channel of the store. The store sets channel 1 when it is omitted at creation; omitted later, the store's value is kept.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.Between(1, bigcommerce.MaxSubscriberChannelID)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"consents": schema.SetAttribute{
				ElementType: types.StringType,
				MarkdownDescription: "What the subscriber consented to (`consents`): any of `" + strings.Join(bigcommerce.SubscriberConsents, "`, `") + "`. " +
					"An empty set withdraws every consent. The store sets none when it is omitted at creation; omitted later, the store's value is kept.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(bigcommerce.SubscriberConsents...))},
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
			"date_created": kept("When the subscriber was created (`date_created`)."),
			// Unknown in a plan only when something changes, so an apply that
			// changes nothing keeps it.
			"date_modified": fwschema.ComputedString("When the subscriber was last changed (`date_modified`)."),
			"timeouts":      timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *subscriberResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("The subscriber's numeric id.")
}

// ValidateConfig refuses an order_id without source "order" at plan time:
// the store takes an order_id only from a subscription that came from an
// order.
func (r *subscriberResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var source types.String
	var orderID types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("source"), &source)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("order_id"), &orderID)...)
	if resp.Diagnostics.HasError() || orderID.IsNull() || source.IsUnknown() || source.ValueString() == "order" {
		return
	}
	got := "source is not set (the store then uses \"custom\")"
	if !source.IsNull() {
		got = fmt.Sprintf("source is %q", source.ValueString())
	}
	resp.Diagnostics.AddAttributeError(path.Root("order_id"), "order_id requires source \"order\"",
		fmt.Sprintf("order_id is the id of the order a subscription came from, so it may be set only together with source = \"order\"; here %s. Set source = \"order\", or remove order_id.", got))
}

func (r *subscriberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	in, diags := expandCreate(ctx, plan)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	created, err := r.Client().CreateSubscriber(ctx, in)
	if err != nil {
		r.addWriteError(ctx, &resp.Diagnostics, "create", in.Email, 0, err)
		return
	}
	flattenState(created, &plan)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, identityModel{ID: plan.ID}, &resp.Diagnostics)
}

func (r *subscriberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.ReadPrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	got, err := r.Client().GetSubscriber(ctx, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, identityModel{ID: state.ID}, "Customer subscriber no longer exists",
			fmt.Sprintf("Subscriber %d was deleted outside Terraform; it is removed from the state and the next plan creates it again.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", state.ID.ValueString(), err)
		return
	}
	flattenState(got, &state)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, identityModel{ID: state.ID}, &resp.Diagnostics)
}

func (r *subscriberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	id, diags := parseID(state.ID.ValueString())
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	u, changed, diags := expandUpdate(ctx, id, plan, state)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	var got *bigcommerce.Subscriber
	var err error
	if changed {
		got, err = r.Client().UpdateSubscriber(ctx, u)
	} else {
		// Only timeouts changed: nothing to write.
		got, err = r.Client().GetSubscriber(ctx, id)
	}
	if err != nil {
		r.addWriteError(ctx, &resp.Diagnostics, "update", plan.Email.ValueString(), id, err)
		return
	}
	planned := plan
	flattenState(got, &plan)
	keepUnmanaged(config, planned, &plan)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, identityModel{ID: plan.ID}, &resp.Diagnostics)
}

func (r *subscriberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.DeletePrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	// A subscriber already gone is deleted.
	if err := r.Client().DeleteSubscriber(ctx, id); err != nil && !errors.Is(err, bigcommerce.ErrNotFound) {
		addAPIError(&resp.Diagnostics, "delete", state.ID.ValueString(), err)
	}
}

// ImportState accepts a numeric id, an e-mail address (looked up without
// regard to case), or an identity.
func (r *subscriberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if fwresource.ImportByIdentity(ctx, req, resp) {
		return
	}
	id, email, err := parseImportID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	if email != "" {
		found, err := r.findByEmail(ctx, email)
		if errors.Is(err, bigcommerce.ErrNotFound) {
			resp.Diagnostics.AddError("Customer subscriber not found",
				fmt.Sprintf("No subscriber of the store has the e-mail address %q (in any case). An import ID is a subscriber's numeric id or e-mail address; the bigcommerce_customer_subscribers data source lists subscribers with their ids.", email))
			return
		}
		if err != nil {
			addAPIError(&resp.Diagnostics, "find", email, err)
			return
		}
		id = found.ID
	}
	fwresource.SetImportedID(ctx, resp, strconv.Itoa(id))
}

// findByEmail returns the subscriber with an e-mail address, in any case;
// ErrNotFound when there is none.
func (r *subscriberResource) findByEmail(ctx context.Context, email string) (*bigcommerce.Subscriber, error) {
	return findByEmail(ctx, r.Client(), email)
}

// addWriteError reports a refused create or update (of subscriber id). An
// e-mail another subscriber has lands on email, naming that subscriber; on
// create, with the import command and block that adopt it.
func (r *subscriberResource) addWriteError(ctx context.Context, diags *diag.Diagnostics, op, email string, id int, err error) {
	if errors.Is(err, bigcommerce.ErrConflict) {
		existing, findErr := r.findByEmail(ctx, email)
		switch {
		case findErr != nil:
			diags.AddAttributeError(path.Root("email"), "Customer subscriber e-mail already in use",
				fmt.Sprintf("Another subscriber of the store already has the e-mail %s: %s. The bigcommerce_customer_subscriber data source finds it by e-mail; import it by its id or by the e-mail address.", email, err))
		case op == "create":
			diags.AddAttributeError(path.Root("email"), "Customer subscriber already exists", importAdvice(existing, err))
		default:
			diags.AddAttributeError(path.Root("email"), "Customer subscriber e-mail already in use",
				fmt.Sprintf("Subscriber %d already has the e-mail %s, so subscriber %d cannot take it: e-mail addresses of subscribers are unique, whatever their case. The store answered: %s", existing.ID, existing.Email, id, err))
		}
		return
	}
	subject := email
	if id != 0 {
		subject = strconv.Itoa(id)
	}
	addAPIError(diags, op, subject, err)
}

// findByEmail lists the subscribers with an e-mail address and keeps the
// one whose address matches without regard to case.
func findByEmail(ctx context.Context, c *bigcommerce.Client, email string) (*bigcommerce.Subscriber, error) {
	list, err := c.ListSubscribers(ctx, bigcommerce.SubscriberFilter{Email: email})
	if err != nil {
		return nil, err
	}
	for i := range list {
		if strings.EqualFold(list[i].Email, email) {
			return &list[i], nil
		}
	}
	return nil, fmt.Errorf("no subscriber has the e-mail %q: %w", email, bigcommerce.ErrNotFound)
}

func parseID(s string) (int, diag.Diagnostics) { return fwresource.ParseID(s, "customer subscriber") }
