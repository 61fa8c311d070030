// Package customergroup implements the bigcommerce_customer_group resource
// and its data sources, on BigCommerce's V2 Customer Groups API.
package customergroup

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwvalidators"
)

var (
	_ fwresource.Resource                 = (*groupResource)(nil)
	_ resource.ResourceWithValidateConfig = (*groupResource)(nil)
)

// NewResource returns the bigcommerce_customer_group resource.
func NewResource() resource.Resource {
	return &groupResource{ResourceBase: fwresource.NewResourceBase("customer_group")}
}

type groupResource struct {
	fwresource.ResourceBase
}

type resourceModel struct {
	groupModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

var (
	ruleTypes   = []string{"price_list", "all", "category", "product"}
	ruleMethods = []string{"percent", "fixed", "price"}
	accessTypes = []string{"all", "specific", "none"}
)

func (r *groupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A customer group: customers who share category access and discounts, managed through BigCommerce's V2 Customer Groups API. " +
			"Deleting a group unassigns its customers: they keep their accounts, with no group.",
		Attributes: map[string]schema.Attribute{
			"id":   fwschema.ID("The group's numeric id (`id`); use it as a customer's `customer_group_id`."),
			"name": fwschema.RequiredString("The group's name (`name`), unique in the store, 1 to 255 characters.", stringvalidator.LengthBetween(1, 255)),
			"is_default": schema.BoolAttribute{
				MarkdownDescription: "Whether customers who sign up join this group (`is_default`). A store has one default group at most, so making this group " +
					"the default makes the previous one an ordinary group. When omitted, the store's value is kept (false for a new group).",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"is_group_for_guests": schema.BoolAttribute{
				MarkdownDescription: "Whether shoppers who are not signed in get this group's access and discounts (`is_group_for_guests`). A store has one guest " +
					"group at most, so setting it moves the role from any other group. When omitted, the store's value is kept (false for a new group).",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"category_access": schema.SingleNestedAttribute{
				MarkdownDescription: "Which catalog categories the group's customers can see (`category_access`). When omitted, the store's value is kept " +
					"(every category for a new group).",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					// Optional+Computed rather than Required/Optional: Terraform
					// keeps an omitted category_access from the state only when
					// every attribute inside it is computed. ValidateConfig
					// requires type whenever category_access is set.
					"type": schema.StringAttribute{
						MarkdownDescription: "`all` for every category, `specific` for the ones in `categories`, `none` for none (`category_access.type`). " +
							"Required when `category_access` is set.",
						Optional:   true,
						Computed:   true,
						Validators: []validator.String{stringvalidator.OneOf(accessTypes...)},
					},
					"categories": schema.SetAttribute{
						ElementType: types.Int64Type,
						MarkdownDescription: "The ids of the categories the group's customers can see (`category_access.categories`). Required when `type` is " +
							"`specific`, and not allowed otherwise.",
						Optional:   true,
						Computed:   true,
						Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
					},
				},
			},
			"discount_rules": schema.ListNestedAttribute{
				MarkdownDescription: "The discounts the group's customers get (`discount_rules`), replaced as a whole on every change. Either a single " +
					"`price_list` rule, or any number of `category` and `product` rules plus at most one `all` rule. Omit it, or set `[]`, for no discounts.",
				Optional: true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"type": schema.StringAttribute{
							MarkdownDescription: "What the rule applies to (`type`): `all` (the whole store), `category` (the products of `category_id` and its " +
								"subcategories), `product` (`product_id`) or `price_list` (prices from `price_list_id`).",
							Required:   true,
							Validators: []validator.String{stringvalidator.OneOf(ruleTypes...)},
						},
						"method": schema.StringAttribute{
							MarkdownDescription: "How `amount` changes the price (`method`): `percent` off, `fixed` amount off, or a set `price`. " +
								"Required for every type but `price_list`, which does not take it.",
							Optional:   true,
							Validators: []validator.String{stringvalidator.OneOf(ruleMethods...)},
						},
						"amount": schema.NumberAttribute{
							MarkdownDescription: "The discount (`amount`), an exact decimal of zero or more with at most 4 decimal places, and at most 100 when " +
								"`method` is `percent`. Required for every type but `price_list`, which does not take it.",
							Optional:   true,
							Validators: []validator.Number{fwvalidators.NonNegativeNumber()},
						},
						"category_id":   fwschema.OptionalInt64("The category a `category` rule applies to (`category_id`). Required for `category` rules, not allowed for others.", int64validator.AtLeast(1)),
						"product_id":    fwschema.OptionalInt64("The product a `product` rule applies to (`product_id`). Required for `product` rules, not allowed for others.", int64validator.AtLeast(1)),
						"price_list_id": fwschema.OptionalInt64("The price list a `price_list` rule applies (`price_list_id`). Required for `price_list` rules, not allowed for others.", int64validator.AtLeast(1)),
					},
				},
			},
			"date_created":  fwschema.ID("When the group was created (`date_created`), as the store reports it, such as `2023-07-17 06:30:41`."),
			"date_modified": fwschema.ComputedString("When the group was last changed (`date_modified`), as the store reports it."),
			"timeouts":      timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *groupResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("The group's numeric id.")
}

func (r *groupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	in, diags := expand(ctx, plan.groupModel, config.groupModel)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	created, err := r.Client().CreateCustomerGroup(ctx, in)
	var partial *bigcommerce.PartialSaveError
	switch {
	case errors.As(err, &partial):
		// The group exists: keep it in the state (Terraform marks it
		// tainted) so it is neither lost nor created twice.
		created = partial.Group
		addPartialSave(&resp.Diagnostics, "create", partial)
	case errors.Is(err, bigcommerce.ErrConflict):
		r.addNameTaken(ctx, &resp.Diagnostics, in.Name)
		return
	case err != nil:
		addAPIError(&resp.Diagnostics, "create", strconv.Quote(in.Name), err)
		return
	}

	resp.Diagnostics.Append(flatten(ctx, created, &plan.groupModel)...)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

// addNameTaken explains a 409 on the name, with the id to import.
func (r *groupResource) addNameTaken(ctx context.Context, diags *diag.Diagnostics, name string) {
	how := "import it with terraform import <resource address> <id>"
	if existing, err := r.Client().FindCustomerGroupByName(ctx, name); err == nil {
		how = fmt.Sprintf("import it:\n\n  terraform import <resource address> %d\n\nor add an import block with id = \"%d\"", existing.ID, existing.ID)
	}
	diags.AddAttributeError(path.Root("name"), "Customer group name already exists",
		fmt.Sprintf("The store already has a customer group named %q, and group names are unique. Choose another name, or to manage that group with Terraform, %s.", name, how))
}

func (r *groupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.ReadPrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	got, err := r.Client().GetCustomerGroup(ctx, id)
	if errors.Is(err, bigcommerce.ErrNotFound) {
		fwresource.RemoveGone(ctx, resp, fwresource.IDIdentity{ID: state.ID}, "Customer group no longer exists",
			fmt.Sprintf("Customer group %d was deleted outside Terraform; it is removed from the state and the next plan creates it again.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", state.ID.ValueString(), err)
		return
	}

	resp.Diagnostics.Append(flatten(ctx, got, &state.groupModel)...)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, fwresource.IDIdentity{ID: state.ID}, &resp.Diagnostics)
}

func (r *groupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
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
	in, d := expandPatch(ctx, plan.groupModel, state.groupModel)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	var updated *bigcommerce.CustomerGroup
	var err error
	if in.IsEmpty() {
		updated, err = r.Client().GetCustomerGroup(ctx, id)
	} else {
		updated, err = r.Client().PatchCustomerGroup(ctx, id, in)
	}
	var partial *bigcommerce.PartialSaveError
	switch {
	case errors.As(err, &partial):
		// Everything but the rules was saved; the state shows the store's
		// rules so the next plan offers the change again.
		updated = partial.Group
		addPartialSave(&resp.Diagnostics, "update", partial)
	case errors.Is(err, bigcommerce.ErrConflict):
		r.addNameTaken(ctx, &resp.Diagnostics, plan.Name.ValueString())
		return
	case err != nil:
		addAPIError(&resp.Diagnostics, "update", state.ID.ValueString(), err)
		return
	}

	resp.Diagnostics.Append(flatten(ctx, updated, &plan.groupModel)...)
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

func (r *groupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	ctx, cancel, id, ok := fwresource.DeletePrior(ctx, req.State, &state, parseID, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	// The store unassigns the group's customers; a group already gone is
	// success.
	if err := r.Client().DeleteCustomerGroup(ctx, id); err != nil {
		addAPIError(&resp.Diagnostics, "delete", state.ID.ValueString(), err)
	}
}

// ImportState accepts a group's numeric id, or an identity.
func (r *groupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	fwresource.ImportNumericID(ctx, req, resp, "Expected a customer group's numeric id, such as 12, got %q. The bigcommerce_customer_groups data source lists the store's groups with their ids.")
}

func parseID(s string) (int, diag.Diagnostics) { return fwresource.ParseID(s, "customer group") }
