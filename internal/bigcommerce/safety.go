package bigcommerce

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// collectionDeletes are the V3 collection endpoints whose DELETE removes
// whatever `id:in` names.
var collectionDeletes = map[string]bool{
	"/customers":                  true,
	"/customers/addresses":        true,
	"/customers/attributes":       true,
	"/customers/attribute-values": true,
}

// uuidDeletes are the V3 collection endpoints of segments.v3.yml whose
// DELETE removes (or, for a segment's profiles, unlinks) whatever `id:in`
// names: UUIDs.
var uuidDeletes = map[string]bool{
	"/segments":         true,
	"/shopper-profiles": true,
}

// isSegmentProfiles matches /segments/{segmentId}/shopper-profiles.
func isSegmentProfiles(path string) bool {
	rest, ok := strings.CutPrefix(path, "/segments/")
	id, tail, _ := strings.Cut(rest, "/")
	return ok && tail == "shopper-profiles" && isUUID(id)
}

// isUUID reports the canonical 8-4-4-4-12 hexadecimal form.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return false
			}
		}
	}
	return true
}

// bodyIDDeletes are the V3 collection endpoints whose DELETE removes the
// ids its body lists. DELETE /v3/customers/metafields documents neither a
// body nor a filter ("Delete all customer metafields").
var bodyIDDeletes = map[string]bool{
	"/customers/metafields": true,
}

// checkSafety refuses requests that would delete more than the caller named.
// V2 `DELETE /customers` without a filter deletes every customer in the store,
// so the client never sends a V2 collection delete at all; V3 collection
// deletes must name their ids, in id:in or in the body. V3 DELETE
// /customers/subscribers is never sent: "By default, it deletes all
// subscribers", and none of its filters names subscribers by id.
func checkSafety(r request) error {
	if r.method != http.MethodDelete {
		return nil
	}
	path := strings.TrimRight(r.path, "/")
	if r.version == "v2" && (path == "/customers" || path == "/customer_groups" || strings.HasSuffix(path, "/addresses")) {
		return fmt.Errorf("refusing to send DELETE /v2%s: it deletes every record of the store", path)
	}
	if r.version == "v3" && collectionDeletes[path] {
		ids := r.query.Get("id:in")
		if ids == "" || len(r.query) != 1 {
			return fmt.Errorf("refusing to send DELETE /v3%s without an id:in filter", path)
		}
		for _, id := range strings.Split(ids, ",") {
			if n, err := strconv.Atoi(id); err != nil || n <= 0 {
				return fmt.Errorf("refusing to send DELETE /v3%s: id:in holds %q, not a positive id", path, id)
			}
		}
	}
	if r.version == "v3" && path == "/customers/subscribers" {
		return fmt.Errorf("refusing to send DELETE /v3%s: without a filter it deletes every subscriber, and it has no id filter; delete subscribers one by one", path)
	}
	if r.version == "v3" && (uuidDeletes[path] || isSegmentProfiles(path)) {
		ids := r.query.Get("id:in")
		if ids == "" || len(r.query) != 1 || len(r.query["id:in"]) != 1 {
			return fmt.Errorf("refusing to send DELETE /v3%s without an id:in filter", path)
		}
		for _, id := range strings.Split(ids, ",") {
			if !isUUID(id) {
				return fmt.Errorf("refusing to send DELETE /v3%s: id:in holds %q, not a UUID", path, id)
			}
		}
	}
	if r.version == "v3" && bodyIDDeletes[path] {
		ids, ok := r.body.([]int)
		if !ok || len(ids) == 0 || len(r.query) != 0 {
			return fmt.Errorf("refusing to send DELETE /v3%s without a body listing the ids to delete", path)
		}
		for _, id := range ids {
			if id <= 0 {
				return fmt.Errorf("refusing to send DELETE /v3%s: the ids include %d, not a positive id", path, id)
			}
		}
	}
	return nil
}
