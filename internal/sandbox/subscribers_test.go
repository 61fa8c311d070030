package sandbox

import (
	"fmt"
	"testing"
)

type subscriberOut struct {
	Data subscriberV3 `json:"data"`
}

type subscribersOut struct {
	Data []subscriberV3 `json:"data"`
}

func TestSubscribers(t *testing.T) {
	a := newAPI(t, Options{})
	var one subscriberOut
	a.do("POST", "/v3/customers/subscribers", map[string]any{"email": "Jane@Example.com", "first_name": "Jane", "source": "order", "order_id": 12, "consents": []string{"marketing_newsletter"}}).want(t, 200).decode(t, &one)
	jane := one.Data
	if jane.ID != 1 || jane.ChannelID != 1 || *jane.OrderID != 12 || len(jane.Consents) != 1 {
		t.Fatalf("create: %+v", jane)
	}
	a.do("POST", "/v3/customers/subscribers", map[string]any{"email": "john@example.com"}).want(t, 200).decode(t, &one)
	if one.Data.Source != "custom" || one.Data.OrderID != nil || one.Data.Consents == nil {
		t.Fatalf("defaults: %+v", one.Data)
	}
	john := one.Data.ID
	a.do("POST", "/v3/customers/subscribers", map[string]any{"email": "JANE@example.com"}).want(t, 409)
	for name, body := range map[string]any{
		"no email":        map[string]any{"first_name": "x"},
		"bad email":       map[string]any{"email": "nope"},
		"source":          map[string]any{"email": "a@example.com", "source": "newsletter"},
		"order w/o order": map[string]any{"email": "a@example.com", "order_id": 3},
		"channel":         map[string]any{"email": "a@example.com", "channel_id": 9},
		"consent":         map[string]any{"email": "a@example.com", "consents": []string{"sms"}},
		"consent twice":   map[string]any{"email": "a@example.com", "consents": []string{"abandoned_cart", "abandoned_cart"}},
		"id":              map[string]any{"email": "a@example.com", "id": 7},
	} {
		if r := a.do("POST", "/v3/customers/subscribers", body); r.status != 422 {
			t.Errorf("%s: %d %s", name, r.status, r.body)
		}
	}

	a.do("PUT", "/v3/customers/subscribers/1", map[string]any{"order_id": nil, "source": "storefront", "consents": []string{}}).want(t, 200).decode(t, &one)
	if one.Data.OrderID != nil || one.Data.Source != "storefront" || one.Data.FirstName != "Jane" || len(one.Data.Consents) != 0 {
		t.Fatalf("update: %+v", one.Data)
	}
	a.do("PUT", "/v3/customers/subscribers/1", map[string]any{"email": "john@EXAMPLE.com"}).want(t, 409)
	a.do("PUT", "/v3/customers/subscribers/1", map[string]any{"id": 1, "email": "jane@example.com"}).want(t, 200)
	a.do("PUT", "/v3/customers/subscribers/1", map[string]any{"id": 2}).want(t, 422)
	a.do("PUT", "/v3/customers/subscribers/99", map[string]any{"first_name": "x"}).want(t, 404)
	a.do("GET", "/v3/customers/subscribers/99", nil).want(t, 404)
	a.do("GET", "/v3/customers/subscribers/1", nil).want(t, 200)

	var list subscribersOut
	for query, want := range map[string]int{
		"": 2, "?email=JANE@example.com": 1, "?source=custom": 1, "?id:in=1,2": 2, "?id=2": 1,
		"?first_name=jane": 1, "?date_created:min=2026-11-26": 2, "?date_created:max=2026-11-25": 0, "?order_id=5": 0,
	} {
		a.do("GET", "/v3/customers/subscribers"+query, nil).want(t, 200).decode(t, &list)
		if len(list.Data) != want {
			t.Errorf("list %q: %d subscribers, want %d", query, len(list.Data), want)
		}
	}
	a.do("GET", "/v3/customers/subscribers?name=x", nil).want(t, 422)

	// The collection DELETE takes only its documented filters.
	a.do("DELETE", "/v3/customers/subscribers?id:in=1", nil).want(t, 422)
	a.do("DELETE", "/v3/customers/subscribers?email=nobody@example.com", nil).want(t, 204)
	a.do("DELETE", fmt.Sprint("/v3/customers/subscribers/", john), nil).want(t, 204)
	a.do("DELETE", fmt.Sprint("/v3/customers/subscribers/", john), nil).want(t, 404)
	a.do("GET", "/v3/customers/subscribers", nil).want(t, 200).decode(t, &list)
	if len(list.Data) != 1 {
		t.Fatalf("after deletes: %d", len(list.Data))
	}
	// As documented, without a filter it deletes every subscriber.
	a.do("DELETE", "/v3/customers/subscribers", nil).want(t, 204)
	a.do("GET", "/v3/customers/subscribers", nil).want(t, 200).decode(t, &list)
	if len(list.Data) != 0 {
		t.Fatalf("after the unfiltered delete: %d", len(list.Data))
	}
}
