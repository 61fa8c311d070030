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

// checkSafety refuses requests that would delete more than the caller named.
// V2 `DELETE /customers` without a filter deletes every customer in the store,
// so the client never sends a V2 collection delete at all; V3 collection
// deletes must name their ids.
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
	return nil
}
