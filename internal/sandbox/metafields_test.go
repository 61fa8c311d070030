package sandbox

import (
	"fmt"
	"strings"
	"testing"
)

func mf(customerID int, key string) map[string]any {
	return map[string]any{"resource_id": customerID, "namespace": "Loyalty", "key": key, "value": "gold", "permission_set": "app_only"}
}

type mfWrite struct {
	Data   []metafieldV3
	Errors []itemError
	Meta   writeMeta
}

func TestMetafieldBatchesSucceedPartly(t *testing.T) {
	a := newAPI(t, Options{})
	ids := a.store.SeedCustomers(2, 0)
	jane, john := ids[0], ids[1]

	var w mfWrite
	a.do("POST", "/v3/customers/metafields", []any{mf(jane, "tier"), mf(john, "tier")}).want(t, 200).decode(t, &w)
	if len(w.Data) != 2 || len(w.Errors) != 0 || w.Meta != (writeMeta{2, 2, 0}) || w.Data[0].ResourceType != "customer" || w.Data[1].ResourceID != john {
		t.Fatalf("create: %+v", w)
	}
	tier := w.Data[0].ID

	bad := mf(jane, "x")
	bad["permission_set"] = "everyone"
	clash := mf(jane, "TIER") // case does not make a key another
	a.do("POST", "/v3/customers/metafields", []any{mf(jane, "since"), bad, clash, mf(999, "tier"), mf(jane, "since")}).want(t, 422).decode(t, &w)
	if len(w.Data) != 1 || w.Data[0].Key != "since" || w.Meta != (writeMeta{5, 1, 4}) {
		t.Fatalf("partial create: %+v", w)
	}
	statuses := map[string]int{}
	for _, e := range w.Errors {
		for k := range e.Errors {
			statuses[strings.SplitN(k, ".", 2)[0]] = e.Status
		}
	}
	if fmt.Sprint(statuses) != "map[1:422 2:409 3:422 4:409]" {
		t.Fatalf("item errors by index: %v (%+v)", statuses, w.Errors)
	}

	a.do("PUT", "/v3/customers/metafields", []any{
		map[string]any{"id": tier, "value": "platinum"},
		map[string]any{"id": 999, "value": "x"},
		map[string]any{"id": tier, "value": "again"},
		map[string]any{"id": w.Data[0].ID, "key": "tier"},
		map[string]any{"value": "no id"},
		map[string]any{"id": tier, "resource_id": john},
	}).want(t, 422).decode(t, &w)
	if len(w.Data) != 1 || w.Data[0].Value != "platinum" || w.Meta != (writeMeta{6, 1, 5}) {
		t.Fatalf("partial update: %+v", w)
	}

	var del struct {
		Data   []int
		Errors []itemError
		Meta   writeMeta
	}
	a.do("DELETE", "/v3/customers/metafields", []int{tier, 999}).want(t, 422).decode(t, &del)
	if len(del.Data) != 1 || del.Data[0] != tier || len(del.Errors) != 1 || del.Errors[0].Status != 404 {
		t.Fatalf("partial delete: %+v", del)
	}
	// Never everything: no body, a query, an empty list, too many ids.
	a.do("DELETE", "/v3/customers/metafields", nil).want(t, 400)
	a.do("DELETE", "/v3/customers/metafields?id:in=1", []int{1}).want(t, 400)
	a.do("DELETE", "/v3/customers/metafields", []int{}).want(t, 400)
	a.do("DELETE", "/v3/customers/metafields", make([]int, maxMetafieldsPerBatch+1)).want(t, 400)
	a.do("POST", "/v3/customers/metafields", repeat(maxMetafieldsPerBatch+1, func(i int) map[string]any { return mf(jane, fmt.Sprint("k", i)) })).want(t, 400)
	a.do("POST", "/v3/customers/metafields", map[string]any{}).want(t, 400)
	if n := len(a.store.st.metafields); n != 2 {
		t.Fatalf("%d metafields left, want 2", n)
	}
}

func TestMetafieldFieldsFollowTheSchema(t *testing.T) {
	a := newAPI(t, Options{})
	id := a.store.SeedCustomers(1, 0)[0]
	base := fmt.Sprintf("/v3/customers/%d/metafields", id)
	for name, edit := range map[string]func(m map[string]any){
		"no namespace":         func(m map[string]any) { delete(m, "namespace") },
		"empty key":            func(m map[string]any) { m["key"] = "" },
		"key of 65":            func(m map[string]any) { m["key"] = strings.Repeat("k", 65) },
		"namespace of 65":      func(m map[string]any) { m["namespace"] = strings.Repeat("n", 65) },
		"empty value":          func(m map[string]any) { m["value"] = "" },
		"value of 65536":       func(m map[string]any) { m["value"] = strings.Repeat("v", 65536) },
		"description of 256":   func(m map[string]any) { m["description"] = strings.Repeat("d", 256) },
		"no permission_set":    func(m map[string]any) { delete(m, "permission_set") },
		"other permission_set": func(m map[string]any) { m["permission_set"] = "public" },
		"value not a string":   func(m map[string]any) { m["value"] = 5 },
		"another customer":     func(m map[string]any) { m["resource_id"] = id + 1 },
	} {
		t.Run(name, func(t *testing.T) {
			m := mf(id, "tier")
			edit(m)
			a.do("POST", base, m).want(t, 422)
		})
	}
	long := mf(id, strings.Repeat("k", 64))
	long["namespace"], long["value"], long["description"] = strings.Repeat("n", 64), strings.Repeat("v", 65535), strings.Repeat("d", 255)
	for _, perm := range []string{"app_only", "read", "write", "read_and_sf_access", "write_and_sf_access"} {
		long["permission_set"] = perm
		long["key"] = perm
		a.do("POST", base, long).want(t, 200)
	}
	a.do("POST", base, long).want(t, 409)
	a.do("POST", "/v3/customers/999/metafields", mf(999, "tier")).want(t, 422)
	for i := 5; i < maxMetafieldsPerCustomer; i++ {
		a.do("POST", base, mf(id, fmt.Sprint("k", i))).want(t, 200)
	}
	a.do("POST", base, mf(id, "one too many")).want(t, 422)
}

func TestMetafieldOfACustomer(t *testing.T) {
	a := newAPI(t, Options{})
	ids := a.store.SeedCustomers(2, 0)
	base := fmt.Sprintf("/v3/customers/%d/metafields", ids[0])
	var w mfWrite
	a.do("POST", base, mf(ids[0], "tier")).want(t, 200).decode(t, &w)
	id := w.Data[0].ID
	a.do("POST", base, mf(ids[0], "since")).want(t, 200)
	one := fmt.Sprintf("%s/%d", base, id)

	var got struct{ Data metafieldV3 }
	a.do("GET", one, nil).want(t, 200).decode(t, &got)
	if got.Data.Key != "tier" || got.Data.OwnerClientID == "" {
		t.Fatalf("get: %+v", got.Data)
	}
	a.do("GET", fmt.Sprintf("/v3/customers/%d/metafields/%d", ids[1], id), nil).want(t, 404)
	a.do("GET", base+"/999", nil).want(t, 404)
	a.do("PUT", one, map[string]any{"id": id, "value": "silver", "description": "since 2024"}).want(t, 200).decode(t, &w)
	if w.Data[0].Value != "silver" || w.Data[0].Key != "tier" {
		t.Fatalf("put: %+v", w.Data)
	}
	a.do("PUT", one, map[string]any{"value": "silver"}).want(t, 400)
	a.do("PUT", one, map[string]any{"id": id + 1, "value": "silver"}).want(t, 400)
	a.do("PUT", one, map[string]any{"id": id, "permission_set": "x"}).want(t, 400)
	a.do("PUT", one, map[string]any{"id": id, "key": "Since"}).want(t, 409)

	var page struct {
		Data []map[string]any
		Meta listMeta
	}
	a.do("GET", base+"?key=since", nil).want(t, 200).decode(t, &page)
	if len(page.Data) != 1 || page.Meta.Pagination.Total != 1 {
		t.Fatalf("key=since: %+v", page)
	}
	a.do("GET", "/v3/customers/metafields?namespace:in=Loyalty,Other&direction=desc&limit=1", nil).want(t, 200).decode(t, &page)
	if len(page.Data) != 1 || page.Data[0]["key"] != "since" || page.Meta.Pagination.TotalPages != 2 {
		t.Fatalf("namespace:in, desc, limit 1: %+v", page)
	}
	page.Data = nil // decoding into the old maps would merge them
	a.do("GET", "/v3/customers/metafields?include_fields=key", nil).want(t, 200).decode(t, &page)
	if len(page.Data[0]) != 2 || page.Data[0]["key"] == nil || page.Data[0]["id"] == nil {
		t.Fatalf("include_fields=key: %v", page.Data[0])
	}
	start := encodeCursor(id)
	page.Data, page.Meta = nil, listMeta{}
	a.do("GET", "/v3/customers/metafields?after="+start, nil).want(t, 200).decode(t, &page)
	if len(page.Data) != 1 || page.Data[0]["key"] != "since" || page.Meta.CursorPagination == nil || page.Meta.Pagination != nil {
		t.Fatalf("after the first: %+v", page)
	}
	for _, q := range []string{"key=a&key:in=b", "direction=up", "include_fields=secret", "after=nonsense", "limit=251"} {
		if r := a.do("GET", "/v3/customers/metafields?"+q, nil); r.status < 400 {
			t.Errorf("?%s: %d", q, r.status)
		}
	}
	a.do("GET", base+"?after="+start, nil).want(t, 422)
	a.do("GET", "/v3/customers/999/metafields", nil).want(t, 404)

	a.do("DELETE", one, nil).want(t, 204)
	a.do("DELETE", one, nil).want(t, 404)
	if got := a.store.Stats().Requests["DELETE /v3/customers/{id}/metafields/{id2}"]; got != 2 {
		t.Errorf("stats counted %d deletes of one metafield", got)
	}
	// Deleting the customer deletes its metafields.
	a.do("DELETE", fmt.Sprintf("/v3/customers?id:in=%d", ids[0]), nil).want(t, 204)
	if n := len(a.store.st.metafields); n != 0 {
		t.Fatalf("%d metafields outlived their customer", n)
	}
}
