package customersettings

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwschema"
)

var (
	_ fwresource.Resource             = (*settingsResource)(nil)
	_ resource.ResourceWithModifyPlan = (*settingsResource)(nil)
)

// settingsID is the id of the store's one set of customer settings.
const settingsID = "settings"

// NewResource returns the bigcommerce_customer_settings resource.
func NewResource() resource.Resource {
	return &settingsResource{ResourceBase: fwresource.NewResourceBase("customer_settings")}
}

type settingsResource struct {
	fwresource.ResourceBase
}

type settingsModel struct {
	ID types.String `tfsdk:"id"`
	globalSettingsModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// Schema: the inner attributes are Optional+Computed and keep the state's
// value when left out, so an unconfigured value never shows a diff.
func (r *settingsResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The store's global customer settings (`/v3/customers/settings`): tracking consent, the privacy policy URL, and the " +
			"customer groups of guests and of new customers. A store has exactly one set, so a configuration may hold one " +
			"`bigcommerce_customer_settings` at most; a second one is refused at plan time.\n\n" +
			"Only what the configuration sets is managed: a value left out keeps the store's, and an update sends only the values " +
			"that change. Channels may override these values with `bigcommerce_customer_channel_settings`.\n\n" +
			"**Destroy** leaves the store's settings as they are (a store cannot delete its customer settings): it only removes " +
			"them from the Terraform state, with a warning. Import with the id `settings`.",
		Attributes: map[string]schema.Attribute{
			"id": fwschema.ID("Always `settings`: the store has one set of customer settings."),
			"privacy_settings": schema.SingleNestedAttribute{
				MarkdownDescription: "Privacy settings (`privacy_settings`). When omitted, the store's are kept.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"ask_shopper_for_tracking_consent": schema.BoolAttribute{
						MarkdownDescription: descAskConsent + " When omitted, the store's value is kept.",
						Optional:            true,
						Computed:            true,
						PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
					},
					"policy_url": schema.StringAttribute{
						MarkdownDescription: descPolicyURL + " When omitted, the store's value is kept.",
						Optional:            true,
						Computed:            true,
						PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
						Validators:          []validator.String{policyURL{}},
					},
				},
			},
			"customer_group_settings": schema.SingleNestedAttribute{
				MarkdownDescription: "The groups of guests and of new customers (`customer_group_settings`). When omitted, the store's are kept. " +
					"Setting a group here makes it the store's only guest (or default) group: it is the group's `is_group_for_guests` " +
					"(or `is_default`) in `bigcommerce_customer_group`, so set the role in one place only.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"guest_customer_group_id":   globalGroupAttribute(descGuestGroup),
					"default_customer_group_id": globalGroupAttribute(descDefaultGroup),
				},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func globalGroupAttribute(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description + " When omitted, the store's value is kept.",
		Optional:            true,
		Computed:            true,
		PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		Validators:          []validator.Int64{int64validator.AtLeast(0)},
	}
}

func (r *settingsResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = fwresource.IDIdentitySchema("Always `settings`.")
}

// ModifyPlan refuses a second instance in one configuration: both would
// write the same settings, each undoing the other.
func (r *settingsResource) ModifyPlan(_ context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	singletons := r.Singletons()
	if singletons == nil || singletons.Claim("bigcommerce_customer_settings") {
		return
	}
	resp.Diagnostics.AddError("Only one bigcommerce_customer_settings per configuration",
		"The configuration holds more than one bigcommerce_customer_settings (two resources, or count or for_each above 1). "+
			"A store has one set of customer settings, so two resources would manage the same settings and overwrite each other on every apply. "+
			"Keep a single bigcommerce_customer_settings; per-channel values belong in bigcommerce_customer_channel_settings.")
}

func (r *settingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan settingsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	// The settings exist already: send only the configured values that
	// differ from the store's.
	current, err := r.Client().GetCustomerSettings(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", "of the store", err, nil)
		return
	}
	r.write(ctx, &plan, globalValues(current), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

// write sends what the plan m sets and have lacks, and records the store's
// answer in m.
func (r *settingsResource) write(ctx context.Context, m *settingsModel, have values, diags *diag.Diagnostics) {
	want, d := valuesOf(ctx, m.PrivacySettings, m.CustomerGroupSettings)
	if diags.Append(d...); diags.HasError() {
		return
	}
	var got *bigcommerce.CustomerSettings
	var err error
	if u, changed := globalUpdate(want, have); changed {
		got, err = r.Client().UpdateCustomerSettings(ctx, u)
	} else {
		got, err = r.Client().GetCustomerSettings(ctx)
	}
	if err != nil {
		addAPIError(diags, "update", "of the store", err, nil)
		return
	}
	diags.Append(flattenGlobal(got, m)...)
}

func flattenGlobal(s *bigcommerce.CustomerSettings, m *settingsModel) diag.Diagnostics {
	m.ID = types.StringValue(settingsID)
	return m.flatten(s)
}

func (r *settingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state settingsModel
	ctx, cancel, ok := fwresource.ReadState(ctx, req.State, &state, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	got, err := r.Client().GetCustomerSettings(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", "of the store", err, nil)
		return
	}
	resp.Diagnostics.Append(flattenGlobal(got, &state)...)
	fwresource.Save(ctx, &resp.State, resp.Identity, state, fwresource.IDIdentity{ID: state.ID}, &resp.Diagnostics)
}

func (r *settingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state settingsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel := fwresource.WriteContext(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	// Only the values whose plan differs from the state are sent.
	have, diags := valuesOf(ctx, state.PrivacySettings, state.CustomerGroupSettings)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	r.write(ctx, &plan, have, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		// The state stays as it was, not as planned.
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		return
	}
	fwresource.Save(ctx, &resp.State, resp.Identity, plan, fwresource.IDIdentity{ID: plan.ID}, &resp.Diagnostics)
}

// Delete leaves the store's settings as they are: a store always has
// customer settings. Terraform forgets them.
func (r *settingsResource) Delete(_ context.Context, _ resource.DeleteRequest, resp *resource.DeleteResponse) {
	resp.Diagnostics.AddWarning("Customer settings left as they are",
		"A store always has customer settings and cannot delete them, so destroying bigcommerce_customer_settings only removes them "+
			"from the Terraform state: the store keeps its current privacy and customer group settings. To leave other values behind, "+
			"change them in the configuration and apply before destroying.")
}

// ImportState accepts the id "settings", or an identity.
func (r *settingsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if fwresource.ImportByIdentity(ctx, req, resp) {
		return
	}
	if id := strings.TrimSpace(req.ID); id != settingsID {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("The store has one set of customer settings, imported with the id %q; got %q.", settingsID, req.ID))
		return
	}
	fwresource.SetImportedID(ctx, resp, settingsID)
}
