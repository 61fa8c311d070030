package batch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// fakeStore refuses any request holding a bad item, all or nothing, the way
// BigCommerce does, and records what it was sent.
type fakeStore struct {
	bad      map[int]bool
	indexed  bool // name the bad items ("2.email") or not (".customer_create")
	requests [][]int
}

func (s *fakeStore) send(_ context.Context, items []int) ([]Result[int], error) {
	s.requests = append(s.requests, slices.Clone(items))
	fields := map[string]string{}
	for i, v := range items {
		if s.bad[v] {
			if s.indexed {
				fields[fmt.Sprintf("%d.email", i)] = fmt.Sprintf("item %d is invalid", v)
			} else {
				fields[".customer_create"] = "Error creating customers"
			}
		}
	}
	if len(fields) > 0 {
		return nil, &bigcommerce.APIError{Method: "POST", Path: "/customers", Status: http.StatusUnprocessableEntity, Title: "Create customers failed.", Fields: fields}
	}
	results := make([]Result[int], len(items))
	for i, v := range items {
		results[i].Value = 10 * v
	}
	return results, nil
}

func checkResults(t *testing.T, got []Result[int], bad map[int]bool) {
	t.Helper()
	for v, r := range got {
		if bad[v] {
			var apiErr *bigcommerce.APIError
			if !errors.As(r.Err, &apiErr) || !errors.Is(r.Err, bigcommerce.ErrValidation) {
				t.Errorf("item %d: got %v, want its own validation error", v, r.Err)
			}
			continue
		}
		if r.Err != nil || r.Value != 10*v {
			t.Errorf("item %d: got %d, %v; want %d", v, r.Value, r.Err, 10*v)
		}
	}
}

func TestResendAttributesIndexedErrors(t *testing.T) {
	store := &fakeStore{bad: map[int]bool{3: true, 7: true}, indexed: true}
	items := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	got := Resend(context.Background(), items, store.send)
	checkResults(t, got, store.bad)

	want := [][]int{items, {0, 1, 2, 4, 5, 6, 8, 9}}
	if diff := cmp.Diff(want, store.requests); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	// Each bad item's error carries its own fields, the index resolved.
	var itemErr *bigcommerce.ItemError
	if !errors.As(got[7].Err, &itemErr) {
		t.Fatalf("item 7: got %T %v, want an *ItemError", got[7].Err, got[7].Err)
	}
	if diff := cmp.Diff(map[string]string{"email": "item 7 is invalid"}, itemErr.Fields); diff != "" {
		t.Errorf("item 7's error fields (-want +got):\n%s", diff)
	}
}

func TestResendNarrowsDownUnindexedRefusal(t *testing.T) {
	store := &fakeStore{bad: map[int]bool{5: true}}
	items := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	got := Resend(context.Background(), items, store.send)
	checkResults(t, got, store.bad)
	// Halving finds one bad item in about 2*log2(10) requests, not 10.
	if n := len(store.requests); n > 8 {
		t.Errorf("%d requests to isolate one bad item: %v", n, store.requests)
	}
}

func TestResendOtherFailuresAreEveryItems(t *testing.T) {
	boom := &bigcommerce.OutcomeUnknownError{Method: "POST", Path: "/customers", Err: errors.New("connection reset")}
	calls := 0
	send := func(context.Context, []int) ([]Result[int], error) { calls++; return nil, boom }
	for i, r := range Resend(context.Background(), []int{1, 2, 3}, send) {
		if !errors.Is(r.Err, boom) {
			t.Errorf("item %d: got %v, want the request's error", i, r.Err)
		}
	}
	if calls != 1 {
		t.Errorf("%d requests; a failure that may have been applied must not be re-sent", calls)
	}
}

func TestInRoundsKeepsSameKeyApart(t *testing.T) {
	var rounds [][]string
	items := []string{"a", "b", "A", "c", "a"}
	key := func(s string) string { return string(s[0] | 0x20) } // lower case
	got := InRounds(items, key, func(round []string) []Result[string] {
		rounds = append(rounds, round)
		out := make([]Result[string], len(round))
		for i, s := range round {
			out[i].Value = s + "!"
		}
		return out
	})
	if diff := cmp.Diff([][]string{{"a", "b", "c"}, {"A"}, {"a"}}, rounds); diff != "" {
		t.Errorf("rounds (-want +got):\n%s", diff)
	}
	for i, r := range got {
		if r.Value != items[i]+"!" {
			t.Errorf("item %d got %q", i, r.Value)
		}
	}
}
