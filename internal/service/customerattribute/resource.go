// Package customerattribute implements the bigcommerce_customer_attribute
// resource and the bigcommerce_customer_attributes data source.
package customerattribute

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
)

var _ fwresource.Resource = (*attributeResource)(nil)

// NewResource returns the bigcommerce_customer_attribute resource.
func NewResource() resource.Resource {
	return &attributeResource{ResourceBase: fwresource.NewResourceBase("customer_attribute")}
}

type attributeResource struct {
	fwresource.ResourceBase
}

// resourceModel is the resource's state: an attribute as the data source
// shows it too, and the operation timeouts.
type resourceModel struct {
	attributeModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (r *attributeResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A customer attribute of the store: a named, typed field that every customer can hold a value for (V3 `/customers/attributes`). Set values with `bigcommerce_customer_attribute_value`. A store can have at most 50 customer attributes.",
		Attributes: map[string]schema.Attribute{
			"id":   fwschema.ID("The attribute's numeric id (`id`)."),
			"name": fwschema.RequiredString("The attribute's name (`name`), 1 to 255 characters and unique in the store. Changing it renames the attribute in place; customers keep their values.", stringvalidator.LengthBetween(1, 255)),
			"type": schema.StringAttribute{
				MarkdownDescription: "The type of the attribute's values (`type`): `string`, `number` or `date`. BigCommerce cannot change it, so changing it replaces the attribute, and replacing it deletes the attribute's values from every customer.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(bigcommerce.AttributeTypes...)},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"date_created":  fwschema.ID("When the attribute was created (`date_created`, RFC 3339)."),
			"date_modified": fwschema.ComputedString("When the attribute was last changed (`date_modified`, RFC 3339)."),
			"timeouts":      timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *attributeResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("The attribute's numeric id.")
}

func (r *attributeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	created, err := r.Client().CreateAttribute(ctx, bigcommerce.AttributeCreate{Name: plan.Name.ValueString(), Type: plan.Type.ValueString()})
	if err != nil {
		r.addCreateError(ctx, &resp.Diagnostics, plan.Name.ValueString(), err)
		return
	}
	flatten(created, &plan)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

func (r *attributeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.ReadPrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	got, err := r.Client().GetAttribute(ctx, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, fwresource.IDIdentity{ID: state.ID}, "Customer attribute no longer exists",
			fmt.Sprintf("Customer attribute %d was deleted outside Terraform, and with it every customer's value of it; it is removed from the state and the next plan creates it again.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", state.ID.ValueString(), err)
		return
	}
	flatten(got, &state)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, fwresource.IDIdentity{ID: state.ID}, &resp.Diagnostics)
}

func (r *attributeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
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
	var updated *bigcommerce.Attribute
	var err error
	if rename, ok := expandUpdate(id, plan, state); ok {
		updated, err = r.Client().UpdateAttribute(ctx, rename)
	} else {
		updated, err = r.Client().GetAttribute(ctx, id)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "rename", state.ID.ValueString(), err)
		return
	}
	flatten(updated, &plan)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

func (r *attributeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.DeletePrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	// Deleting an attribute that is already gone succeeds.
	if err := r.Client().DeleteAttribute(ctx, id); err != nil {
		addAPIError(&resp.Diagnostics, "delete", state.ID.ValueString(), err)
	}
}

// ImportState accepts the attribute's numeric id, or an identity.
func (r *attributeResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	fwresource.ImportNumericID(ctx, req, resp, "Expected a customer attribute's numeric id (such as 12), got %q. The bigcommerce_customer_attributes data source lists the store's attributes with their ids.")
}

// addCreateError explains the refusals a create meets: the store's limit of
// attributes, and a name that is taken (with the id to import).
func (r *attributeResource) addCreateError(ctx context.Context, diags *diag.Diagnostics, name string, err error) {
	var limit *bigcommerce.AttributeLimitError
	if errors.As(err, &limit) {
		diags.AddError("Too many customer attributes",
			fmt.Sprintf("BigCommerce refused to create customer attribute %q: the store allows at most %d customer attributes and already has %d. Delete an attribute the store no longer needs, or manage an existing one instead (terraform import bigcommerce_customer_attribute.<name> <id>).\n\nThe store answered: %s",
				name, bigcommerce.MaxCustomerAttributes, limit.Count, limit.Err))
		return
	}
	var apiErr *bigcommerce.APIError
	if errors.As(err, &apiErr) && errors.Is(err, bigcommerce.ErrValidation) {
		if existing, findErr := r.Client().FindAttributeByName(ctx, name); findErr == nil {
			diags.AddAttributeError(path.Root("name"), "Customer attribute name already in use",
				fmt.Sprintf("The store already has a customer attribute named %q (id %d, type %s). To manage it with Terraform, import it instead of creating it:\n\n  terraform import <resource address> %d\n\nor add an import block with id = \"%d\".",
					existing.Name, existing.ID, existing.Type, existing.ID, existing.ID))
			return
		}
	}
	addAPIError(diags, "create", fmt.Sprintf("%q", name), err)
}

// addAPIError turns a client error into diagnostics, with BigCommerce's
// field map onto the matching attributes.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error) {
	fwresource.AddAPIError(diags, op, "customer attribute", subject, err, func(field string) string {
		if field == "name" || field == "type" {
			return field
		}
		return ""
	})
}

func parseID(s string) (int, diag.Diagnostics) { return fwresource.ParseID(s, "customer attribute") }
