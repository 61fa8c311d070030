package sandbox

import (
	"testing"
)

type profilesOut struct {
	Data []shopperProfileV3 `json:"data"`
}

func TestShopperProfilesAndMemberships(t *testing.T) {
	a := newAPI(t, Options{})
	customers := a.store.SeedCustomers(3, 0)
	var made profilesOut
	a.do("POST", "/v3/shopper-profiles", []any{map[string]any{"customer_id": customers[0]}, map[string]any{"customer_id": customers[1]}}).want(t, 201).decode(t, &made)
	if len(made.Data) != 2 || made.Data[1].CustomerID != customers[1] || !isUUID(made.Data[0].ID) {
		t.Fatalf("create: %+v", made)
	}
	p0, p1 := made.Data[0].ID, made.Data[1].ID
	for name, body := range map[string]any{
		"unknown customer": []any{map[string]any{"customer_id": 999}},
		"second profile":   []any{map[string]any{"customer_id": customers[0]}},
		"twice":            []any{map[string]any{"customer_id": customers[2]}, map[string]any{"customer_id": customers[2]}},
		"no customer":      []any{map[string]any{}},
	} {
		if r := a.do("POST", "/v3/shopper-profiles", body); r.status != 400 {
			t.Errorf("%s: %d %s", name, r.status, r.body)
		}
	}

	seg := a.createSegments("VIP")[0].ID
	path := "/v3/segments/" + seg + "/shopper-profiles"
	var added profilesOut
	a.do("POST", path, []string{p0}).want(t, 201).decode(t, &added)
	if len(added.Data) != 1 || added.Data[0].ID != p0 {
		t.Fatalf("add: %+v", added)
	}
	var conflict struct {
		Data   []any
		Errors []itemError
	}
	a.do("POST", path, []string{p1, p0}).want(t, 409).decode(t, &conflict)
	if len(conflict.Errors) != 1 || conflict.Errors[0].Errors["1"] == "" {
		t.Fatalf("conflict: %+v", conflict)
	}
	a.do("POST", path, []string{"00000000-0000-4000-8000-000000000000"}).want(t, 400)
	a.do("POST", path, []string{}).want(t, 400)
	a.do("POST", "/v3/segments/00000000-0000-4000-8000-000000000000/shopper-profiles", []string{p1}).want(t, 404)
	a.do("POST", path, []string{p1}).want(t, 201)

	var inSeg profilesOut
	a.do("GET", path, nil).want(t, 200).decode(t, &inSeg)
	if len(inSeg.Data) != 2 {
		t.Fatalf("profiles of the segment: %+v", inSeg)
	}
	var segs segmentsOut
	a.do("GET", "/v3/shopper-profiles/"+p1+"/segments", nil).want(t, 200).decode(t, &segs)
	if len(segs.Data) != 1 || segs.Data[0].ID != seg {
		t.Fatalf("segments of the profile: %+v", segs)
	}
	a.do("GET", "/v3/shopper-profiles/00000000-0000-4000-8000-000000000000/segments", nil).want(t, 404)

	a.do("DELETE", path, nil).want(t, 422)
	a.do("DELETE", path+"?id:in="+p0, nil).want(t, 204)
	a.do("GET", path, nil).want(t, 200).decode(t, &inSeg)
	if len(inSeg.Data) != 1 || inSeg.Data[0].ID != p1 {
		t.Fatalf("after remove: %+v", inSeg)
	}
	a.store.mu.Lock()
	ids := a.store.st.segmentIDsOf(customers[1])
	a.store.mu.Unlock()
	if len(ids) != 1 || ids[0] != seg {
		t.Fatalf("segment ids of customer: %v", ids)
	}

	// A deleted customer takes its profile and memberships along.
	a.do("DELETE", "/v3/customers?id:in=2", nil).want(t, 204)
	a.do("GET", path, nil).want(t, 200).decode(t, &inSeg)
	var all profilesOut
	a.do("GET", "/v3/shopper-profiles", nil).want(t, 200).decode(t, &all)
	if len(inSeg.Data) != 0 || len(all.Data) != 1 {
		t.Fatalf("after deleting the customer: %+v, %+v", inSeg, all)
	}
	a.do("DELETE", "/v3/shopper-profiles", nil).want(t, 422)
	a.do("DELETE", "/v3/shopper-profiles?id:in="+p0, nil).want(t, 204)
	a.do("GET", "/v3/shopper-profiles", nil).want(t, 200).decode(t, &all)
	if len(all.Data) != 0 {
		t.Fatalf("after delete: %+v", all)
	}
}
