package bigcommerce

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func TestSegments(t *testing.T) {
	c, store := startSandbox(t, sandbox.Options{Quota: -1}, nil)
	ctx := context.Background()
	var in []SegmentCreate
	for i := range MaxSegmentItemsPerRequest + 5 { // two requests
		in = append(in, SegmentCreate{Name: fmt.Sprint("Segment ", i)})
	}
	made, err := c.CreateSegments(ctx, in)
	if err != nil || len(made) != len(in) || made[54].Name != "Segment 54" {
		t.Fatalf("create: %d, %v", len(made), err)
	}
	if n := store.Stats().Requests["POST /v3/segments"]; n != 2 {
		t.Fatalf("%d create requests, want 2", n)
	}
	if _, err := c.CreateSegments(ctx, []SegmentCreate{{Name: "segment 3"}}); !errors.Is(err, ErrConflict) {
		t.Fatalf("a taken name: %v", err)
	}
	if _, err := c.CreateSegments(ctx, []SegmentCreate{{Name: ""}}); !errors.Is(err, ErrValidation) {
		t.Fatalf("an empty name: %v", err)
	}
	all, err := c.ListSegments(ctx, SegmentFilter{})
	if err != nil || len(all) != len(in) {
		t.Fatalf("list: %d, %v", len(all), err)
	}
	up, err := c.UpdateSegments(ctx, []SegmentUpdate{{ID: made[0].ID, Description: ptr("First")}})
	if err != nil || up[0].Name != "Segment 0" || up[0].Description != "First" {
		t.Fatalf("update: %+v, %v", up, err)
	}
	if _, err := c.UpdateSegments(ctx, []SegmentUpdate{{ID: "00000000-0000-4000-8000-000000000000", Name: ptr("x")}}); !errors.Is(err, ErrValidation) {
		t.Fatalf("update a missing segment: %v", err)
	}
	if _, err := c.UpdateSegments(ctx, []SegmentUpdate{{ID: "7", Name: ptr("x")}}); err == nil {
		t.Fatal("update with an id that is no UUID was sent")
	}
	got, err := c.GetSegment(ctx, made[0].ID)
	if err != nil || got.Description != "First" {
		t.Fatalf("get: %+v, %v", got, err)
	}
	ids := make([]string, len(made))
	for i, s := range made {
		ids[i] = s.ID
	}
	some, err := c.ListSegments(ctx, SegmentFilter{IDs: ids[:52]})
	if err != nil || len(some) != 52 {
		t.Fatalf("list by id:in: %d, %v", len(some), err)
	}
	if err := c.DeleteSegments(ctx, ids[1:]); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetSegment(ctx, made[1].ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a deleted segment: %v", err)
	}
	if err := c.DeleteSegments(ctx, nil); err != nil {
		t.Fatal(err)
	}
}

func TestShopperProfilesInSegments(t *testing.T) {
	c, store := startSandbox(t, sandbox.Options{Quota: -1}, nil)
	ctx := context.Background()
	customers := store.SeedCustomers(MaxProfilesPerSegmentRequest+10, 0)
	profiles, err := c.CreateShopperProfiles(ctx, customers)
	if err != nil || len(profiles) != len(customers) || profiles[59].CustomerID != customers[59] {
		t.Fatalf("create profiles: %d, %v", len(profiles), err)
	}
	if _, err := c.CreateShopperProfiles(ctx, []int{999}); !errors.Is(err, ErrValidation) {
		t.Fatalf("a profile for no customer: %v", err)
	}
	mine, err := c.ListShopperProfiles(ctx, ShopperProfileFilter{CustomerIDs: []int{customers[3]}})
	if err != nil || len(mine) != 1 || mine[0].ID != profiles[3].ID {
		t.Fatalf("list by customer: %+v, %v", mine, err)
	}
	seg, err := c.CreateSegments(ctx, []SegmentCreate{{Name: "VIP"}})
	if err != nil {
		t.Fatal(err)
	}
	segID := seg[0].ID
	ids := make([]string, len(profiles))
	for i, p := range profiles {
		ids[i] = p.ID
	}
	if err := c.AddProfilesToSegment(ctx, segID, ids[:3]); err != nil {
		t.Fatal(err)
	}
	// Adding them all again, some already in: the conflict is resolved.
	if err := c.AddProfilesToSegment(ctx, segID, ids); err != nil {
		t.Fatal(err)
	}
	in, err := c.ListSegmentProfiles(ctx, segID)
	if err != nil || len(in) != len(ids) {
		t.Fatalf("profiles of the segment: %d, %v", len(in), err)
	}
	segs, err := c.ListProfileSegments(ctx, ids[5])
	if err != nil || len(segs) != 1 || segs[0].ID != segID {
		t.Fatalf("segments of a profile: %+v, %v", segs, err)
	}
	if err := c.RemoveProfilesFromSegment(ctx, segID, ids[:55]); err != nil {
		t.Fatal(err)
	}
	if n := store.Stats().Requests["DELETE /v3/segments/{uuid}/shopper-profiles"]; n != 2 {
		t.Fatalf("%d remove requests, want 2 (%v)", n, store.Stats().Requests)
	}
	in, err = c.ListSegmentProfiles(ctx, segID)
	if err != nil || len(in) != 5 {
		t.Fatalf("after remove: %d, %v", len(in), err)
	}
	if _, err := c.ListSegmentProfiles(ctx, "00000000-0000-4000-8000-000000000000"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a missing segment: %v", err)
	}
	if err := c.DeleteShopperProfiles(ctx, ids); err != nil {
		t.Fatal(err)
	}
	left, err := c.ListShopperProfiles(ctx, ShopperProfileFilter{})
	if err != nil || len(left) != 0 {
		t.Fatalf("after delete: %d, %v", len(left), err)
	}
	if _, err := c.ListProfileSegments(ctx, ids[0]); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a deleted profile: %v", err)
	}
}
