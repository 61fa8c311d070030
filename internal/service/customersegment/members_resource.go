package customersegment

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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
)

var _ fwresource.Resource = (*membersResource)(nil)

// NewMembersResource returns the bigcommerce_customer_segment_members
// resource.
func NewMembersResource() resource.Resource {
	return &membersResource{ResourceBase: fwresource.NewResourceBase("customer_segment_members")}
}

type membersResource struct {
	fwresource.ResourceBase
}

// membersModel is the resource's state. Its id is the segment's.
type membersModel struct {
	ID          types.String   `tfsdk:"id"`
	SegmentID   types.String   `tfsdk:"segment_id"`
	CustomerIDs types.Set      `tfsdk:"customer_ids"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

func (m membersModel) identity() fwresource.IDIdentity {
	return fwresource.IDIdentity{ID: m.ID}
}

func (r *membersResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The members of a customer segment (V3 `/segments/{id}/shopper-profiles`), owned **authoritatively**: the segment holds exactly the customers listed, and customers added to it outside Terraform are removed at the next apply. Use one such resource per segment.\n\n" +
			"A segment's members are shopper profiles (V3 `/shopper-profiles`), one per customer: a customer that has none gets one when it is added (in one request per 50 customers). Members are added and removed 50 to a request. Destroying the resource removes every member of the segment and leaves the segment and the shopper profiles in place. A customer id that does not exist is an error at apply that names it.",
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("The segment's id (`id`), as `segment_id`."),
			"segment_id": schema.StringAttribute{
				MarkdownDescription: "The id (`id`, a UUID) of the segment whose members these are. Changing it replaces the resource: the old segment's members are removed.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(uuidPattern, "must be a segment id (a UUID)")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"customer_ids": schema.SetAttribute{
				MarkdownDescription: "The ids of the customers in the segment (each shopper profile's `customer_id`), at least one. Customers in the segment but not listed here are removed from it.",
				ElementType:         types.Int64Type,
				Required:            true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueInt64sAre(int64validator.AtLeast(1)),
				},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *membersResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("The segment's id, a UUID.")
}

func (r *membersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan membersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = plan.SegmentID
	r.apply(ctx, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, plan.identity(), &resp.Diagnostics)
}

func (r *membersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state membersModel
	ctx, cancel, ok := fwresource.ReadState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	id := state.ID.ValueString()
	profiles, err := r.Client().ListSegmentProfiles(ctx, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, state.identity(), "Customer segment no longer exists",
			fmt.Sprintf("Segment %s was deleted outside Terraform, and its members with it; they are removed from the state.", id))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to read the members of customer segment "+id, err.Error())
		return
	}
	state.SegmentID = state.ID
	set, diags := types.SetValueFrom(ctx, types.Int64Type, customerIDsOf(profiles))
	resp.Diagnostics.Append(diags...)
	state.CustomerIDs = set
	fwresource.Save(ctx, &resp.State, resp.Identity, state, state.identity(), &resp.Diagnostics)
}

// Update adds the customers new to the configuration and removes the ones
// dropped from it, and any member added outside Terraform.
func (r *membersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state membersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID, plan.SegmentID = state.ID, state.ID
	r.apply(ctx, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, plan.identity(), &resp.Diagnostics)
}

// Delete removes every member of the segment (the resource owns them all);
// their shopper profiles stay.
func (r *membersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state membersModel
	ctx, cancel, ok := fwresource.DeleteState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	id := state.ID.ValueString()
	profiles, err := r.Client().ListSegmentProfiles(ctx, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		return // the segment is gone, and its members with it
	}
	if err == nil && len(profiles) > 0 {
		ids := make([]string, len(profiles))
		for i, p := range profiles {
			ids[i] = p.ID
		}
		err = r.Client().RemoveProfilesFromSegment(ctx, id, ids)
	}
	if err != nil && !errors.Is(err, bigcommerce.ErrNotFound) {
		resp.Diagnostics.AddError("Unable to remove the members of customer segment "+id, err.Error())
	}
}

// ImportState accepts the segment's id (a UUID), or an identity.
func (r *membersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
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
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Expected the id of the customer segment whose members to import: %s.", err))
		return
	}
	fwresource.SetImportedID(ctx, resp, id)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("segment_id"), id)...)
}

// apply makes the segment's members exactly the planned customers: it
// reads the members, creates shopper profiles for wanted customers that
// have none, adds the wanted customers that are no members and removes the
// members that are not wanted.
func (r *membersResource) apply(ctx context.Context, plan membersModel, diags *diag.Diagnostics) {
	segmentID := plan.SegmentID.ValueString()
	var planned []int64
	diags.Append(plan.CustomerIDs.ElementsAs(ctx, &planned, false)...)
	if diags.HasError() {
		return
	}
	wanted := make([]int, len(planned))
	for i, id := range planned {
		wanted[i] = int(id)
	}
	fail := func(what string, err error) {
		diags.AddError("Unable to set the members of customer segment "+segmentID, fmt.Sprintf("%s: %s", what, err))
	}

	c := r.Client()
	current, err := c.ListSegmentProfiles(ctx, segmentID)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		diags.AddAttributeError(path.Root("segment_id"), "Customer segment not found", fmt.Sprintf("The store has no segment with id %s.", segmentID))
		return
	}
	if err != nil {
		fail("reading the segment's members", err)
		return
	}
	missing, remove := planMembers(wanted, profilesByCustomer(current))

	var add []string
	if len(missing) > 0 {
		if add, err = r.profilesOf(ctx, missing, diags); err != nil {
			fail("finding or creating the customers' shopper profiles", err)
			return
		}
		if diags.HasError() {
			return
		}
		if err := c.AddProfilesToSegment(ctx, segmentID, add); err != nil {
			fail(fmt.Sprintf("adding %d customers", len(add)), err)
			return
		}
	}
	if len(remove) > 0 {
		if err := c.RemoveProfilesFromSegment(ctx, segmentID, remove); err != nil {
			fail(fmt.Sprintf("removing %d members", len(remove)), err)
		}
	}
}

// profilesOf returns the shopper profile ids of customers, creating
// profiles (in one call, 50 to a request) for those that have none. A
// customer that does not exist is an error on customer_ids that names it.
func (r *membersResource) profilesOf(ctx context.Context, customers []int, diags *diag.Diagnostics) ([]string, error) {
	c := r.Client()
	// GET /v3/shopper-profiles has no filter: every page is read.
	all, err := c.ListShopperProfiles(ctx, bigcommerce.ShopperProfileFilter{})
	if err != nil {
		return nil, err
	}
	byCustomer := profilesByCustomer(all)
	var without []int
	for _, id := range customers {
		if _, ok := byCustomer[id]; !ok {
			without = append(without, id)
		}
	}
	if len(without) > 0 {
		// A customer with a profile exists; check the others before
		// creating theirs, to name the ones that do not.
		found, err := c.GetCustomers(ctx, without)
		if err != nil {
			return nil, err
		}
		if gone := absent(without, found); len(gone) > 0 {
			names := make([]string, len(gone))
			for i, id := range gone {
				names[i] = strconv.Itoa(id)
			}
			diags.AddAttributeError(path.Root("customer_ids"), "Customer not found",
				fmt.Sprintf("The store has no customer with id %s; remove it from customer_ids.", strings.Join(names, ", ")))
			return nil, nil
		}
		created, err := c.CreateShopperProfiles(ctx, without)
		for _, p := range created {
			byCustomer[p.CustomerID] = p.ID
		}
		if err != nil {
			return nil, err
		}
	}
	out := make([]string, len(customers))
	for i, id := range customers {
		out[i] = byCustomer[id]
	}
	return out, nil
}
