// Package customersegment implements the bigcommerce_customer_segment and
// bigcommerce_customer_segment_members resources, the segment's list
// resource and the bigcommerce_customer_segment and
// bigcommerce_customer_segments data sources.
package customersegment

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
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
)

var _ fwresource.Resource = (*segmentResource)(nil)

// NewResource returns the bigcommerce_customer_segment resource.
func NewResource() resource.Resource {
	return &segmentResource{ResourceBase: fwresource.NewResourceBase("customer_segment")}
}

type segmentResource struct {
	fwresource.ResourceBase
}

// maxSegmentText bounds a segment's name and description (doc.go of the
// sandbox: segments.v3.yml gives no length).
const maxSegmentText = 255

// resourceModel is the resource's state: a segment's attributes and the
// operation timeouts.
type resourceModel struct {
	segmentModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (r *segmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	createdAt := fwschema.ComputedString("When the segment was created (`created_at`).")
	createdAt.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	updatedAt := fwschema.ComputedString("When the segment was last changed (`updated_at`). It is planned to change only when `name` or `description` does.")
	updatedAt.PlanModifiers = []planmodifier.String{keptUnlessChanged{}}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A customer segment (V3 `/segments`): a named group of shoppers that promotions can target. Names are unique in the store without regard to case; creating a segment whose name is taken is an error that names the existing segment, so it can be imported instead. Its members are managed by `bigcommerce_customer_segment_members`. Deleting a segment leaves its shoppers' profiles in place.",
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("The segment's id (`id`), a UUID."),
			"name": fwschema.RequiredString("The segment's name (`name`), 1 to 255 characters, unique in the store without regard to case. Changing it renames the segment in place.",
				stringvalidator.LengthBetween(1, maxSegmentText)),
			"description": fwschema.OptionalString("A description of the segment (`description`), at most 255 characters. Removing it clears the description in the store.",
				stringvalidator.LengthAtMost(maxSegmentText)),
			"created_at": createdAt,
			"updated_at": updatedAt,
			"timeouts":   timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *segmentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("The segment's id, a UUID.")
}

func (r *segmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	in := expandCreate(plan.segmentModel)
	created, err := r.Client().CreateSegments(ctx, []bigcommerce.SegmentCreate{in})
	if errors.Is(err, bigcommerce.ErrConflict) {
		r.addNameTaken(ctx, &resp.Diagnostics, in.Name, "", err)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "create", fmt.Sprintf("%q", in.Name), err)
		return
	}
	flatten(&created[0], &plan.segmentModel)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, plan.identity(), &resp.Diagnostics)
}

func (r *segmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	ctx, cancel, ok := fwresource.ReadState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	id := state.ID.ValueString()
	got, err := r.Client().GetSegment(ctx, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, state.identity(), "Customer segment no longer exists",
			fmt.Sprintf("Segment %s was deleted outside Terraform; it is removed from the state and the next plan creates it again.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", id, err)
		return
	}
	flatten(got, &state.segmentModel)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, state.identity(), &resp.Diagnostics)
}

func (r *segmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	id := state.ID.ValueString()
	// Only what changed is sent (SegmentPut's members are optional).
	var got *bigcommerce.Segment
	var err error
	if u, ok := expandUpdate(id, plan.segmentModel, state.segmentModel); ok {
		var list []bigcommerce.Segment
		list, err = r.Client().UpdateSegments(ctx, []bigcommerce.SegmentUpdate{u})
		if err == nil {
			got = &list[0]
		}
		// A name clash is the documented 400 of PUT, not a 409.
		if errors.Is(err, bigcommerce.ErrValidation) && u.Name != nil && r.addNameTaken(ctx, &resp.Diagnostics, *u.Name, id, nil) {
			return
		}
	} else {
		got, err = r.Client().GetSegment(ctx, id)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "update", id, err)
		return
	}
	flatten(got, &plan.segmentModel)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, plan.identity(), &resp.Diagnostics)
}

func (r *segmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	ctx, cancel, ok := fwresource.DeleteState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	// Ids that match nothing are ignored: a segment already gone is deleted.
	if err := r.Client().DeleteSegments(ctx, []string{state.ID.ValueString()}); err != nil {
		addAPIError(&resp.Diagnostics, "delete", state.ID.ValueString(), err)
	}
}

// ImportState accepts the segment's id (a UUID), or an identity.
func (r *segmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	given := req.ID
	if given == "" {
		var identity fwresource.IDIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...)
		if resp.Diagnostics.HasError() {
			return
		}
		given = identity.ID.ValueString()
	}
	id, err := parseSegmentID(given)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Expected the id of a customer segment: %s.", err))
		return
	}
	fwresource.SetImportedID(ctx, resp, id)
}

// addNameTaken reports a name another segment has, on name, naming that
// segment and how to import it, and reports whether it found one. err,
// when not nil, is the store's answer, reported even when no segment has
// the name.
func (r *segmentResource) addNameTaken(ctx context.Context, diags *diag.Diagnostics, name, except string, err error) bool {
	list, lookupErr := r.Client().ListSegments(ctx, bigcommerce.SegmentFilter{})
	var existing *bigcommerce.Segment
	if lookupErr == nil {
		existing = segmentNamed(list, name, except)
	}
	if existing == nil {
		if err != nil {
			diags.AddAttributeError(path.Root("name"), "Customer segment name already in use",
				fmt.Sprintf("Another segment is already named %q (names are unique without regard to case): %s. The bigcommerce_customer_segments data source lists the segments with their ids.", name, err))
		}
		return err != nil
	}
	diags.AddAttributeError(path.Root("name"), "Customer segment already exists",
		fmt.Sprintf("Segment %s is already named %q (segment names are unique without regard to case). %s",
			existing.ID, existing.Name, importCommand("resource", existing.ID)))
	return true
}

// addAPIError turns a client error into diagnostics, with BigCommerce's
// field map onto the matching attributes.
func addAPIError(diags *diag.Diagnostics, op, subject string, err error) {
	fwresource.AddAPIError(diags, op, "customer segment", subject, err, attributeFor)
}

// keptUnlessChanged plans updated_at as the state's unless name or
// description changes: the store moves updated_at only then, and any other
// change (such as timeouts) would otherwise plan it unknown.
type keptUnlessChanged struct{}

func (keptUnlessChanged) Description(context.Context) string {
	return "Keeps the prior value unless name or description changes."
}

func (m keptUnlessChanged) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (keptUnlessChanged) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.Plan.Raw.IsNull() || !req.PlanValue.IsUnknown() {
		return
	}
	for _, attr := range []string{"name", "description"} {
		var planned, prior types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(attr), &planned)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(attr), &prior)...)
		if !sameText(planned, prior) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}
