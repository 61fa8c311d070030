package bigcommerce

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestCreateAttributeOverTheLimitSaysSo(t *testing.T) {
	var list strings.Builder
	list.WriteString(`{"data":[`)
	for i := range MaxCustomerAttributes {
		if i > 0 {
			list.WriteString(",")
		}
		fmt.Fprintf(&list, `{"id":%d,"name":"a%d","type":"string"}`, i+1, i)
	}
	list.WriteString(`],"meta":{"pagination":{"total":50,"count":50,"current_page":1,"total_pages":1}}}`)
	srv := &scriptedServer{responses: []scripted{
		{status: 422, body: `{"status":422,"title":"Create customer attributes failed.","errors":{"0":"Maximum number of attributes reached"}}`},
		{status: 200, body: list.String()},
	}}
	c := newTestClient(t, srv, &fakeClock{})
	_, err := c.CreateAttribute(context.Background(), AttributeCreate{Name: "one too many", Type: "string"})
	var limit *AttributeLimitError
	if !errors.As(err, &limit) || limit.Count != 50 || !errors.Is(err, ErrValidation) {
		t.Fatalf("err = %v, want an AttributeLimitError", err)
	}
	if !strings.Contains(err.Error(), "allows at most 50 customer attributes") {
		t.Fatalf("message %q", err)
	}
}

func TestCreateAttributeFieldErrorsAreNotMistakenForTheLimit(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{
		{status: 422, body: `{"status":422,"title":"Create customer attributes failed.","errors":{"0.name":"An attribute named \"x\" already exists."}}`},
	}}
	c := newTestClient(t, srv, &fakeClock{})
	_, err := c.CreateAttribute(context.Background(), AttributeCreate{Name: "x", Type: "string"})
	var limit *AttributeLimitError
	if errors.As(err, &limit) || !errors.Is(err, ErrValidation) {
		t.Fatalf("err = %v, want the store's validation error as is", err)
	}
	if len(srv.requests) != 1 {
		t.Fatalf("sent %d requests, want 1", len(srv.requests))
	}
}

func TestCreateAttributeReconcilesALostResponseByName(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{
		{status: 502},
		{status: 200, body: `{"data":[{"id":9,"name":"Date Joined","type":"date"}]}`},
	}}
	c := newTestClient(t, srv, &fakeClock{})
	got, err := c.CreateAttribute(context.Background(), AttributeCreate{Name: "Date Joined", Type: "date"})
	if err != nil || got.ID != 9 {
		t.Fatalf("got %+v, %v", got, err)
	}
	if len(srv.requests) != 2 || srv.requests[1].method != http.MethodGet || srv.requests[1].query != "limit=250&name=Date+Joined&page=1" {
		t.Fatalf("requests %+v", srv.requests)
	}
}

func TestGetAttributeNotFound(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `{"data":[{"id":1,"name":"a","type":"string"}]}`}}}
	c := newTestClient(t, srv, &fakeClock{})
	if _, err := c.GetAttribute(context.Background(), 2); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestSandboxAttributesUpToTheLimit(t *testing.T) {
	c, loser := newSubresourceSandbox(t)
	ctx := context.Background()

	// A lost response is reconciled by name: one attribute, not two.
	loser.loseNext(1, http.MethodPost, "/customers/attributes", true)
	joined, err := c.CreateAttribute(ctx, AttributeCreate{Name: "Date Joined", Type: "date"})
	if err != nil {
		t.Fatal(err)
	}
	if loser.matched() != 1 {
		t.Fatalf("sent %d creates, want 1", loser.matched())
	}
	renamed, err := c.UpdateAttribute(ctx, AttributeUpdate{ID: joined.ID, Name: "Joined"})
	if err != nil || renamed.Name != "Joined" || renamed.Type != "date" {
		t.Fatalf("renamed %+v, %v", renamed, err)
	}

	batch := make([]AttributeCreate, MaxCustomerAttributes-1)
	for i := range batch {
		batch[i] = AttributeCreate{Name: fmt.Sprintf("attr %02d", i), Type: "string"}
	}
	if _, err := c.CreateAttributes(ctx, batch); err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateAttribute(ctx, AttributeCreate{Name: "one too many", Type: "number"})
	var limit *AttributeLimitError
	if !errors.As(err, &limit) || limit.Count != MaxCustomerAttributes {
		t.Fatalf("err = %v, want an AttributeLimitError", err)
	}
	all, err := c.ListAttributes(ctx, AttributeFilter{})
	if err != nil || len(all) != MaxCustomerAttributes {
		t.Fatalf("listed %d, %v", len(all), err)
	}
	found, err := c.FindAttributeByName(ctx, "JOINED")
	if err != nil || found.ID != joined.ID {
		t.Fatalf("found %+v, %v", found, err)
	}
	if err := c.DeleteAttribute(ctx, joined.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetAttribute(ctx, joined.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	if _, err := c.UpdateAttribute(ctx, AttributeUpdate{ID: joined.ID, Name: "Gone"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("renaming a deleted attribute: err = %v, want ErrNotFound", err)
	}
}
