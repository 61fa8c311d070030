// Package customerattributevalue implements the
// bigcommerce_customer_attribute_value resource.
package customerattributevalue

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
)

var (
	_ fwresource.Resource             = (*valueResource)(nil)
	_ resource.ResourceWithModifyPlan = (*valueResource)(nil)
)

// NewResource returns the bigcommerce_customer_attribute_value resource.
func NewResource() resource.Resource {
	return &valueResource{ResourceBase: fwresource.NewResourceBase("customer_attribute_value")}
}

type valueResource struct {
	fwresource.ResourceBase
}

type resourceModel struct {
	ID          types.String   `tfsdk:"id"`
	CustomerID  types.Int64    `tfsdk:"customer_id"`
	AttributeID types.Int64    `tfsdk:"attribute_id"`
	Value       types.String   `tfsdk:"value"`
	ValueID     types.Int64    `tfsdk:"value_id"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

type identityModel struct {
	CustomerID  types.Int64 `tfsdk:"customer_id"`
	AttributeID types.Int64 `tfsdk:"attribute_id"`
}

func (m resourceModel) identity() identityModel {
	return identityModel{CustomerID: m.CustomerID, AttributeID: m.AttributeID}
}

func (r *valueResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A customer's value of a customer attribute (V3 `/customers/attribute-values`). A customer holds at most one value per attribute. The value is text, and must suit the attribute's type: a number for `number` attributes, a date (YYYY-MM-DD or RFC 3339) for `date` attributes.",
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("`customer_id/attribute_id`, such as `12/3`: a customer holds one value per attribute, so the pair names the value."),
			"customer_id": schema.Int64Attribute{
				MarkdownDescription: "The id of the customer who holds the value (`customer_id`). Changing it replaces the value.",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"attribute_id": schema.Int64Attribute{
				MarkdownDescription: "The id of the customer attribute (`attribute_id`). Changing it replaces the value.",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"value": fwschema.RequiredString("The value (`value` when written, `attribute_value` when read), at most 255 characters. For a `number` attribute it must be a number such as `42` or `3.5`; for a `date` attribute a date such as `2024-05-14` or `2024-05-14T09:34:00Z`. Changing it updates the value in place.", stringvalidator.LengthAtMost(255)),
			"value_id": schema.Int64Attribute{
				MarkdownDescription: "The value's own id in the store (`id`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *valueResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDPairIdentitySchema("customer_id", "The customer's id.", "attribute_id", "The customer attribute's id.")
}

// ModifyPlan checks the value against the attribute's type when the
// attribute is known at plan time, so that a wrong value fails the plan
// rather than the apply. When the attribute is created in the same apply,
// the store's refusal is reported on value instead.
func (r *valueResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.Client() == nil {
		return
	}
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !fwresource.Known(plan.AttributeID) || !fwresource.Known(plan.Value) {
		return
	}
	if !req.State.Raw.IsNull() {
		var state resourceModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if state.AttributeID.Equal(plan.AttributeID) && state.Value.Equal(plan.Value) {
			return // checked when it was planned
		}
	}
	aid := plan.AttributeID.ValueInt64()
	attr, found, err := r.Attributes().Get(ctx, int(aid), func(ctx context.Context) ([]bigcommerce.Attribute, error) {
		return r.Client().ListAttributes(ctx, bigcommerce.AttributeFilter{})
	})
	switch {
	case err == nil && !found:
		resp.Diagnostics.AddAttributeError(path.Root("attribute_id"), "Customer attribute not found",
			fmt.Sprintf("The store has no customer attribute with id %d. Check the id, or create the attribute with a bigcommerce_customer_attribute resource and refer to its id.", aid))
	case err != nil:
		// The check is a courtesy: without it the store still refuses a
		// wrong value at apply time.
		return
	default:
		if err := bigcommerce.CheckAttributeValue(attr.Type, plan.Value.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("value"), "Value does not suit the attribute's type",
				fmt.Sprintf("Customer attribute %q (id %d) has type %s, but %s.", attr.Name, attr.ID, attr.Type, err))
		}
	}
}

func (r *valueResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	cid, aid := int(plan.CustomerID.ValueInt64()), int(plan.AttributeID.ValueInt64())
	subject := formatID(cid, aid)
	// The store's write is an upsert; refuse to take over a value that
	// exists already, as creating any other resource would.
	got, err := r.AttributeValues().CreateAttributeValue(ctx, expandCreate(plan))
	var exists *bigcommerce.ValueExistsError
	if errors.As(err, &exists) {
		resp.Diagnostics.AddError("Customer attribute value already exists",
			fmt.Sprintf("Customer %d already has a value of attribute %d (%q). To manage it with Terraform, import it instead of creating it:\n\n  terraform import <resource address> %s\n\nor add an import block with id = %q.", cid, aid, exists.Existing.Value, subject, subject))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "create", subject, err)
		return
	}
	flatten(got, &plan)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, plan.identity(), &resp.Diagnostics)
}

func (r *valueResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	ctx, cancel, ok := fwresource.ReadState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	cid, aid, diags := parseID(state.ID.ValueString())
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	got, err := r.AttributeValues().GetAttributeValue(ctx, cid, aid)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, state.identity(), "Customer attribute value no longer exists",
			fmt.Sprintf("Customer %d no longer has a value of attribute %d: it was deleted outside Terraform (or the customer or the attribute was). It is removed from the state and the next plan sets it again.", cid, aid))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", formatID(cid, aid), err)
		return
	}
	flatten(got, &state)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, state.identity(), &resp.Diagnostics)
}

func (r *valueResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	cid, aid := int(plan.CustomerID.ValueInt64()), int(plan.AttributeID.ValueInt64())
	var got *bigcommerce.AttributeValue
	var err error
	if upsert, ok := expandUpdate(plan, state); ok {
		got, err = r.AttributeValues().UpsertAttributeValue(ctx, upsert)
	} else {
		got, err = r.AttributeValues().GetAttributeValue(ctx, cid, aid)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "update", formatID(cid, aid), err)
		return
	}
	flatten(got, &plan)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, plan.identity(), &resp.Diagnostics)
}

func (r *valueResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	ctx, cancel, ok := fwresource.DeleteState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	cid, aid, diags := parseID(state.ID.ValueString())
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	// By the pair rather than the state's id, which a value set again
	// outside Terraform would have changed.
	if err := r.AttributeValues().DeleteAttributeValueOf(ctx, cid, aid); err != nil {
		addAPIError(&resp.Diagnostics, "delete", formatID(cid, aid), err)
	}
}

// ImportState accepts customer_id/attribute_id, or an identity.
func (r *valueResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	cid, aid, ok := fwresource.ImportIDPair(ctx, req, &resp.Diagnostics, "customer_id", "attribute_id", parseImportID)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), formatID(cid, aid))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("customer_id"), int64(cid))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("attribute_id"), int64(aid))...)
	fwresource.SetIdentity(ctx, resp.Identity, identityModel{CustomerID: types.Int64Value(int64(cid)), AttributeID: types.Int64Value(int64(aid))}, &resp.Diagnostics)
}

func formatID(customerID, attributeID int) string {
	return strconv.Itoa(customerID) + "/" + strconv.Itoa(attributeID)
}

// parseImportID reads customer_id/attribute_id, naming what is wrong.
func parseImportID(s string) (int, int, diag.Diagnostics) {
	return fwresource.ParseIDPair(s, "customer_id/attribute_id, such as 12/3 for customer 12's value of attribute 3", "customer", "attribute")
}

func parseID(s string) (int, int, diag.Diagnostics) {
	cid, aid, diags := parseImportID(s)
	if diags.HasError() {
		diags = nil
		diags.AddAttributeError(path.Root("id"), "Invalid customer attribute value id",
			fmt.Sprintf("The id of a customer attribute value is customer_id/attribute_id such as 12/3, got %q.", s))
	}
	return cid, aid, diags
}

// addAPIError turns a client error into diagnostics, with BigCommerce's
// field map onto the matching attributes.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error) {
	fwresource.AddAPIError(diags, op, "customer attribute value", subject, err, func(field string) string {
		switch field {
		case "value", "customer_id", "attribute_id":
			return field
		case "attribute_value":
			return "value"
		}
		return ""
	})
}
