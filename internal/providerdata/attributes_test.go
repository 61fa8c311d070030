package providerdata

import (
	"context"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

func TestAttributesListOnceAndAgainOnAMiss(t *testing.T) {
	store := []bigcommerce.Attribute{{ID: 1, Name: "Tier", Type: "string"}, {ID: 2, Name: "Joined", Type: "date"}}
	listed := 0
	list := func(context.Context) ([]bigcommerce.Attribute, error) { listed++; return store, nil }
	var a Attributes
	ctx := context.Background()
	for _, id := range []int{1, 2, 1, 2} {
		if at, ok, err := a.Get(ctx, id, list); err != nil || !ok || at.ID != id {
			t.Fatalf("Get(%d) = %+v, %t, %v", id, at, ok, err)
		}
	}
	if listed != 1 {
		t.Fatalf("listed %d times for four reads of known attributes, want 1", listed)
	}
	store = append(store, bigcommerce.Attribute{ID: 3, Name: "New", Type: "number"})
	if at, ok, _ := a.Get(ctx, 3, list); !ok || at.Type != "number" {
		t.Fatalf("an attribute created since the listing was not found: %+v, %t", at, ok)
	}
	if _, ok, _ := a.Get(ctx, 9, list); ok {
		t.Fatal("an attribute the store lacks was found")
	}
	if listed != 3 {
		t.Fatalf("listed %d times, want 3: once, then once per miss", listed)
	}
}
