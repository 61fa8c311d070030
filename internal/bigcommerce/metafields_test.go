package bigcommerce

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func TestCustomerMetafieldBatches(t *testing.T) {
	c, store := startSandbox(t, sandbox.Options{Quota: -1}, nil)
	ctx := context.Background()
	ids := store.SeedCustomers(2, 0)
	var in []MetafieldCreate
	for i := range MaxMetafieldsPerBatch + 3 { // two requests
		in = append(in, MetafieldCreate{CustomerID: ids[i%2], Namespace: "Loyalty", Key: fmt.Sprint("k", i), Value: "v", PermissionSet: "read"})
	}
	in[4].PermissionSet = "everyone" // invalid
	in[11].Key = in[1].Key           // a clash with an earlier request's item
	in = append(in, MetafieldCreate{CustomerID: 999, Namespace: "Loyalty", Key: "k", Value: "v", PermissionSet: "read"})
	res, err := c.CreateCustomerMetafields(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(in) {
		t.Fatalf("%d results for %d items", len(res), len(in))
	}
	for i, r := range res {
		switch i {
		case 4, 13:
			if !errors.Is(r.Err, ErrValidation) || r.Err.Index != i || r.Metafield != nil {
				t.Errorf("item %d: %+v, want a validation error", i, r)
			}
		case 11:
			if !errors.Is(r.Err, ErrConflict) || r.Err.Index != 11 {
				t.Errorf("item 11: %+v, want a conflict", r)
			}
		default:
			if r.Err != nil || r.Metafield.Key != in[i].Key || r.Metafield.ResourceID != in[i].CustomerID {
				t.Errorf("item %d: %+v, %v", i, r.Metafield, r.Err)
			}
		}
	}
	if err := res.Err(); !errors.Is(err, ErrConflict) || !errors.Is(err, ErrValidation) {
		t.Fatalf("joined: %v", err)
	}

	mine, err := c.ListCustomerMetafields(ctx, MetafieldFilter{CustomerID: ids[0]})
	if err != nil || len(mine) != 6 { // 0 2 6 8 10 12; 4 was refused
		t.Fatalf("the first customer's: %d, %v", len(mine), err)
	}
	some, err := c.ListCustomerMetafields(ctx, MetafieldFilter{Keys: []string{"k1", "k2"}, Namespaces: []string{"Loyalty"}})
	if err != nil || len(some) != 2 {
		t.Fatalf("by key:in: %v, %v", some, err)
	}
	if _, err := c.ListCustomerMetafields(ctx, MetafieldFilter{CustomerID: 999}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("an unknown customer's: %v", err)
	}

	up, err := c.UpdateCustomerMetafields(ctx, []MetafieldUpdate{
		{ID: res[0].Metafield.ID, Value: ptr("gold")},
		{ID: 999, Value: ptr("x")},
		{ID: res[2].Metafield.ID, Key: ptr("K0")}, // the key of item 0, case aside
	})
	if err != nil {
		t.Fatal(err)
	}
	if up[0].Metafield.Value != "gold" || !errors.Is(up[1].Err, ErrNotFound) || !errors.Is(up[2].Err, ErrConflict) {
		t.Fatalf("update: %+v %+v %+v", up[0], up[1].Err, up[2].Err)
	}

	all, err := c.ListCustomerMetafields(ctx, MetafieldFilter{})
	if err != nil {
		t.Fatal(err)
	}
	del := []int{999}
	for _, m := range all {
		del = append(del, m.ID)
	}
	deleted, refused, err := c.DeleteCustomerMetafields(ctx, del)
	if err != nil {
		t.Fatal(err)
	}
	if len(deleted) != len(all) || len(refused) != 1 || refused[0].Index != 0 || !errors.Is(refused[0], ErrNotFound) {
		t.Fatalf("delete: %d deleted of %d, refused %v", len(deleted), len(all), refused)
	}
	if n, _ := c.ListCustomerMetafields(ctx, MetafieldFilter{}); len(n) != 0 {
		t.Fatalf("%d metafields left", len(n))
	}
}

func TestCustomerMetafield(t *testing.T) {
	c, store := startSandbox(t, sandbox.Options{Quota: -1}, nil)
	ctx := context.Background()
	id := store.SeedCustomers(1, 0)[0]
	in := MetafieldCreate{CustomerID: id, Namespace: "Loyalty", Key: "tier", Value: "gold", PermissionSet: "app_only", Description: "since 2024"}
	m, err := c.CreateCustomerMetafield(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if m.ResourceID != id || m.ResourceType != "customer" || m.Description != "since 2024" {
		t.Fatalf("create: %+v", m)
	}
	if _, err := c.CreateCustomerMetafield(ctx, in); !errors.Is(err, ErrConflict) {
		t.Fatalf("the same key again: %v, want ErrConflict", err)
	}
	if got, err := c.GetCustomerMetafield(ctx, id, m.ID); err != nil || *got != *m {
		t.Fatalf("get: %+v, %v; want %+v", got, err, m)
	}
	got, err := c.UpdateCustomerMetafield(ctx, id, MetafieldUpdate{ID: m.ID, Value: ptr("platinum"), PermissionSet: ptr("write")})
	if err != nil || got.Value != "platinum" || got.PermissionSet != "write" || got.Key != "tier" {
		t.Fatalf("update: %+v, %v", got, err)
	}
	if _, err := c.UpdateCustomerMetafield(ctx, id, MetafieldUpdate{ID: m.ID, Key: ptr("")}); !errors.Is(err, ErrValidation) {
		t.Fatalf("an empty key: %v", err)
	}
	if err := c.DeleteCustomerMetafield(ctx, id, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetCustomerMetafield(ctx, id, m.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a deleted metafield: %v", err)
	}
}
