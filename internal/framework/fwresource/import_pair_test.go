package fwresource

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestImportIDPair(t *testing.T) {
	ctx := context.Background()
	schema := IDPairIdentitySchema("customer_id", "", "id", "")
	identity := func(cid, id int64) *tfsdk.ResourceIdentity {
		return &tfsdk.ResourceIdentity{Schema: schema, Raw: tftypes.NewValue(schema.Type().TerraformType(ctx), map[string]tftypes.Value{
			"customer_id": tftypes.NewValue(tftypes.Number, cid),
			"id":          tftypes.NewValue(tftypes.Number, id),
		})}
	}
	parse := func(s string) (int, int, diag.Diagnostics) {
		return ParseIDPair(s, "customer_id/id", "customer", "metafield")
	}
	for _, tc := range []struct {
		name    string
		req     resource.ImportStateRequest
		a, b    int
		wantErr string
	}{
		{name: "import id", req: resource.ImportStateRequest{ID: "12/34"}, a: 12, b: 34},
		{name: "bad import id", req: resource.ImportStateRequest{ID: "12"}, wantErr: "there is no slash"},
		{name: "identity", req: resource.ImportStateRequest{Identity: identity(12, 34)}, a: 12, b: 34},
		{name: "identity not positive", req: resource.ImportStateRequest{Identity: identity(12, 0)}, wantErr: "customer_id and id must both be positive ids, got 12 and 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			a, b, ok := ImportIDPair(ctx, tc.req, &diags, "customer_id", "id", parse)
			if tc.wantErr != "" {
				if ok || !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), tc.wantErr) {
					t.Errorf("got %d, %d, %t, %v; want an error saying %q", a, b, ok, diags, tc.wantErr)
				}
				return
			}
			if !ok || a != tc.a || b != tc.b || diags.HasError() {
				t.Errorf("got %d, %d, %t, %v; want %d, %d", a, b, ok, diags, tc.a, tc.b)
			}
		})
	}
}
