package fwresource

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Defaults of the timeouts block.
const (
	// DefaultWriteTimeout bounds a create, update or delete: with batching
	// and pacing, a write may wait for the store's quota.
	DefaultWriteTimeout = 20 * time.Minute
	// DefaultReadTimeout bounds a read.
	DefaultReadTimeout = 5 * time.Minute
)

// timeoutGetter is a method of timeouts.Value, such as plan.Timeouts.Create.
type timeoutGetter = func(context.Context, time.Duration) (time.Duration, diag.Diagnostics)

// WriteContext bounds ctx by a create, update or delete timeout (get, such
// as plan.Timeouts.Create), DefaultWriteTimeout unless configured. Errors
// go to diags; cancel is always safe to defer.
func WriteContext(ctx context.Context, get timeoutGetter, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	return boundContext(ctx, get, DefaultWriteTimeout, diags)
}

// ReadContext is WriteContext for a read (state.Timeouts.Read),
// DefaultReadTimeout unless configured.
func ReadContext(ctx context.Context, get timeoutGetter, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	return boundContext(ctx, get, DefaultReadTimeout, diags)
}

func boundContext(ctx context.Context, get timeoutGetter, def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	ctx, cancel, d := WithTimeout(ctx, get, def)
	diags.Append(d...)
	return ctx, cancel
}
