package batch

import (
	"context"
	"errors"
	"strconv"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// Send makes one request for items and returns one Result per item, or an
// error when the request as a whole failed.
type Send[In, Out any] func(ctx context.Context, items []In) ([]Result[Out], error)

// Resend sends items as one request. BigCommerce refuses a whole batch when
// one item is invalid (422 with index-keyed errors such as "2.email"), and
// applies nothing: the items it names get their own error and the others are
// sent again, so one bad item never fails its neighbours. A refusal that
// names no item is narrowed down by halving the batch. Any other failure
// (5xx, lost connection, cancellation) is every item's.
func Resend[In, Out any](ctx context.Context, items []In, send Send[In, Out]) []Result[Out] {
	results := make([]Result[Out], len(items))
	pending := make([]int, len(items)) // positions in items still to send
	for i := range pending {
		pending[i] = i
	}
	for len(pending) > 0 {
		sub := pick(items, pending)
		got, err := send(ctx, sub)
		if err == nil {
			for i, p := range pending {
				results[p] = got[i]
			}
			return results
		}
		if perItem := itemErrors(err, len(sub)); len(perItem) > 0 {
			var rest []int
			for i, p := range pending {
				if e, ok := perItem[i]; ok {
					results[p].Err = e
				} else {
					rest = append(rest, p)
				}
			}
			pending = rest
			continue
		}
		if len(pending) > 1 && refused(err) {
			half := len(pending) / 2
			for _, part := range [][]int{pending[:half], pending[half:]} {
				for i, r := range Resend(ctx, pick(items, part), send) {
					results[part[i]] = r
				}
			}
			return results
		}
		for _, p := range pending {
			results[p].Err = err
		}
		return results
	}
	return results
}

func pick[T any](items []T, positions []int) []T {
	out := make([]T, len(positions))
	for i, p := range positions {
		out[i] = items[p]
	}
	return out
}

// refused reports an answer that refuses the request as sent: nothing was
// applied, and sending fewer items may succeed.
func refused(err error) bool {
	return errors.Is(err, bigcommerce.ErrValidation) || errors.Is(err, bigcommerce.ErrConflict)
}

// itemErrors splits a refusal by item: for each item that BigCommerce's
// field map names (in a batch of n), an *bigcommerce.ItemError with that
// item's fields. Fields that name no item are left out: they describe the
// batch.
func itemErrors(err error, n int) map[int]error {
	var apiErr *bigcommerce.APIError
	if !errors.As(err, &apiErr) || !refused(err) {
		return nil
	}
	out := map[int]error{}
	for idx, fields := range apiErr.ItemFields() {
		if idx < 0 || idx >= n {
			continue
		}
		out[idx] = &bigcommerce.ItemError{Request: apiErr, Fields: fields}
	}
	return out
}

// InRounds runs items in rounds in which no two items share a key, so that
// two calls about the same customer never share a request: the store would
// refuse the second as a duplicate of the first, where one after the other
// both get the answer they would get alone.
func InRounds[In any, K comparable, Out any](items []In, key func(In) K, run func([]In) []Result[Out]) []Result[Out] {
	round := make([]int, len(items))
	seen := map[K]int{}
	rounds := 0
	for i, in := range items {
		k := key(in)
		round[i] = seen[k]
		seen[k]++
		rounds = max(rounds, round[i]+1)
	}
	results := make([]Result[Out], len(items))
	for r := range rounds {
		var positions []int
		for i := range items {
			if round[i] == r {
				positions = append(positions, i)
			}
		}
		for i, res := range run(pick(items, positions)) {
			results[positions[i]] = res
		}
	}
	return results
}

// notFound is the error a per-customer call gets for a customer the store
// does not have, as the client's single-customer methods report it.
func notFound(method string, id int) error {
	return &bigcommerce.APIError{Method: method, Path: "/customers", Status: 404, Title: "customer " + strconv.Itoa(id) + " does not exist"}
}

// matchByKey answers each key with the item of got that has it (keyOf),
// or with missing's error when got has none: a batch read's listing holds
// what the store has, in its own order.
func matchByKey[K comparable, T any](keys []K, got []T, keyOf func(T) K, missing func(K) error) []Result[*T] {
	byKey := make(map[K]*T, len(got))
	for i := range got {
		byKey[keyOf(got[i])] = &got[i]
	}
	results := make([]Result[*T], len(keys))
	for i, k := range keys {
		if v, ok := byKey[k]; ok {
			results[i].Value = v
		} else {
			results[i].Err = missing(k)
		}
	}
	return results
}
