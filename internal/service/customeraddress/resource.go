// Package customeraddress implements the bigcommerce_customer_address
// resource and the bigcommerce_customer_addresses data source.
package customeraddress

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/formfields"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
)

var (
	_ fwresource.Resource                 = (*addressResource)(nil)
	_ resource.ResourceWithValidateConfig = (*addressResource)(nil)
)

// NewResource returns the bigcommerce_customer_address resource.
func NewResource() resource.Resource {
	return &addressResource{ResourceBase: fwresource.NewResourceBase("customer_address")}
}

type addressResource struct {
	fwresource.ResourceBase
}

// resourceModel is the resource's state: an address's attributes, as the
// data sources show them too, and the operation timeouts.
type resourceModel struct {
	addressModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (r *addressResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An address of a customer, managed through BigCommerce's V3 `/customers/addresses`. BigCommerce keeps at most one copy of an address per customer: creating an address identical to one the customer already has is an error that names the existing address, so it can be imported instead.",
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("The address's numeric id (`id`)."),
			"customer_id": schema.Int64Attribute{
				MarkdownDescription: "The id of the customer the address belongs to (`customer_id`). An address cannot move to another customer, so changing it replaces the address.",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"first_name":        fwschema.RequiredString("First name on the address (`first_name`), 1 to 255 characters.", stringvalidator.LengthBetween(1, 255)),
			"last_name":         fwschema.RequiredString("Last name on the address (`last_name`), 1 to 255 characters.", stringvalidator.LengthBetween(1, 255)),
			"company":           fwschema.OptionalString("Company (`company`), at most 255 characters. Removing it clears the company in the store.", stringvalidator.LengthAtMost(255)),
			"address1":          fwschema.RequiredString("First address line (`address1`).", stringvalidator.LengthAtLeast(1)),
			"address2":          fwschema.OptionalString("Second address line (`address2`). Removing it clears the line in the store."),
			"city":              fwschema.RequiredString("City (`city`), 1 to 100 characters.", stringvalidator.LengthBetween(1, 100)),
			"state_or_province": fwschema.OptionalString("State or province, spelled out in full such as `Texas` (`state_or_province`; codes such as `TX` are refused), at most 100 characters. Required by the store for countries whose addresses need one, such as US, CA and AU.", stringvalidator.LengthAtMost(100)),
			"postal_code":       fwschema.OptionalString("Postal code (`postal_code`), at most 30 characters. Required by the store for countries whose addresses need one.", stringvalidator.LengthAtMost(30)),
			"country_code":      fwschema.RequiredString("The country, as an ISO 3166-1 alpha-2 code in upper case such as `US` (`country_code`).", countryCode{}),
			"country": schema.StringAttribute{
				MarkdownDescription: "The country's name, which the store derives from `country_code` (`country`), such as `United States`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{countryFollowsCode{}},
			},
			"phone": fwschema.OptionalString("Phone number (`phone`), at most 50 characters. Removing it clears the phone number in the store.", stringvalidator.LengthAtMost(50)),
			"address_type": schema.StringAttribute{
				MarkdownDescription: "`residential` or `commercial` (`address_type`). New addresses are residential unless set; when omitted later, the store's value is kept.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.OneOf("residential", "commercial")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"form_fields": formfields.ResourceAttribute("address"),
			"timeouts":    timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *addressResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("The address's numeric id.")
}

// ValidateConfig checks the form fields' shape at plan time.
func (r *addressResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var fields types.Map
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("form_fields"), &fields)...)
	resp.Diagnostics.Append(formfields.Validate(ctx, fields, path.Root("form_fields"))...)
}

func (r *addressResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	in := bigcommerce.AddressCreate{CustomerID: int(plan.CustomerID.ValueInt64()), AddressFields: expand(plan.addressModel)}
	var diags diag.Diagnostics
	in.FormFields, diags = formfields.Expand(ctx, plan.FormFields, types.MapNull(formfields.ObjectType))
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	created, err := r.Addresses().CreateAddress(ctx, in)
	if err != nil {
		addAPIError(&resp.Diagnostics, "create", fmt.Sprintf("for customer %d", plan.CustomerID.ValueInt64()), err)
		return
	}
	resp.Diagnostics.Append(flatten(ctx, created, &plan.addressModel)...)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

func (r *addressResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.ReadPrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	got, err := r.Addresses().GetAddress(ctx, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, fwresource.IDIdentity{ID: state.ID}, "Customer address no longer exists",
			fmt.Sprintf("Address %d was deleted outside Terraform (or its customer was); it is removed from the state and the next plan creates it again.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", state.ID.ValueString(), err)
		return
	}
	resp.Diagnostics.Append(flatten(ctx, got, &state.addressModel)...)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, fwresource.IDIdentity{ID: state.ID}, &resp.Diagnostics)
}

func (r *addressResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
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
	// Only what changed is sent: a value removed from the configuration is
	// sent as "" and cleared, a value the configuration leaves out is kept.
	patch := expandPatch(id, plan.addressModel, state.addressModel)
	patch.FormFields, diags = formfields.Expand(ctx, plan.FormFields, state.FormFields)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	var updated *bigcommerce.Address
	var err error
	if patch.IsEmpty() {
		updated, err = r.Addresses().GetAddress(ctx, id)
	} else {
		updated, err = r.Addresses().PatchAddress(ctx, patch)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "update", state.ID.ValueString(), err)
		return
	}
	planned := plan.FormFields
	resp.Diagnostics.Append(flatten(ctx, updated, &plan.addressModel)...)
	if config.FormFields.IsNull() && !planned.IsUnknown() {
		// Unmanaged: the plan promised the state's values, whatever the
		// store holds now; the next refresh shows the store's.
		plan.FormFields = planned
	}
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

func (r *addressResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.DeletePrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	// Deleting an address that is already gone succeeds.
	if err := r.Addresses().DeleteAddress(ctx, id); err != nil {
		addAPIError(&resp.Diagnostics, "delete", state.ID.ValueString(), err)
	}
}

// ImportState accepts the address's numeric id, or an identity.
func (r *addressResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	fwresource.ImportNumericID(ctx, req, resp, "Expected an address's numeric id (such as 34), got %q. The bigcommerce_customer_addresses data source lists a customer's addresses with their ids.")
}

// countryFollowsCode keeps the planned country name while the country code
// stays, and leaves it unknown when the code changes: the store derives it.
type countryFollowsCode struct{}

func (countryFollowsCode) Description(context.Context) string {
	return "The country name is known ahead only while country_code does not change."
}

func (m countryFollowsCode) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (countryFollowsCode) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || !req.PlanValue.IsUnknown() || req.Plan.Raw.IsNull() {
		return
	}
	var planned, prior types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("country_code"), &planned)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("country_code"), &prior)...)
	if planned.Equal(prior) {
		resp.PlanValue = req.StateValue
	}
}

// apiFields are BigCommerce's field names that are attributes of the same
// name.
var apiFields = map[string]bool{
	"customer_id": true, "first_name": true, "last_name": true, "company": true, "address1": true,
	"address2": true, "city": true, "state_or_province": true, "postal_code": true, "country_code": true,
	"phone": true, "address_type": true,
}

// addAPIError turns a client error into diagnostics: a silently dropped
// duplicate into advice, and BigCommerce's field map onto the attributes.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error) {
	var dup *bigcommerce.DuplicateAddressError
	if errors.As(err, &dup) {
		detail := fmt.Sprintf("BigCommerce keeps one copy of an address per customer and ignored this one: %s. ", dup)
		switch {
		case op == "create" && dup.ExistingID != 0:
			detail += fmt.Sprintf("To manage the existing address with Terraform, import it instead of creating it:\n\n  terraform import <resource address> %d\n\nor add an import block with id = \"%d\". Otherwise change a field so that the addresses differ.", dup.ExistingID, dup.ExistingID)
		default:
			detail += "Change a field so that the addresses differ, or remove one of them."
		}
		diags.AddError("Duplicate customer address", detail)
		return
	}
	fwresource.AddAPIError(diags, op, "address", subject, err, func(field string) string {
		if apiFields[field] {
			return field
		}
		return ""
	})
}

func parseID(s string) (int, diag.Diagnostics) { return fwresource.ParseID(s, "customer address") }
