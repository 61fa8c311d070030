package fwresource

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ReadState starts a Read: it gets the state into state (a pointer to the
// resource's model) and bounds ctx by the read timeout of the state's
// timeouts attribute. ok is false when either failed, with the reasons in
// diags; cancel is always safe to defer.
func ReadState(ctx context.Context, from tfsdk.State, state any, diags *diag.Diagnostics) (_ context.Context, cancel context.CancelFunc, ok bool) {
	return prior(ctx, from, state, timeouts.Value.Read, DefaultReadTimeout, diags)
}

// DeleteState is ReadState for a Delete, bounded by the delete timeout.
func DeleteState(ctx context.Context, from tfsdk.State, state any, diags *diag.Diagnostics) (_ context.Context, cancel context.CancelFunc, ok bool) {
	return prior(ctx, from, state, timeouts.Value.Delete, DefaultWriteTimeout, diags)
}

// ReadPrior is ReadState for a resource named by its numeric id: it also
// parses the state's id with parse (such as ParseID for the kind of object).
func ReadPrior(ctx context.Context, from tfsdk.State, state any, parse func(string) (int, diag.Diagnostics), diags *diag.Diagnostics) (_ context.Context, cancel context.CancelFunc, id int, ok bool) {
	ctx, cancel, ok = ReadState(ctx, from, state, diags)
	id, ok = priorID(ctx, ok, from, parse, diags)
	return ctx, cancel, id, ok
}

// DeletePrior is ReadPrior for a Delete, bounded by the delete timeout.
func DeletePrior(ctx context.Context, from tfsdk.State, state any, parse func(string) (int, diag.Diagnostics), diags *diag.Diagnostics) (_ context.Context, cancel context.CancelFunc, id int, ok bool) {
	ctx, cancel, ok = DeleteState(ctx, from, state, diags)
	id, ok = priorID(ctx, ok, from, parse, diags)
	return ctx, cancel, id, ok
}

type timeoutOf = func(timeouts.Value, context.Context, time.Duration) (time.Duration, diag.Diagnostics)

func prior(ctx context.Context, from tfsdk.State, state any, timeout timeoutOf, def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc, bool) {
	var t timeouts.Value
	diags.Append(from.Get(ctx, state)...)
	diags.Append(from.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	ctx, cancel := boundContext(ctx, func(ctx context.Context, d time.Duration) (time.Duration, diag.Diagnostics) {
		return timeout(t, ctx, d)
	}, def, diags)
	return ctx, cancel, !diags.HasError()
}

func priorID(ctx context.Context, ok bool, from tfsdk.State, parse func(string) (int, diag.Diagnostics), diags *diag.Diagnostics) (int, bool) {
	if !ok {
		return 0, false
	}
	var raw types.String
	diags.Append(from.GetAttribute(ctx, path.Root("id"), &raw)...)
	id, d := parse(raw.ValueString())
	diags.Append(d...)
	return id, !diags.HasError()
}
