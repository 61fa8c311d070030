package customerconsent

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

func set(values ...string) types.Set {
	v, _ := types.SetValueFrom(context.Background(), types.StringType, append([]string{}, values...))
	return v
}

func TestExpandSendsOnlyChangedLists(t *testing.T) {
	ctx := context.Background()
	state := consentModel{Allow: set("essential"), Deny: set("targeting")}
	list := func(v ...string) *[]string { l := append([]string{}, v...); return &l }
	tests := []struct {
		name  string
		plan  consentModel
		state *consentModel
		want  bigcommerce.ConsentUpdate
	}{
		{"create sends both", consentModel{Allow: set("essential"), Deny: set()}, nil, bigcommerce.ConsentUpdate{Allow: list("essential"), Deny: list()}},
		{"create without lists sends none", consentModel{Allow: types.SetUnknown(types.StringType), Deny: types.SetUnknown(types.StringType)}, nil, bigcommerce.ConsentUpdate{}},
		{"deny changed", consentModel{Allow: set("essential"), Deny: set("targeting", "analytics")}, &state, bigcommerce.ConsentUpdate{Deny: list("analytics", "targeting")}},
		{"allow emptied", consentModel{Allow: set(), Deny: set("targeting")}, &state, bigcommerce.ConsentUpdate{Allow: list()}},
		{"nothing changed", state, &state, bigcommerce.ConsentUpdate{}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, expand(ctx, tt.plan, tt.state)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}
