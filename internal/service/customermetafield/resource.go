// Package customermetafield implements the bigcommerce_customer_metafield
// resource, its list resource and the bigcommerce_customer_metafields data
// source.
package customermetafield

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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
)

var _ fwresource.Resource = (*metafieldResource)(nil)

// NewResource returns the bigcommerce_customer_metafield resource.
func NewResource() resource.Resource {
	return &metafieldResource{ResourceBase: fwresource.NewResourceBase("customer_metafield")}
}

type metafieldResource struct {
	fwresource.ResourceBase
}

// resourceModel is the resource's state: a metafield's attributes and the
// operation timeouts.
type resourceModel struct {
	metafieldModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (r *metafieldResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	kept := func(description string) schema.StringAttribute {
		a := fwschema.ComputedString(description)
		a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
		return a
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A metafield of a customer (V3 `/customers/{customerId}/metafields`): a value stored under a key in a namespace, which the customer holds at most once. Creating a key the customer already has in the namespace is an error that names the existing metafield, so it can be imported instead. With batching on, concurrent writes share the batch endpoint `/customers/metafields`, 10 metafields a request.",
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("The metafield's numeric id (`id`)."),
			"customer_id": schema.Int64Attribute{
				MarkdownDescription: "The id of the customer the metafield belongs to (`resource_id`). A metafield cannot move to another customer, so changing it replaces the metafield.",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"namespace": fwschema.RequiredString("The namespace the key belongs to (`namespace`), 1 to 64 characters. Changing it renames the metafield in place.",
				stringvalidator.LengthBetween(1, bigcommerce.MaxMetafieldNamespaceLength)),
			"key": fwschema.RequiredString("The metafield's name within its namespace (`key`), such as `location_id`, 1 to 64 characters; a customer has each key once per namespace. Changing it renames the metafield in place.",
				stringvalidator.LengthBetween(1, bigcommerce.MaxMetafieldKeyLength)),
			"value": fwschema.RequiredString("The metafield's value (`value`), 1 to 65,535 characters.",
				stringvalidator.LengthBetween(1, bigcommerce.MaxMetafieldValueLength)),
			"permission_set": fwschema.RequiredString("Who else may read and write the metafield (`permission_set`): `app_only` (private to the API account that owns it), `read`, `write`, `read_and_sf_access` or `write_and_sf_access` (the last two also on the storefront).",
				stringvalidator.OneOf(bigcommerce.MetafieldPermissionSets...)),
			"description": fwschema.OptionalString("A description of the metafield (`description`), at most 255 characters. Removing it clears the description in the store.",
				stringvalidator.LengthAtMost(bigcommerce.MaxMetafieldDescriptionLength)),
			"owner_client_id": kept("The client id of the API account that owns the metafield (`owner_client_id`)."),
			"date_created":    kept("When the metafield was created (`date_created`)."),
			"date_modified":   fwschema.ComputedString("When the metafield was last changed (`date_modified`)."),
			"timeouts":        timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *metafieldResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDPairIdentitySchema("customer_id", "The customer's id.", "id", "The metafield's id.")
}

func (r *metafieldResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	in := expandCreate(plan.metafieldModel)
	created, err := r.Metafields().CreateCustomerMetafield(ctx, in)
	if errors.Is(err, bigcommerce.ErrConflict) {
		r.addKeyTaken(ctx, &resp.Diagnostics, in.CustomerID, in.Namespace, in.Key, err)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "create", fmt.Sprintf("%q for customer %d", in.Namespace+"/"+in.Key, in.CustomerID), err)
		return
	}
	flatten(created, &plan.metafieldModel)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, plan.identity(), &resp.Diagnostics)
}

func (r *metafieldResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	ctx, cancel, ok := fwresource.ReadState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	cid, id, diags := ids(state.metafieldModel)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	got, err := r.Metafields().GetCustomerMetafield(ctx, cid, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, state.identity(), "Customer metafield no longer exists",
			fmt.Sprintf("Metafield %d of customer %d was deleted outside Terraform (or the customer was); it is removed from the state and the next plan creates it again.", id, cid))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", formatImportID(cid, id), err)
		return
	}
	flatten(got, &state.metafieldModel)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, state.identity(), &resp.Diagnostics)
}

func (r *metafieldResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	cid, id, diags := ids(state.metafieldModel)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	// Only what changed is sent: namespace and key are members of
	// MetafieldBase_Put, so a rename is an update in place.
	var got *bigcommerce.Metafield
	var err error
	if u, ok := expandUpdate(id, plan.metafieldModel, state.metafieldModel); ok {
		got, err = r.Metafields().UpdateCustomerMetafield(ctx, cid, u)
	} else {
		got, err = r.Metafields().GetCustomerMetafield(ctx, cid, id)
	}
	if errors.Is(err, bigcommerce.ErrConflict) {
		r.addKeyTaken(ctx, &resp.Diagnostics, cid, plan.Namespace.ValueString(), plan.Key.ValueString(), err)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "update", formatImportID(cid, id), err)
		return
	}
	flatten(got, &plan.metafieldModel)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, plan.identity(), &resp.Diagnostics)
}

func (r *metafieldResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	ctx, cancel, ok := fwresource.DeleteState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	cid, id, diags := ids(state.metafieldModel)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	// A metafield already gone is deleted.
	if err := r.Metafields().DeleteCustomerMetafield(ctx, cid, id); err != nil && !errors.Is(err, bigcommerce.ErrNotFound) {
		addAPIError(&resp.Diagnostics, "delete", formatImportID(cid, id), err)
	}
}

// ImportState accepts customer_id/metafield_id, or an identity.
func (r *metafieldResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	cid, id, ok := fwresource.ImportIDPair(ctx, req, &resp.Diagnostics, "customer_id", "id", parseImportID)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.Itoa(id))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("customer_id"), int64(cid))...)
	fwresource.SetIdentity(ctx, resp.Identity, identityModel{CustomerID: types.Int64Value(int64(cid)), ID: types.Int64Value(int64(id))}, &resp.Diagnostics)
}

// addKeyTaken reports a key the customer already has in the namespace, on
// key, naming the metafield that has it and how to import it.
func (r *metafieldResource) addKeyTaken(ctx context.Context, diags *diag.Diagnostics, cid int, namespace, key string, err error) {
	list, lookupErr := r.Client().ListCustomerMetafields(ctx, bigcommerce.MetafieldFilter{CustomerID: cid, Namespaces: []string{namespace}, Keys: []string{key}})
	if lookupErr != nil || len(list) == 0 {
		diags.AddAttributeError(path.Root("key"), "Customer metafield key already in use",
			fmt.Sprintf("Customer %d already has a metafield with key %q in namespace %q: %s. The bigcommerce_customer_metafields data source lists the customer's metafields with their ids; import the one that holds the key as customer_id/metafield_id.", cid, key, namespace, err))
		return
	}
	existing := formatImportID(cid, list[0].ID)
	diags.AddAttributeError(path.Root("key"), "Customer metafield already exists",
		fmt.Sprintf("Customer %d already has metafield %d with key %q in namespace %q (value %q). To manage it with Terraform, import it instead of creating it:\n\n"+
			"  terraform import <address> %s\n\n"+
			"where <address> is this resource's address, or add an import block:\n\n"+
			"  import {\n    to = <address>\n    id = %q\n  }",
			cid, list[0].ID, list[0].Key, list[0].Namespace, truncate(list[0].Value, 80), existing, existing))
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// addAPIError turns a client error into diagnostics, with BigCommerce's
// field map onto the matching attributes.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error) {
	fwresource.AddAPIError(diags, op, "customer metafield", subject, err, attributeFor)
}
