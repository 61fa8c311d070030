package fwresource

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ImportIDPair reads the two numeric ids of an import: from the import id
// with parse (such as customer_id/metafield_id), or, for an import by
// identity, from the identity attributes named first and second, which
// must both be positive. ok is false when diags holds why not.
func ImportIDPair(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics, first, second string, parse func(string) (int, int, diag.Diagnostics)) (a, b int, ok bool) {
	if req.ID != "" {
		a, b, d := parse(req.ID)
		diags.Append(d...)
		return a, b, !d.HasError()
	}
	var x, y types.Int64
	diags.Append(req.Identity.GetAttribute(ctx, path.Root(first), &x)...)
	diags.Append(req.Identity.GetAttribute(ctx, path.Root(second), &y)...)
	if diags.HasError() {
		return 0, 0, false
	}
	a, b = int(x.ValueInt64()), int(y.ValueInt64())
	if a <= 0 || b <= 0 {
		diags.AddError("Invalid import identity",
			fmt.Sprintf("%s and %s must both be positive ids, got %d and %d.", first, second, a, b))
		return 0, 0, false
	}
	return a, b, true
}
