package sandbox

import (
	"fmt"
	"strings"
	"testing"
)

type segmentsOut struct {
	Data []segmentV3 `json:"data"`
	Meta struct {
		Pagination map[string]any `json:"pagination"`
	} `json:"meta"`
}

func (a *api) createSegments(names ...string) []segmentV3 {
	a.t.Helper()
	items := make([]map[string]any, len(names))
	for i, n := range names {
		items[i] = map[string]any{"name": n, "description": "about " + n}
	}
	var out segmentsOut
	a.do("POST", "/v3/segments", items).want(a.t, 201).decode(a.t, &out)
	return out.Data
}

func TestSegmentsCreateUpdateDelete(t *testing.T) {
	a := newAPI(t, Options{})
	got := a.createSegments("VIP", "Wholesale")
	if len(got) != 2 || !isUUID(got[0].ID) || got[0].Name != "VIP" || got[1].Description != "about Wholesale" {
		t.Fatalf("create: %+v", got)
	}
	vip, wholesale := got[0].ID, got[1].ID

	// A clash, case aside, creates nothing: the documented 409 shape.
	var conflict struct {
		Data   []any
		Errors []itemError
		Meta   writeMeta
	}
	a.do("POST", "/v3/segments", []any{map[string]any{"name": "New"}, map[string]any{"name": "vip"}}).want(t, 409).decode(t, &conflict)
	if len(conflict.Data) != 0 || len(conflict.Errors) != 1 || conflict.Errors[0].Errors["1"] == "" || conflict.Meta != (writeMeta{2, 0, 2}) {
		t.Fatalf("conflict: %+v", conflict)
	}
	a.do("POST", "/v3/segments", []any{map[string]any{"name": "Same"}, map[string]any{"name": "SAME"}}).want(t, 409)
	for name, body := range map[string]any{
		"empty name":  []any{map[string]any{"name": ""}},
		"no name":     []any{map[string]any{"description": "x"}},
		"long name":   []any{map[string]any{"name": strings.Repeat("n", 256)}},
		"empty batch": []any{},
		"object":      map[string]any{"name": "x"},
		"51 items":    repeat(51, func(i int) map[string]any { return map[string]any{"name": fmt.Sprint("s", i)} }),
		"null descr.": []any{map[string]any{"name": "x", "description": nil}},
		"number name": []any{map[string]any{"name": 5}},
		"not an item": []any{"x"},
	} {
		if r := a.do("POST", "/v3/segments", body); r.status != 400 {
			t.Errorf("%s: %d %s", name, r.status, r.body)
		}
	}
	var list segmentsOut
	a.do("GET", "/v3/segments", nil).want(t, 200).decode(t, &list)
	if len(list.Data) != 2 || list.Meta.Pagination["total"] != float64(2) || list.Meta.Pagination["links"] != nil {
		t.Fatalf("list: %+v", list)
	}

	a.clock.Advance(60e9)
	var up segmentsOut
	a.do("PUT", "/v3/segments", []any{map[string]any{"id": vip, "description": "Top"}}).want(t, 201).decode(t, &up)
	if up.Data[0].Name != "VIP" || up.Data[0].Description != "Top" || up.Data[0].UpdatedAt == up.Data[0].CreatedAt {
		t.Fatalf("update: %+v", up)
	}
	// Swapping names in one request is allowed; taking another's is not.
	a.do("PUT", "/v3/segments", []any{map[string]any{"id": vip, "name": "Wholesale"}, map[string]any{"id": wholesale, "name": "VIP"}}).want(t, 201)
	a.do("PUT", "/v3/segments", []any{map[string]any{"id": vip, "name": "vip"}}).want(t, 400)
	a.do("PUT", "/v3/segments", []any{map[string]any{"id": "00000000-0000-4000-8000-000000000000", "name": "x"}}).want(t, 400)
	a.do("PUT", "/v3/segments", []any{map[string]any{"name": "x"}}).want(t, 400)

	a.do("GET", "/v3/segments?id:in="+vip, nil).want(t, 200).decode(t, &list)
	if len(list.Data) != 1 || list.Data[0].ID != vip {
		t.Fatalf("id:in: %+v", list)
	}
	a.do("GET", "/v3/segments?name=VIP", nil).want(t, 422)
	a.do("GET", "/v3/segments?id:in=7", nil).want(t, 422)
	a.do("DELETE", "/v3/segments", nil).want(t, 422)
	a.do("DELETE", "/v3/segments?id:in="+strings.ToUpper(vip), nil).want(t, 204)
	a.do("GET", "/v3/segments?limit=1&page=1", nil).want(t, 200).decode(t, &list)
	if len(list.Data) != 1 || list.Data[0].ID != wholesale {
		t.Fatalf("after delete: %+v", list)
	}
}
