package bigcommerce

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

func TestSubscribers(t *testing.T) {
	c, store := startSandbox(t, sandbox.Options{Quota: -1}, nil)
	ctx := context.Background()
	jane, err := c.CreateSubscriber(ctx, SubscriberCreate{Email: "jane@example.com", FirstName: "Jane", Source: "order", OrderID: 7, Consents: []string{"marketing_newsletter"}})
	if err != nil || jane.OrderID == nil || *jane.OrderID != 7 || jane.ChannelID != 1 {
		t.Fatalf("create: %+v, %v", jane, err)
	}
	john, err := c.CreateSubscriber(ctx, SubscriberCreate{Email: "john@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateSubscriber(ctx, SubscriberCreate{Email: "JANE@example.com"}); !errors.Is(err, ErrConflict) {
		t.Fatalf("a taken e-mail: %v", err)
	}
	if _, err := c.CreateSubscriber(ctx, SubscriberCreate{Email: "x@example.com", Source: "newsletter"}); !errors.Is(err, ErrValidation) {
		t.Fatalf("an unknown source: %v", err)
	}
	got, err := c.UpdateSubscriber(ctx, SubscriberUpdate{ID: jane.ID, Source: ptr("storefront"), ClearOrderID: true, Consents: &[]string{}})
	if err != nil || got.OrderID != nil || got.FirstName != "Jane" || len(got.Consents) != 0 {
		t.Fatalf("update: %+v, %v", got, err)
	}
	if _, err := c.UpdateSubscriber(ctx, SubscriberUpdate{ID: 999, FirstName: ptr("x")}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update a missing subscriber: %v", err)
	}
	if _, err := c.UpdateSubscriber(ctx, SubscriberUpdate{ID: jane.ID, Email: ptr("John@example.com")}); !errors.Is(err, ErrConflict) {
		t.Fatalf("take another's e-mail: %v", err)
	}
	rec := store.Record()
	if _, err := c.UpdateSubscriber(ctx, SubscriberUpdate{ID: john.ID, LastName: ptr("Doe")}); err != nil {
		t.Fatal(err)
	}
	rec.Stop()
	var sent map[string]any
	if reqs := rec.Requests("PUT /v3/customers/subscribers/{id}"); len(reqs) != 1 || json.Unmarshal(reqs[0].Body, &sent) != nil || len(sent) != 1 {
		t.Fatalf("an update of one member sent %v", sent)
	}
	if g, err := c.GetSubscriber(ctx, john.ID); err != nil || g.LastName != "Doe" {
		t.Fatalf("get: %+v, %v", g, err)
	}
	for name, f := range map[string]SubscriberFilter{
		"ids": {IDs: []int{jane.ID, john.ID}}, "email": {Email: "JOHN@example.com"}, "source": {Source: "custom"},
	} {
		list, err := c.ListSubscribers(ctx, f)
		if err != nil || (name == "ids") != (len(list) == 2) || len(list) == 0 {
			t.Errorf("list by %s: %d, %v", name, len(list), err)
		}
	}
	if err := c.DeleteSubscribers(ctx, []int{jane.ID, 999}); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteSubscribers(ctx, []int{0}); err == nil {
		t.Fatal("a zero id was accepted")
	}
	if err := c.DeleteSubscriber(ctx, jane.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete a deleted subscriber: %v", err)
	}
	left, err := c.ListSubscribers(ctx, SubscriberFilter{})
	if err != nil || len(left) != 1 || left[0].ID != john.ID {
		t.Fatalf("left: %+v, %v", left, err)
	}
	if n := store.Stats().Requests["DELETE /v3/customers/subscribers"]; n != 0 {
		t.Fatalf("%d collection deletes were sent", n)
	}
}
