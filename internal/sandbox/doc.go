// Package sandbox is an in-memory, BigCommerce-compatible API server (a
// "sandbox store") that the provider's acceptance tests, benchmarks and demo
// run against instead of a real store.
//
// It is a faithful test double of BigCommerce's customers APIs: the same
// paths, headers, status codes, JSON shapes, batch limits, rate-limit headers
// and error shapes, and it is never more lenient than BigCommerce, because it
// exists to catch client bugs. The contract is BigCommerce's OpenAPI
// description (customers.v3.yml, customers.v2.yml) and its developer docs.
//
// Served under /stores/{store_hash}/:
//
//	v3/customers                      GET POST PUT DELETE
//	v3/customers/addresses            GET POST PUT DELETE
//	v3/customers/attributes           GET POST PUT DELETE
//	v3/customers/attribute-values     GET PUT DELETE
//	v3/customers/validate-credentials POST
//	v2/customers                      GET POST DELETE (DELETE without a filter deletes every customer)
//	v2/customers/count                GET
//	v2/customers/{id}                 GET PUT DELETE
//	v2/customers/{id}/validate        POST
//	v2/customer_groups                GET POST
//	v2/customer_groups/count          GET
//	v2/customer_groups/{id}           GET PUT DELETE
//
// V2 and V3 are two views of one set of records.
//
// Where the docs and the spec disagree, or say nothing, the sandbox makes a
// choice and says so where it is made. In short:
//
//   - POST on V2 answers 201 (status-codes doc), not the spec's 200; V3 batch
//     POSTs answer 200, the only status their spec documents.
//   - A V2 collection with nothing in it answers 204 with no body.
//   - limit above 250 is refused with 413 (the status-codes doc's example),
//     not capped.
//   - An empty filter list (id:in=) is refused rather than ignored.
//   - A wrong store hash with a valid token is 403 (status-codes doc).
//   - Read-only fields (V3 PUT: registration_ip_address, origin_channel_id,
//     dates; V2: id, dates, accepts_marketing, addresses, form_fields) may be
//     sent back unchanged; a different value is refused.
//   - Strings sent as null are refused; channel_ids: null means all channels.
//   - Money has at most four decimal places; more is refused, not rounded.
//   - Passwords follow BigCommerce's default policy: seven characters with
//     letters and digits.
//   - Addresses need state_or_province (a full name) and postal_code only
//     for countries that need them (descriptions over the required list).
//   - When every address of a POST is a duplicate, the answer is the spec's
//     DuplicateAddressCollectionResponse: {}.
//   - New customers without customer_group_id join the default group, if
//     there is one.
package sandbox
