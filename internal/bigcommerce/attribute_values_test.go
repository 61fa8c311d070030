package bigcommerce

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
)

func TestAttributeValueReadsEitherSpelling(t *testing.T) {
	for _, body := range []string{
		`{"id":1,"customer_id":2,"attribute_id":3,"attribute_value":"Yes"}`,
		`{"id":1,"customer_id":2,"attribute_id":3,"value":"Yes"}`,
	} {
		var v AttributeValue
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatal(err)
		}
		if v != (AttributeValue{ID: 1, CustomerID: 2, AttributeID: 3, Value: "Yes"}) {
			t.Errorf("%s read as %+v", body, v)
		}
	}
}

func TestUpsertSendsAnEmptyValue(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 200, body: `{"data":[{"id":5,"customer_id":1,"attribute_id":2,"attribute_value":""}]}`}}}
	c := newTestClient(t, srv, &fakeClock{})
	if _, err := c.UpsertAttributeValue(context.Background(), AttributeValueUpsert{CustomerID: 1, AttributeID: 2}); err != nil {
		t.Fatal(err)
	}
	if want := `[{"customer_id":1,"attribute_id":2,"value":""}]`; srv.requests[0].body != want {
		t.Fatalf("sent %s, want %s", srv.requests[0].body, want)
	}
}

func TestUpsertIsRetriedAfterAServerError(t *testing.T) {
	srv := &scriptedServer{responses: []scripted{{status: 502}, {status: 200, body: `{"data":[{"id":5,"customer_id":1,"attribute_id":2,"attribute_value":"x"}]}`}}}
	c := newTestClient(t, srv, &fakeClock{})
	got, err := c.UpsertAttributeValue(context.Background(), AttributeValueUpsert{CustomerID: 1, AttributeID: 2, Value: "x"})
	if err != nil || got.ID != 5 || len(srv.requests) != 2 {
		t.Fatalf("got %+v, %v after %d requests", got, err, len(srv.requests))
	}
}

func TestCheckAttributeValue(t *testing.T) {
	for _, tt := range []struct {
		typ, value string
		ok         bool
	}{
		{"string", "", true},
		{"string", "anything", true},
		{"number", "42", true},
		{"number", "-3.5", true},
		{"number", "1e3", true},
		{"number", "forty", false},
		{"number", "", false},
		{"number", "NaN", false},
		{"number", "Inf", false},
		{"date", "2024-05-14", true},
		{"date", "2024-05-14T09:34:00Z", true},
		{"date", "2024-05-14T09:34:00+02:00", true},
		{"date", "14/05/2024", false},
		{"date", "2024-02-30", false},
		{"date", "2024-05-14T09:34:00", false},
	} {
		if err := CheckAttributeValue(tt.typ, tt.value); (err == nil) != tt.ok {
			t.Errorf("CheckAttributeValue(%q, %q) = %v, want ok=%t", tt.typ, tt.value, err, tt.ok)
		}
	}
}

func TestSandboxAttributeValues(t *testing.T) {
	c, _ := newSubresourceSandbox(t)
	ctx := context.Background()
	cid := subresourceCustomer(t, c, "values@example.com")
	other := subresourceCustomer(t, c, "other@example.com")
	size, err := c.CreateAttribute(ctx, AttributeCreate{Name: "Size", Type: "number"})
	if err != nil {
		t.Fatal(err)
	}

	if _, err := c.GetAttributeValue(ctx, cid, size.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	got, err := c.UpsertAttributeValues(ctx, []AttributeValueUpsert{{CustomerID: cid, AttributeID: size.ID, Value: "42"}, {CustomerID: other, AttributeID: size.ID, Value: "7"}})
	if err != nil || got[0].Value != "42" || got[1].Value != "7" || got[0].ID == got[1].ID {
		t.Fatalf("upserted %+v, %v", got, err)
	}
	again, err := c.UpsertAttributeValue(ctx, AttributeValueUpsert{CustomerID: cid, AttributeID: size.ID, Value: "43"})
	if err != nil || again.ID != got[0].ID || again.Value != "43" {
		t.Fatalf("second upsert %+v, %v: want the same value id %d", again, err, got[0].ID)
	}
	if _, err := c.UpsertAttributeValue(ctx, AttributeValueUpsert{CustomerID: cid, AttributeID: size.ID, Value: "large"}); !errors.Is(err, ErrValidation) {
		t.Fatalf("err = %v, want the store to refuse a non-number", err)
	}
	read, err := c.GetAttributeValue(ctx, cid, size.ID)
	if err != nil || read.Value != "43" {
		t.Fatalf("read %+v, %v", read, err)
	}
	if err := c.DeleteAttributeValue(ctx, read.ID); err != nil {
		t.Fatal(err)
	}
	left, err := c.ListAttributeValues(ctx, AttributeValueFilter{AttributeIDs: []int{size.ID}})
	if err != nil || len(left) != 1 || left[0].CustomerID != other {
		t.Fatalf("left %+v, %v", left, err)
	}
}

// TestSandboxCreateAndDeleteAttributeValueOf: a create never replaces a
// value the customer has; a delete by the pair finds the value's id, and
// one already gone is no error.
func TestSandboxCreateAndDeleteAttributeValueOf(t *testing.T) {
	c, _ := newSubresourceSandbox(t)
	ctx := context.Background()
	cid := subresourceCustomer(t, c, "create-of@example.com")
	tier, err := c.CreateAttribute(ctx, AttributeCreate{Name: "Tier", Type: "string"})
	if err != nil {
		t.Fatal(err)
	}
	created, err := c.CreateAttributeValue(ctx, AttributeValueUpsert{CustomerID: cid, AttributeID: tier.ID, Value: "Gold"})
	if err != nil || created.Value != "Gold" {
		t.Fatalf("created %+v, %v", created, err)
	}
	var exists *ValueExistsError
	if _, err := c.CreateAttributeValue(ctx, AttributeValueUpsert{CustomerID: cid, AttributeID: tier.ID, Value: "Silver"}); !errors.As(err, &exists) || exists.Existing.ID != created.ID {
		t.Fatalf("second create: err = %v, want ValueExistsError naming value %d", err, created.ID)
	}
	if read, err := c.GetAttributeValue(ctx, cid, tier.ID); err != nil || read.Value != "Gold" {
		t.Fatalf("after the refused create: %+v, %v; want Gold kept", read, err)
	}
	for range 2 {
		if err := c.DeleteAttributeValueOf(ctx, cid, tier.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.GetAttributeValue(ctx, cid, tier.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: err = %v, want ErrNotFound", err)
	}
}
