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
// It validates requests and shapes answers exactly as the published OpenAPI
// documents do. It departs from a document's schema only where that
// document's own text, for the same operation, says otherwise; each such
// exception, with its sentence:
//
//   - POST /v3/customers accepts channel_ids: null (global access), and its
//     answer shows channel_ids: null for such a customer. Create Customers:
//     "Omit `channel_ids` field, or provide `channel_ids: null`." No schema of
//     channel_ids is nullable. PUT /v3/customers has no such sentence, so an
//     update refuses null.
//
// Where the developer docs' status-codes page and a schema disagree, the
// page is followed:
//
//   - POST /v2/customers and POST /v2/customer_groups answer 201, not the
//     spec's 200: "201 Created: For a successful POST request."
//   - limit above 250 is refused with 413, not capped: "413 Request Entity
//     Too Large: When the client requests too many objects. For example, the
//     limit parameter exceeded the maximum."
//   - A wrong store hash with a valid token is 403: "URL requested is
//     incorrect."
//
// Where the documents say nothing, the sandbox refuses what a client could
// not rely on, and says so where it decides:
//
//   - POST /v3/customers ignores registration_ip_address: customer_Post has
//     no such field, and getCustomers says "If the customer was created using
//     the API, then registration address is blank". V2's Update a Customer
//     sets it.
//   - PUT /v2/customers/{id} answers customer_Base, as documented: no id and
//     no dates, unlike every other V2 customer answer.
//   - Form fields are typed by the store's form (Options.FormFields, else
//     DefaultFormFields): text fields take a JSON string, number fields a
//     number, checkbox fields a list of strings; another type, or a name the
//     form does not define, is refused with 422. V2 shows every value as a
//     string, as customers.v2.yml types it (a number or a list as its JSON
//     text).
//   - An empty filter list (id:in=) is refused rather than ignored.
//   - A V2 collection with nothing in it answers 204 with no body.
//   - Read-only fields (V3 PUT: registration_ip_address, origin_channel_id,
//     dates; V2: id, dates, accepts_marketing, addresses, form_fields) may be
//     sent back unchanged; a different value is refused.
//   - Strings sent as null are refused: no string of the documents is
//     nullable.
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
