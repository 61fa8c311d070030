// Package customerconsent implements the bigcommerce_customer_consent
// resource and data source: a customer's consent to tracking by the
// storefront's cookies and scripts.
package customerconsent

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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
)

var (
	_ fwresource.Resource                 = (*consentResource)(nil)
	_ resource.ResourceWithValidateConfig = (*consentResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*consentResource)(nil)
)

// NewResource returns the bigcommerce_customer_consent resource.
func NewResource() resource.Resource {
	return &consentResource{ResourceBase: fwresource.NewResourceBase("customer_consent")}
}

type consentResource struct {
	fwresource.ResourceBase
}

// resourceModel is the state: the consent as the data source shows it too,
// named by the customer's id, and the operation timeouts.
type resourceModel struct {
	ID types.String `tfsdk:"id"`
	consentModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (r *consentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	categories := setvalidator.ValueStringsAre(stringvalidator.OneOf(bigcommerce.ConsentCategories...))
	resp.Schema = schema.Schema{
		MarkdownDescription: "A customer's consent to data collection by the storefront's cookies and scripts (V3 `/customers/{customerId}/consent`). " +
			"A customer has one consent record, so this resource manages it rather than creating one. " +
			"Destroying the resource leaves the customer's consent as it is, with a warning, and only stops managing it: consent is the shopper's to give, and no value restores \"never asked\".",
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("The customer's numeric id, as a string."),
			"customer_id": schema.Int64Attribute{
				MarkdownDescription: "The id of the customer whose consent this is (`customerId`). Changing it manages another customer's consent.",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"allow": categorySet("The categories the customer allows (`allow`): any of `essential`, `functional`, `analytics`, `targeting`. "+
				"Set it to `[]` for none. When omitted, the store's value is kept and not changed.", categories),
			"deny": categorySet("The categories the customer denies (`deny`), from the same list; a category cannot be both allowed and denied. "+
				"Set it to `[]` for none. When omitted, the store's value is kept and not changed.", categories),
			"updated_at": schema.StringAttribute{
				MarkdownDescription: "When the consent was last written by this resource (`updated_at`, RFC 3339). BigCommerce answers the time of the call to every read, so reads do not change it.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// categorySet is allow or deny: optional, and the store's value when omitted.
func categorySet(description string, categories validator.Set) schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: description,
		ElementType:         types.StringType,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.Set{categories},
		PlanModifiers:       []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
	}
}

func (r *consentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("The customer's numeric id.")
}

// ValidateConfig refuses a category both allowed and denied, which the
// store would refuse at apply.
func (r *consentResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config resourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	allow, deny := categories(ctx, config.Allow), categories(ctx, config.Deny)
	for _, c := range deny {
		if contains(allow, c) {
			resp.Diagnostics.AddAttributeError(path.Root("deny"), "Category both allowed and denied",
				fmt.Sprintf("%q is in both allow and deny. A customer either allows a category or denies it: remove it from one of the two.", c))
		}
	}
}

// ModifyPlan plans a new updated_at only when the consent will be written.
func (r *consentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var plan, state resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !plan.Allow.Equal(state.Allow) || !plan.Deny.Equal(state.Deny) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("updated_at"), types.StringUnknown())...)
	}
}

func (r *consentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := int(plan.CustomerID.ValueInt64())
	var got *bigcommerce.CustomerConsent
	var err error
	if update := expand(ctx, plan.consentModel, nil); update.Allow != nil || update.Deny != nil {
		got, err = write(ctx, r, id, update)
	} else {
		got, err = read(ctx, r, id) // nothing configured: adopt what the store has
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "declare", id, err)
		return
	}
	plan.ID = types.StringValue(strconv.Itoa(id))
	resp.Diagnostics.Append(flatten(ctx, got, &plan.consentModel)...)
	plan.UpdatedAt = types.StringValue(got.UpdatedAt)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

func (r *consentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	ctx, cancel, ok := fwresource.ReadState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	id := int(state.CustomerID.ValueInt64())
	got, err := read(ctx, r, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, fwresource.IDIdentity{ID: state.ID}, "Customer no longer exists",
			fmt.Sprintf("Customer %d was deleted outside Terraform, and its consent with it; the consent is removed from the state.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", id, err)
		return
	}
	resp.Diagnostics.Append(flatten(ctx, got, &state.consentModel)...)
	// GET answers the time of the call: keep the time of the last write.
	if state.UpdatedAt.IsNull() || state.UpdatedAt.IsUnknown() {
		state.UpdatedAt = types.StringValue(got.UpdatedAt)
	}
	fwresource.Save(ctx, &resp.State, resp.Identity, state, fwresource.IDIdentity{ID: state.ID}, &resp.Diagnostics)
}

func (r *consentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := int(plan.CustomerID.ValueInt64())
	update := expand(ctx, plan.consentModel, &state.consentModel)
	if update.Allow == nil && update.Deny == nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	got, err := write(ctx, r, id, update)
	if err != nil {
		addAPIError(&resp.Diagnostics, "update", id, err)
		return
	}
	resp.Diagnostics.Append(flatten(ctx, got, &plan.consentModel)...)
	plan.UpdatedAt = types.StringValue(got.UpdatedAt)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

// Delete stops managing the consent and leaves it in the store.
func (r *consentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.AddWarning("Customer consent left in the store",
		fmt.Sprintf("Customer %s keeps the consent it has: BigCommerce has no way to remove a consent record, and only the shopper should change it. Terraform no longer manages it.", id.ValueString()))
}

// ImportState accepts the customer's numeric id, or an identity.
func (r *consentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	fwresource.ImportNumericID(ctx, req, resp, "Expected a customer's numeric id (such as 12), got %q.")
	if resp.Diagnostics.HasError() {
		return
	}
	var id types.String
	resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root("id"), &id)...)
	n, _ := strconv.ParseInt(id.ValueString(), 10, 64)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("customer_id"), n)...)
}
