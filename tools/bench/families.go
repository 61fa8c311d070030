package main

import (
	"strings"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// Families of endpoints the store scenario reports on, in report order.
const (
	famCustomers  = "customers"
	famAddresses  = "addresses"
	famAttributes = "attributes"
	famValues     = "attribute values"
	famGroups     = "groups"
	famOther      = "other"
)

// familyOf names the family of a sandbox Stats key such as
// "PUT /v3/customers/addresses" or "GET /v2/customer_groups/{id}".
func familyOf(endpoint string) string {
	_, path, ok := strings.Cut(endpoint, " ")
	if !ok {
		path = endpoint
	}
	path, _, _ = strings.Cut(path, "?")
	switch {
	case path == "/v3/customers/addresses" || strings.HasPrefix(path, "/v3/customers/addresses/"):
		return famAddresses
	case path == "/v3/customers/attribute-values" || strings.HasPrefix(path, "/v3/customers/attribute-values/"):
		return famValues
	case path == "/v3/customers/attributes" || strings.HasPrefix(path, "/v3/customers/attributes/"):
		return famAttributes
	case path == "/v2/customer_groups" || strings.HasPrefix(path, "/v2/customer_groups/"):
		return famGroups
	case path == "/v3/customers" || path == "/v2/customers" || strings.HasPrefix(path, "/v2/customers/"):
		return famCustomers
	}
	return famOther
}

// byFamily sums per-endpoint request counts per family.
func byFamily(requests map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range requests {
		out[familyOf(k)] += v
	}
	return out
}

func ceilDiv(a, b int) int {
	if a <= 0 {
		return 0
	}
	return (a + b - 1) / b
}

// readBatch is how many items one batched read can carry when Terraform
// runs at most parallelism operations at once: the provider merges only
// calls that are in flight together, so a read batch holds at most
// min(MaxIDsPerQuery, parallelism) items.
func readBatch(parallelism int) int {
	return max(1, min(bigcommerce.MaxIDsPerQuery, parallelism))
}

// valueRequestsPerBatch is how many requests one batch of attribute values
// takes in a phase: creates and deletes read their pairs first.
func valueRequestsPerBatch(phase string) int {
	if phase == "apply" || phase == "destroy" {
		return 2
	}
	return 1
}

// idealStore is the fewest requests a phase of the store scenario can make
// per family with batching on, for n customers (each with one address and
// one attribute value), one attribute and groups customer groups:
//
//   - writes of customers, addresses and values: ceil(n/MaxBatch) (10 per
//     POST, PUT or upsert); deletes carry up to MaxIDsPerQuery ids but, like
//     reads, only what is in flight at once: ceil(n/readBatch);
//   - reads: ceil(n/readBatch) (see readBatch);
//   - a value's create must not replace one the customer has, and its
//     delete goes by the pair, not by an id a value set again outside
//     Terraform would have changed: each batch of value creates or deletes
//     reads its pairs with one listing first, twice the requests;
//   - the one attribute: 1 request when it is created, read or deleted;
//   - groups are V2, one request per group and operation: groups, except in
//     update, which changes no group (0).
func idealStore(phase string, n, groups, parallelism int) map[string]int {
	rb := readBatch(parallelism)
	batched := func(size int) int { return ceilDiv(n, size) }
	switch phase {
	case "apply":
		return map[string]int{famCustomers: batched(bigcommerce.MaxBatch), famAddresses: batched(bigcommerce.MaxBatch), famAttributes: 1, famValues: valueRequestsPerBatch(phase) * batched(bigcommerce.MaxBatch), famGroups: groups}
	case "refresh":
		return map[string]int{famCustomers: batched(rb), famAddresses: batched(rb), famAttributes: 1, famValues: batched(rb), famGroups: groups}
	case "update":
		return map[string]int{famCustomers: batched(bigcommerce.MaxBatch), famAddresses: batched(bigcommerce.MaxBatch), famAttributes: 0, famValues: batched(bigcommerce.MaxBatch), famGroups: 0}
	case "destroy":
		return map[string]int{famCustomers: batched(rb), famAddresses: batched(rb), famAttributes: 1, famValues: valueRequestsPerBatch(phase) * batched(rb), famGroups: groups}
	}
	return nil
}

// familyTarget is the request budget of a family in a phase: at most
// 1.1 × its ideal + 5.
func familyTarget(ideal int) int {
	return (ideal*11)/10 + 5
}
