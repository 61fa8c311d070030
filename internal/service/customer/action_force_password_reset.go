package customer

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var (
	_ action.ActionWithConfigure        = (*forcePasswordResetAction)(nil)
	_ action.ActionWithConfigValidators = (*forcePasswordResetAction)(nil)
)

// NewForcePasswordResetAction returns the
// bigcommerce_customer_force_password_reset action. It is an action, not an
// attribute: a reset is an event (after a breach, say), and once a shopper
// sets a new password the store clears the flag, which desired state would
// set again on every apply.
func NewForcePasswordResetAction() action.Action {
	return &forcePasswordResetAction{ActionBase: fwresource.NewActionBase("customer_force_password_reset")}
}

type forcePasswordResetAction struct {
	fwresource.ActionBase
}

type forcePasswordResetModel struct {
	CustomerIDs        types.Set   `tfsdk:"customer_ids"`
	CustomerGroupID    types.Int64 `tfsdk:"customer_group_id"`
	ForcePasswordReset types.Bool  `tfsdk:"force_password_reset"`
}

func (a *forcePasswordResetAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Makes customers choose a new password at their next sign-in: sets `authentication.force_password_reset` through V3 `PUT /customers`, " +
			fmt.Sprintf("%d customers to a request, reporting progress as it goes. ", bigcommerce.MaxBatch) +
			"Invoke it with `terraform apply -invoke=action.bigcommerce_customer_force_password_reset.<name>` or from a resource's `action_trigger` (Terraform 1.14 and later).",
		Attributes: map[string]schema.Attribute{
			"customer_ids": schema.SetAttribute{
				MarkdownDescription: "The ids of the customers to reset. At least one of `customer_ids` and `customer_group_id` must be set; both together reset the customers of either.",
				ElementType:         types.Int64Type,
				Optional:            true,
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
			},
			"customer_group_id": schema.Int64Attribute{
				MarkdownDescription: "Reset every customer of this customer group (`customer_group_id`).",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"force_password_reset": schema.BoolAttribute{
				MarkdownDescription: "The value to set (`authentication.force_password_reset`). Defaults to `true`; `false` withdraws a reset that shoppers have not acted on yet.",
				Optional:            true,
			},
		},
	}
}

func (a *forcePasswordResetAction) ConfigValidators(context.Context) []action.ConfigValidator {
	return []action.ConfigValidator{
		actionvalidator.AtLeastOneOf(path.MatchRoot("customer_ids"), path.MatchRoot("customer_group_id")),
	}
}

func (a *forcePasswordResetAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m forcePasswordResetModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ids, err := a.targets(ctx, m)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list the customers to reset", err.Error())
		return
	}
	value := m.ForcePasswordReset.IsNull() || m.ForcePasswordReset.ValueBool()
	for done := 0; done < len(ids); {
		part := ids[done:min(done+bigcommerce.MaxBatch, len(ids))]
		updates := make([]bigcommerce.CustomerUpdate, len(part))
		for i, id := range part {
			updates[i] = bigcommerce.CustomerUpdate{ID: id, Authentication: &bigcommerce.AuthenticationInput{ForcePasswordReset: &value}}
		}
		if _, err := a.Client().UpdateCustomers(ctx, updates); err != nil {
			resp.Diagnostics.AddError("Unable to force a password reset",
				fmt.Sprintf("%d of %d customers were updated before this request failed; the others were not. Invoking the action again is safe.\n\n%s", done, len(ids), err))
			return
		}
		done += len(part)
		resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf("force_password_reset = %t for %d of %d customers", value, done, len(ids))})
	}
	if len(ids) == 0 {
		resp.SendProgress(action.InvokeProgressEvent{Message: "no customers matched: nothing to do"})
	}
}

// targets lists the customers the configuration names, each once, in
// order of id.
func (a *forcePasswordResetAction) targets(ctx context.Context, m forcePasswordResetModel) ([]int, error) {
	var ids []int
	if !m.CustomerIDs.IsNull() {
		var listed []int64
		m.CustomerIDs.ElementsAs(ctx, &listed, false)
		for _, id := range listed {
			ids = append(ids, int(id))
		}
	}
	if !m.CustomerGroupID.IsNull() {
		for c, err := range a.Client().ListCustomers(ctx, bigcommerce.CustomerFilter{CustomerGroupIDs: []int{int(m.CustomerGroupID.ValueInt64())}}) {
			if err != nil {
				return nil, err
			}
			ids = append(ids, c.ID)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}
