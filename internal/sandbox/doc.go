// Package sandbox is an in-memory, BigCommerce-compatible API server (a
// "sandbox store") that the provider's acceptance tests, benchmarks and demo
// run against instead of a real store.
//
// It is a faithful test double of BigCommerce's customers APIs: the same
// paths, headers, status codes, JSON shapes, batch limits, rate-limit headers
// and error shapes, and it is never more lenient than BigCommerce, because it
// exists to catch client bugs. The contract is BigCommerce's OpenAPI
// description (customers.v3.yml, customers.v2.yml, segments.v3.yml,
// subscribers.v3.yml) and its developer docs.
//
// Served under /stores/{store_hash}/:
//
//	v3/customers                      GET POST PUT DELETE
//	v3/customers/addresses            GET POST PUT DELETE
//	v3/customers/attributes           GET POST PUT DELETE
//	v3/customers/attribute-values     GET PUT DELETE
//	v3/customers/validate-credentials POST
//	v3/customers/settings             GET PUT
//	v3/customers/settings/channels/{id} GET PUT
//	v3/customers/{id}/consent         GET PUT
//	v3/customers/metafields           GET POST PUT DELETE
//	v3/customers/{id}/metafields      GET POST
//	v3/customers/{id}/metafields/{id} GET PUT DELETE
//	v3/customers/subscribers          GET POST DELETE (DELETE without a filter deletes every subscriber)
//	v3/customers/subscribers/{id}     GET PUT DELETE
//	v3/segments                       GET POST PUT DELETE
//	v3/segments/{uuid}/shopper-profiles GET POST DELETE
//	v3/shopper-profiles               GET POST DELETE
//	v3/shopper-profiles/{uuid}/segments GET
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
//   - Channel customer settings show null for a setting the channel does
//     not override, and PUT takes null to drop an override, for one setting
//     or for privacy_settings or customer_group_settings as a whole. Get
//     Customer Settings per Channel: "`null` value configuration indicates
//     that there is no override provided for a given channel; thus, values
//     are inherited from Global Settings." Update Customer Settings per
//     Channel: "Setting `null` will delete override per given channel, and
//     values will be inherited from the global level." No member of
//     CustomerChannelSettingsObject is nullable. allow_global_logins has no
//     global value to inherit: null is refused there.
//
//   - A PUT that sends null while the channel's allow_global_logins is (or
//     becomes) false is refused with 422: "Make sure the channel has
//     `allow_global_logins` enabled."
//
//   - The answer of PUT /v3/customers/settings/channels/{id} has no
//     allow_global_logins: its schema is CustomerSettingsObject (its example
//     shows the member; a schema, not an example, is what the answer is
//     held to).
//
//   - GET /v3/customers/{id}/consent answers the time of the call as
//     updated_at, as consent_Full says: "Currently, this field returns the
//     time of the current API Call, not the time of last update."
//
//   - include_fields answers only the id and the named fields of each
//     metafield: "The ID and the specified fields will be returned." The
//     Metafield schema requires every field.
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
//   - An unknown channel in /v3/customers/settings/channels/{id}, and an
//     unknown customer in GET /v3/customers/{id}/metafields, are 404 ("404
//     Does Not Exist: The requested entity does not exist."); those
//     operations document no error. A store has channel 1; Store.SeedChannel
//     adds others. (channel_ids of customers are not checked against them.)
//
// Where the documents say nothing, the sandbox refuses what a client could
// not rely on, and says so where it decides:
//
//   - Options.ReadOnlyToken has only the Customers read-only scope
//     (store_v2_customers_read_only): its GETs are served and any other
//     method is refused with 403, which every operation documents as
//     "Missing scope - the v3 Auth token is valid but does not have proper
//     permissions to access this endpoint." The title is BigCommerce's own
//     wording of that answer.
//   - Store.Seed (bigcommerce-sandbox -seed-file) applies each object of a
//     seed file through the create operation's own handler, so it is
//     validated as the API validates it, outside quota and faults.
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
//   - The global customer_group_settings are the groups' is_default and
//     is_group_for_guests flags (V2 shows the same); 0 is "none", and any
//     other id must be a group. policy_url is "" or an absolute http(s) URL.
//     A member left out of a settings or consent PUT keeps its value.
//   - Consent: an unknown customer is 422, the only client error either
//     operation documents ("Invalid JSON request body - missing or invalid
//     data"). A category may not be both allowed and denied. A customer who
//     never declared anything has empty allow and deny lists.
//   - Metafields: at most 10 items per batch request (the documents give no
//     limit for metafield batches; 10 is the one they give the other
//     customer batches, "Limit of 10 customers per call"); more, an empty
//     batch or a body that is no array is the documented 400 ("Bad Request.
//     Input is invalid."). At most 50 metafields per customer, after
//     metafield_Base: "the max number of metafields allowed on each is 50".
//   - Metafields: (customer, namespace, key) is unique without regard to
//     case (the documents do not say whether case matters). A clash is 409
//     on POST and PUT of one metafield (PUT documents no clash), and an
//     item error with status 409 in a batch. A batch applies every valid
//     item, in order, and answers the documented partial success (422 with
//     data, errors and meta) when any item fails; each errors entry is one
//     item, its errors keyed by the item's index, its status 422 (invalid),
//     404 (no such metafield) or 409 (clash).
//   - DELETE /v3/customers/metafields documents no request body and no
//     filter ("Delete all customer metafields"), only answers listing
//     deleted ids with errors keyed by item: it takes the ids as a JSON
//     array body, and a request without one (or with a query) deletes
//     nothing and is refused with 400.
//   - PUT /v3/customers/{id}/metafields/{id}: the body's id, which the
//     schema requires, must be the URL's; invalid input is the documented
//     400, with the reasons in detail. resource_id cannot change in any PUT.
//   - Giving both key and key:in (or namespace and namespace:in) is
//     refused: "Could be used with vanilla 'key' query parameter" does not
//     say whether they narrow or widen the list.
//   - before and after are refused on GET /v3/customers/{id}/metafields:
//     its answer's meta (metaCollection_Full) has no cursor_pagination to
//     take a cursor from. GET /v3/customers/metafields serves them.
//   - Metafields show owner_client_id "sandbox-client-id": the sandbox has
//     one API account, so permission_set changes nothing it serves.
//
// Segments and shopper profiles (segments.v3.yml). Their ids are UUIDs
// (format: uuid); a path whose id is none matches no route (404).
//
//   - Every write carries 1 to 50 items, and every id:in names at most 50
//     ids: "Limit of *Shopper Profiles* per request is `50`." (Add Shopper
//     Profiles to a Segment) is the only per-request limit the document
//     gives. More, none, or a body that is no array is the documented 400
//     ("missing required fields, or ... invalid data"), as is a create
//     beyond "Max total segements allowed per store is 1000.".
//   - A segment's name is 1 to 255 characters and its description at most
//     255: the document gives no length. Names are unique without regard to
//     case ("Cannot have multiple segments with the same name."; the
//     document does not say whether case matters).
//   - POST /v3/segments creates every item or none: a clash is the
//     documented 409 with data [] (as its example), one error per clashing
//     item keyed by the item's index, and meta failed = total.
//   - PUT /v3/segments documents only 400: an unknown or repeated id and a
//     name clash are 400, and nothing is updated. It answers 201 and POST
//     /v3/customers/subscribers 200, as each operation documents, though
//     status-codes.mdx says "200 OK: For successful GET and PUT requests"
//     and "201 Created: For a successful POST request": an operation that
//     documents its success status is held to it.
//   - DELETE /v3/segments, /v3/shopper-profiles and
//     /v3/segments/{uuid}/shopper-profiles without id:in delete nothing and
//     are refused with 422: "Deletes one or more" does not say what no
//     filter does. Ids that match nothing are ignored. id:in is read comma
//     separated ("Comma separated IDs.") or repeated (the schema's explode).
//   - Every segments and subscribers operation refuses query parameters it
//     does not declare (422): BigCommerce ignores them, and a misspelt
//     filter would list (or delete) more than was asked for.
//   - A segments collection's meta.pagination has no links: the document's
//     Pagination has none.
//   - POST /v3/shopper-profiles: customer_id is required although the
//     schema does not require it ("The ID of a registered Customer to
//     associate with the new *Shopper Profile*"); it must be a customer of
//     the store without a profile (one profile per customer), else 400, and
//     the request creates every profile or none. Deleting a customer deletes
//     its profile and the profile's memberships.
//   - POST /v3/segments/{uuid}/shopper-profiles adds every profile or none.
//     A profile already in the segment is the documented 409: data [], one
//     error titled "Unable to add shopper profiles to segment due to
//     conflicts." whose errors are keyed by item index, as in the example.
//     An unknown profile, a repeated one or a malformed body is 400, and an
//     unknown segment 404 ("404 Does Not Exist"); the operation documents
//     neither. The answer has data only (ShopperProfilesAddResponse).
//   - Removing profiles from a segment ignores profiles not in it; listing
//     a segment's profiles, or a profile's segments, of one that does not
//     exist is 404.
//   - GET /v3/customers with include=shopper_profile_id,segment_ids shows
//     the customer's shopper profile id (null without one) and the ids of
//     the segments that profile belongs to. customer_Full defines neither
//     member: only the include parameter's text ("`shopper_profile_id` -
//     the ID of the shopper profile associated with the customer (Beta)",
//     "`segment_ids`- segments the customer belongs to (Beta)") and the
//     examples (a UUID and a list of UUIDs) do.
//
// Subscribers (subscribers.v3.yml):
//
//   - email is required on create ("**Required Fields** * email";
//     subscriber_Post's schema requires nothing), a valid address of at
//     most 255 characters (customer_Put's limit; none is given). "Must be
//     unique." does not say whether case matters: it is unique without
//     regard to case, a clash being the documented 409 on POST and PUT.
//   - source must be storefront, order or custom ("Values are:
//     `storefront`, `order`, or `custom`."; the schema takes any string up
//     to 255), else 422. A create without it gets custom: the document
//     gives no default.
//   - order_id only with source order ("The ID of the source order, if
//     source was an order."); null clears it (nullable). The sandbox has no
//     orders, so any id from 1 to 2147483647 is taken.
//   - channel_id must be a channel of the store; a create without it gets
//     channel 1. consents lists each value of its enum at most once; a
//     create without it gets [].
//   - id is read-only ("**Read Only Fields** * id"), as are the dates: a
//     create may not send them, an update only unchanged.
//   - The text filters (email, first_name, last_name, source) match whole
//     values, without regard to case. The list does not require id,
//     although IdParam is required: true: "Optional filter parameters can
//     be passed in." id:in is comma separated ("`id:in=4,5,6`").
//   - DELETE /v3/customers/subscribers without a filter deletes every
//     subscriber: "By default, it deletes all subscribers. Use a filter to
//     avoid deleting all subscribers in a store." It takes only its seven
//     documented filters (email, first_name, last_name, source, order_id,
//     date_created, date_modified); any other parameter, id:in among them,
//     is refused with 422 and deletes nothing.
//   - DELETE /v3/customers/subscribers/{id} of an unknown subscriber is 404,
//     the answer GET and PUT of the path document ("The resource was not
//     found."); the operation documents 204 only.
//   - A member an update leaves out keeps its value. An update's 422 names
//     the fields in errors, as the create's does (the update's schema
//     defines a member named "additionalProperties" instead).
//   - POST and PUT /v3/segments and the add of profiles to a segment allow
//     10 requests at once: "Limit of 10 concurrent requests."
package sandbox
