// Package customer implements the bigcommerce_customer resource, its data
// sources and its list resource.
package customer

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/numberplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/formfields"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwtypes"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwvalidators"
)

var (
	_ fwresource.Resource                 = (*customerResource)(nil)
	_ resource.ResourceWithValidateConfig = (*customerResource)(nil)
)

// NewResource returns the bigcommerce_customer resource.
func NewResource() resource.Resource {
	return &customerResource{ResourceBase: fwresource.NewResourceBase("customer")}
}

type customerResource struct {
	fwresource.ResourceBase
}

// identityModel is a customer's identity, which the list resource returns too.
type identityModel = fwresource.IDIdentity

// customerModel is a customer's attributes but its e-mail: the data sources
// show them as the store has them, and the resource's state holds them
// beside the e-mail (kept in the configuration's case) and the arguments
// that are never read back.
type customerModel struct {
	ID                                      types.String `tfsdk:"id"`
	FirstName                               types.String `tfsdk:"first_name"`
	LastName                                types.String `tfsdk:"last_name"`
	Company                                 types.String `tfsdk:"company"`
	Phone                                   types.String `tfsdk:"phone"`
	Notes                                   types.String `tfsdk:"notes"`
	TaxExemptCategory                       types.String `tfsdk:"tax_exempt_category"`
	CustomerGroupID                         types.Int64  `tfsdk:"customer_group_id"`
	AcceptsProductReviewAbandonedCartEmails types.Bool   `tfsdk:"accepts_product_review_abandoned_cart_emails"`
	StoreCredit                             types.Number `tfsdk:"store_credit"`
	ChannelIDs                              types.Set    `tfsdk:"channel_ids"`
	OriginChannelID                         types.Int64  `tfsdk:"origin_channel_id"`
	RegistrationIPAddress                   types.String `tfsdk:"registration_ip_address"`
	ForcePasswordReset                      types.Bool   `tfsdk:"force_password_reset"`
	FormFields                              types.Map    `tfsdk:"form_fields"` // of formfields.Model
	DateCreated                             types.String `tfsdk:"date_created"`
	DateModified                            types.String `tfsdk:"date_modified"`
	ShopperProfileID                        types.String `tfsdk:"shopper_profile_id"`
	SegmentIDs                              types.Set    `tfsdk:"segment_ids"`
}

// resourceModel is the resource's state. Write-only attributes are read from
// the configuration and are always null here.
type resourceModel struct {
	customerModel
	Email                             fwtypes.CaseInsensitiveString `tfsdk:"email"`
	PasswordWO                        types.String                  `tfsdk:"password_wo"`
	PasswordWOVersion                 types.Int64                   `tfsdk:"password_wo_version"`
	TriggerAccountCreatedNotification types.Bool                    `tfsdk:"trigger_account_created_notification"`
	Timeouts                          timeouts.Value                `tfsdk:"timeouts"`
}

func (r *customerResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A customer of the store: their account, contact details, group, store credit and channel access, managed through BigCommerce's V3 Customers API. The password is write-only: it is sent to the store and never kept in plan or state.",
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("The customer's numeric id (V3 `id`)."),
			"email": schema.StringAttribute{
				CustomType:          fwtypes.CaseInsensitiveStringType{},
				MarkdownDescription: "The customer's e-mail address (`email`), unique in the store and compared without regard to case. At most 250 characters.",
				Required:            true,
				Validators:          []validator.String{fwvalidators.Email(), stringvalidator.LengthBetween(3, 250)},
			},
			"first_name":          fwschema.RequiredString("First name (`first_name`), 1 to 100 characters.", stringvalidator.LengthBetween(1, 100)),
			"last_name":           fwschema.RequiredString("Last name (`last_name`), 1 to 100 characters.", stringvalidator.LengthBetween(1, 100)),
			"company":             fwschema.OptionalString("Company name (`company`), at most 255 characters. Removing it clears the company in the store.", stringvalidator.LengthAtMost(255)),
			"phone":               fwschema.OptionalString("Phone number (`phone`), at most 50 characters.", stringvalidator.LengthAtMost(50)),
			"notes":               fwschema.OptionalString("Merchant's notes about the customer (`notes`), not shown to the customer."),
			"tax_exempt_category": fwschema.OptionalString("Tax exemption category code (`tax_exempt_category`), at most 255 characters.", stringvalidator.LengthAtMost(255)),
			"customer_group_id":   fwschema.OptionalInt64("The id of the customer group the customer belongs to (`customer_group_id`). Omit it, or set 0, for no group.", int64validator.AtLeast(0)),
			"accepts_product_review_abandoned_cart_emails": schema.BoolAttribute{
				MarkdownDescription: "Whether the customer receives product review and abandoned cart e-mails (`accepts_product_review_abandoned_cart_emails`; V2 calls it `accepts_marketing`). When omitted, the store's value is kept.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"store_credit": schema.NumberAttribute{
				MarkdownDescription: "The customer's store credit (`store_credit_amounts[0].amount`; V2 `store_credit`), an exact decimal of zero or more such as `43.15`. Only this first amount is managed: a change rewrites it and sends the store's other `store_credit_amounts` back unchanged. When omitted, the store's value is kept and never written.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Number{fwvalidators.NonNegativeNumber()},
				PlanModifiers:       []planmodifier.Number{numberplanmodifier.UseStateForUnknown()},
			},
			"channel_ids": schema.SetAttribute{
				ElementType: types.Int64Type,
				MarkdownDescription: "The ids of the channels (storefronts) the customer may sign in to (`channel_ids`); when set it must name at least one channel. " +
					"Omit it at creation for access to every channel (the channel needs `allow_global_logins`). " +
					"BigCommerce's update accepts only a list of channels, never a return to every channel, so removing `channel_ids` from the configuration later leaves the customer's channels as they are (still shown here): restore access to every channel in the control panel.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
			"origin_channel_id": schema.Int64Attribute{
				MarkdownDescription: "The channel the customer was created on (`origin_channel_id`). The store fixes it at creation, so changing it replaces the customer. Defaults to the store's default channel.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{
					int64planmodifier.UseStateForUnknown(),
					int64planmodifier.RequiresReplaceIfConfigured(),
				},
			},
			"registration_ip_address": schema.StringAttribute{
				MarkdownDescription: "The IP address (IPv4 or IPv6) the customer registered from (`registration_ip_address`). BigCommerce's V3 API ignores it on create, so it is set through V2's Update a Customer (`PUT /v2/customers/{id}`) right after the customer is created, and whenever it changes. When omitted, the store's value is kept (blank for customers created through the API).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{fwvalidators.IPAddress(), stringvalidator.LengthAtMost(30)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"force_password_reset": schema.BoolAttribute{
				MarkdownDescription: "Whether the customer must change their password at next sign-in (`authentication.force_password_reset`). When omitted, the store's value is kept.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"password_wo": schema.StringAttribute{
				MarkdownDescription: "The customer's password (`authentication.new_password`). Write-only: it is sent to the store on creation, and again whenever `password_wo_version` changes, and is never stored in plan or state. Requires Terraform or OpenTofu 1.11 or later: an older CLI refuses a configuration that sets it (\"WriteOnly Attribute Not Allowed\"), so the password is neither sent nor stored. Must be set together with `password_wo_version`.",
				Optional:            true,
				Sensitive:           true,
				WriteOnly:           true,
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					stringvalidator.AlsoRequires(path.MatchRoot("password_wo_version")),
				},
			},
			"password_wo_version": schema.Int64Attribute{
				MarkdownDescription: "A number you choose for the current `password_wo`. Change it (usually by incrementing it) to send `password_wo` to the store again; the password itself is never compared. Must be set together with `password_wo`. Null after an import.",
				Optional:            true,
				Validators: []validator.Int64{
					int64validator.AtLeast(1),
					int64validator.AlsoRequires(path.MatchRoot("password_wo")),
				},
			},
			"trigger_account_created_notification": schema.BoolAttribute{
				MarkdownDescription: "Whether the store e-mails the customer a welcome message when the customer is created (`trigger_account_created_notification`). Write-only and used on creation only, so changing it later plans nothing.",
				Optional:            true,
				WriteOnly:           true,
			},
			"form_fields":   formfields.ResourceAttribute("customer sign-up"),
			"date_created":  fwschema.ID("When the customer was created (`date_created`, RFC 3339)."),
			"date_modified": fwschema.ComputedString("When the customer was last changed (`date_modified`, RFC 3339)."),
			"shopper_profile_id": schema.StringAttribute{
				MarkdownDescription: "The customer's shopper profile (`shopper_profile_id`, a beta of BigCommerce's API), through which segments hold customers; null while the customer has none. `bigcommerce_customer_segment_members` creates it when it adds the customer to a segment.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"segment_ids": schema.SetAttribute{
				MarkdownDescription: "The ids of the customer segments the customer belongs to (`segment_ids`, a beta of BigCommerce's API). Read only: manage membership with `bigcommerce_customer_segment_members`.",
				ElementType:         types.StringType,
				Computed:            true,
				PlanModifiers:       []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *customerResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("The customer's numeric id.")
}

// ValidateConfig checks what one attribute's validators cannot see.
func (r *customerResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var fields types.Map
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("form_fields"), &fields)...)
	resp.Diagnostics.Append(formfields.Validate(ctx, fields, path.Root("form_fields"))...)
}

func (r *customerResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	in, diags := expandCreate(ctx, plan, config)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	created, err := r.Customers().CreateCustomer(ctx, in)
	if err != nil {
		r.addCreateError(ctx, &resp.Diagnostics, plan.Email.ValueString(), err)
		return
	}
	if ip := plan.RegistrationIPAddress; fwresource.Known(ip) && ip.ValueString() != created.RegistrationIPAddress {
		withIP, err := r.setRegistrationIP(ctx, created.ID, ip.ValueString())
		if err != nil {
			// The customer exists: keep it in the state (tainted, as the
			// create failed) rather than leave an orphan in the store.
			resp.Diagnostics.Append(flattenState(ctx, created, &plan)...)
			fwresource.Save(ctx, &resp.State, resp.Identity, plan, identityModel{ID: plan.ID}, &resp.Diagnostics)
			resp.Diagnostics.AddAttributeError(path.Root("registration_ip_address"), "Customer created without its registration IP address",
				fmt.Sprintf("Customer %d was created, but setting its registration_ip_address through PUT /v2/customers/%d failed: %s\n\n"+
					"The customer is in the state, marked tainted. Run `terraform untaint <resource address>` and then `terraform apply` to set the address without creating the customer again.", created.ID, created.ID, err))
			return
		}
		created = withIP
	}

	resp.Diagnostics.Append(flattenState(ctx, created, &plan)...)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, identityModel{ID: plan.ID}, &resp.Diagnostics)
}

func (r *customerResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.ReadPrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	got, err := r.Customers().GetCustomer(ctx, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, identityModel{ID: state.ID}, "Customer no longer exists",
			fmt.Sprintf("Customer %d was deleted outside Terraform; it is removed from the state and the next plan creates it again.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", state.ID.ValueString(), err)
		return
	}

	resp.Diagnostics.Append(flattenState(ctx, got, &state)...)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, identityModel{ID: state.ID}, &resp.Diagnostics)
}

func (r *customerResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	credits := func(id int) ([]bigcommerce.StoreCredit, error) {
		current, err := r.Customers().GetCustomer(ctx, id)
		if err != nil {
			return nil, err
		}
		return current.StoreCreditAmounts, nil
	}
	in, diags := expandUpdate(ctx, plan, state, config, credits)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	var (
		updated *bigcommerce.Customer
		err     error
	)
	if in.Empty() {
		// Nothing V3 would write (only the registration IP, or a version
		// without a password): no PUT, just the customer as it is.
		updated, err = r.Customers().GetCustomer(ctx, in.ID)
	} else {
		updated, err = r.Customers().UpdateCustomer(ctx, in)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "update", plan.ID.ValueString(), err)
		return
	}
	if changed(plan.RegistrationIPAddress, state.RegistrationIPAddress) {
		if updated, err = r.setRegistrationIP(ctx, in.ID, plan.RegistrationIPAddress.ValueString()); err != nil {
			addAPIError(&resp.Diagnostics, "update", plan.ID.ValueString(), err)
			return
		}
	}

	planned := plan
	resp.Diagnostics.Append(flattenState(ctx, updated, &plan)...)
	keepUnmanaged(config, planned, &plan)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, identityModel{ID: plan.ID}, &resp.Diagnostics)
}

// setRegistrationIP writes the registration IP through V2, the only API that
// documents it as writable, and reads the customer back through V3.
func (r *customerResource) setRegistrationIP(ctx context.Context, id int, ip string) (*bigcommerce.Customer, error) {
	if err := r.Client().SetRegistrationIP(ctx, id, ip); err != nil {
		return nil, err
	}
	return r.Customers().GetCustomer(ctx, id)
}

func (r *customerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.DeletePrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	// Deleting a customer that is already gone succeeds: the store answers
	// 204 either way.
	if err := r.Customers().DeleteCustomer(ctx, id); err != nil {
		addAPIError(&resp.Diagnostics, "delete", state.ID.ValueString(), err)
	}
}

// ImportState accepts a numeric id, an e-mail address (looked up without
// regard to case), or an identity.
func (r *customerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if fwresource.ImportByIdentity(ctx, req, resp) {
		return
	}
	id, email, err := parseImportID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	if email != "" {
		found, err := r.Client().FindCustomerByEmail(ctx, email)
		if errors.Is(err, bigcommerce.ErrNotFound) {
			resp.Diagnostics.AddError("Customer not found",
				fmt.Sprintf("No customer of the store has the e-mail address %q. Check the address, or import by numeric id instead.", email))
			return
		}
		if err != nil {
			addAPIError(&resp.Diagnostics, "find", email, err)
			return
		}
		id = strconv.Itoa(found.ID)
	}
	fwresource.SetImportedID(ctx, resp, id)
}

// parseImportID reads an import ID: a customer's numeric id, or an e-mail
// address (anything with an @) to look up.
func parseImportID(raw string) (id, email string, err error) {
	s := strings.TrimSpace(raw)
	if strings.Contains(s, "@") {
		if addr, perr := mail.ParseAddress(s); perr != nil || addr.Address != s {
			return "", "", fmt.Errorf("%q contains an @ but is not an e-mail address such as jane@example.com", raw)
		}
		return "", s, nil
	}
	if n, perr := strconv.Atoi(s); perr != nil || n <= 0 || strconv.Itoa(n) != s {
		return "", "", fmt.Errorf("expected a customer's numeric id (such as 123) or e-mail address (such as jane@example.com), got %q", raw)
	}
	return s, "", nil
}

func parseID(s string) (int, diag.Diagnostics) { return fwresource.ParseID(s, "customer") }
