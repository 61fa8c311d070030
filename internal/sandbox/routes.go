package sandbox

import (
	"strconv"
	"strings"
	"sync/atomic"
)

// route is one endpoint: its method and path pattern, its handler, and how
// many requests may run in it at once.
type route struct {
	method   string
	pattern  string // below the store prefix, e.g. "/v2/customers/{id}"
	segs     []string
	handle   func(*call) reply
	limit    int  // concurrent requests allowed in flight; 0: no limit
	peak     bool // record the peak in Stats.MaxConcurrentCustomerPuts
	inflight atomic.Int32
}

func buildRoutes() []*route {
	routes := []*route{
		{method: "GET", pattern: "/v3/customers", handle: listCustomersV3},
		{method: "POST", pattern: "/v3/customers", handle: createCustomersV3},
		// Update Customers: "Limit of 3 concurrent requests".
		{method: "PUT", pattern: "/v3/customers", handle: updateCustomersV3, limit: 3, peak: true},
		{method: "DELETE", pattern: "/v3/customers", handle: deleteCustomersV3},

		{method: "GET", pattern: "/v3/customers/addresses", handle: listAddresses},
		// Create a Customer Address: "The default rate limit for this endpoint is 10 concurrent requests."
		{method: "POST", pattern: "/v3/customers/addresses", handle: createAddresses, limit: 10},
		// Update a Customer Address: "Limit of 3 concurrent requests."
		{method: "PUT", pattern: "/v3/customers/addresses", handle: updateAddresses, limit: 3},
		{method: "DELETE", pattern: "/v3/customers/addresses", handle: deleteAddresses},

		{method: "GET", pattern: "/v3/customers/attributes", handle: listAttributes},
		// Create and Update a Customer Attribute: "Limit of 3 concurrent requests."
		{method: "POST", pattern: "/v3/customers/attributes", handle: createAttributes, limit: 3},
		{method: "PUT", pattern: "/v3/customers/attributes", handle: updateAttributes, limit: 3},
		{method: "DELETE", pattern: "/v3/customers/attributes", handle: deleteAttributes},

		{method: "GET", pattern: "/v3/customers/attribute-values", handle: listAttributeValues},
		// Upsert Customer Attribute Values: "Limit of 3 concurrent requests."
		{method: "PUT", pattern: "/v3/customers/attribute-values", handle: upsertAttributeValues, limit: 3},
		{method: "DELETE", pattern: "/v3/customers/attribute-values", handle: deleteAttributeValues},

		{method: "POST", pattern: "/v3/customers/validate-credentials", handle: validateCredentialsV3},

		{method: "GET", pattern: "/v3/customers/settings", handle: getSettings},
		{method: "PUT", pattern: "/v3/customers/settings", handle: updateSettings},
		{method: "GET", pattern: "/v3/customers/settings/channels/{id}", handle: getChannelSettings},
		{method: "PUT", pattern: "/v3/customers/settings/channels/{id}", handle: updateChannelSettings},

		{method: "GET", pattern: "/v3/customers/{id}/consent", handle: getConsent},
		{method: "PUT", pattern: "/v3/customers/{id}/consent", handle: updateConsent},

		{method: "GET", pattern: "/v3/customers/metafields", handle: listAllMetafields},
		{method: "POST", pattern: "/v3/customers/metafields", handle: createMetafieldsBatch},
		{method: "PUT", pattern: "/v3/customers/metafields", handle: updateMetafieldsBatch},
		{method: "DELETE", pattern: "/v3/customers/metafields", handle: deleteMetafieldsBatch},
		{method: "GET", pattern: "/v3/customers/{id}/metafields", handle: listCustomerMetafields},
		{method: "POST", pattern: "/v3/customers/{id}/metafields", handle: createCustomerMetafield},
		{method: "GET", pattern: "/v3/customers/{id}/metafields/{id2}", handle: getCustomerMetafield},
		{method: "PUT", pattern: "/v3/customers/{id}/metafields/{id2}", handle: updateCustomerMetafield},
		{method: "DELETE", pattern: "/v3/customers/{id}/metafields/{id2}", handle: deleteCustomerMetafield},

		{method: "GET", pattern: "/v3/segments", handle: listSegments},
		// Create and Update Segments: "Limit of 10 concurrent requests."
		{method: "POST", pattern: "/v3/segments", handle: createSegments, limit: 10},
		{method: "PUT", pattern: "/v3/segments", handle: updateSegments, limit: 10},
		{method: "DELETE", pattern: "/v3/segments", handle: deleteSegments},
		{method: "GET", pattern: "/v3/segments/{uuid}/shopper-profiles", handle: listSegmentProfiles},
		// Add Shopper Profiles to a Segment: "Limit of 10 concurrent requests."
		{method: "POST", pattern: "/v3/segments/{uuid}/shopper-profiles", handle: addSegmentProfiles, limit: 10},
		{method: "DELETE", pattern: "/v3/segments/{uuid}/shopper-profiles", handle: removeSegmentProfiles},
		{method: "GET", pattern: "/v3/shopper-profiles", handle: listShopperProfiles},
		{method: "POST", pattern: "/v3/shopper-profiles", handle: createShopperProfiles},
		{method: "DELETE", pattern: "/v3/shopper-profiles", handle: deleteShopperProfiles},
		{method: "GET", pattern: "/v3/shopper-profiles/{uuid}/segments", handle: listProfileSegments},

		{method: "GET", pattern: "/v3/customers/subscribers", handle: listSubscribers},
		{method: "POST", pattern: "/v3/customers/subscribers", handle: createSubscriber},
		{method: "DELETE", pattern: "/v3/customers/subscribers", handle: deleteSubscribers},
		{method: "GET", pattern: "/v3/customers/subscribers/{id}", handle: getSubscriber},
		{method: "PUT", pattern: "/v3/customers/subscribers/{id}", handle: updateSubscriber},
		{method: "DELETE", pattern: "/v3/customers/subscribers/{id}", handle: deleteSubscriber},

		{method: "GET", pattern: "/v2/customers", handle: listCustomersV2},
		{method: "POST", pattern: "/v2/customers", handle: createCustomerV2},
		{method: "DELETE", pattern: "/v2/customers", handle: deleteCustomersV2},
		{method: "GET", pattern: "/v2/customers/count", handle: countCustomersV2},
		{method: "GET", pattern: "/v2/customers/{id}", handle: getCustomerV2},
		{method: "PUT", pattern: "/v2/customers/{id}", handle: updateCustomerV2},
		{method: "DELETE", pattern: "/v2/customers/{id}", handle: deleteCustomerV2},
		{method: "POST", pattern: "/v2/customers/{id}/validate", handle: validatePasswordV2},

		// Customer groups: "The default rate limit for this endpoint is 40 concurrent requests."
		{method: "GET", pattern: "/v2/customer_groups", handle: listGroups, limit: 40},
		{method: "POST", pattern: "/v2/customer_groups", handle: createGroup, limit: 40},
		{method: "GET", pattern: "/v2/customer_groups/count", handle: countGroups},
		{method: "GET", pattern: "/v2/customer_groups/{id}", handle: getGroup},
		{method: "PUT", pattern: "/v2/customer_groups/{id}", handle: updateGroup},
		{method: "DELETE", pattern: "/v2/customer_groups/{id}", handle: deleteGroup, limit: 40},
	}
	for _, rt := range routes {
		rt.segs = strings.Split(rt.pattern, "/")
	}
	return routes
}

// target is the request path split at the store prefix
// /stores/{store_hash}/.
type target struct {
	hash    string
	version string // "v2", "v3" or "" when neither
	path    string // below the prefix, e.g. "/v3/customers"
}

func parseTarget(p string) (target, bool) {
	rest, ok := strings.CutPrefix(p, "/stores/")
	if !ok {
		return target{}, false
	}
	hash, below, _ := strings.Cut(rest, "/")
	if hash == "" {
		return target{}, false
	}
	t := target{hash: hash, path: "/" + below}
	switch v, _, _ := strings.Cut(below, "/"); v {
	case "v2":
		t.version = v
		// V2 also answers to a ".json" extension on the resource (see
		// "Response content type" in the docs).
		t.path = strings.TrimSuffix(t.path, ".json")
	case "v3":
		t.version = v
	}
	return t, true
}

// match finds the route for method and path. When the path exists under
// other methods only, allow lists them (for 405).
func (s *Store) match(method, path string) (rt *route, id int, allow []string) {
	segs := strings.Split(path, "/")
	for _, cand := range s.routes {
		n, ok := matchSegs(cand.segs, segs)
		if !ok {
			continue
		}
		if cand.method == method {
			return cand, n, nil
		}
		allow = append(allow, cand.method)
	}
	return nil, 0, allow
}

// matchSegs matches a path against a pattern whose {id} and {id2} segments
// take positive integers and whose {uuid} segment takes a UUID; id is the
// {id}'s.
func matchSegs(pattern, segs []string) (id int, ok bool) {
	ids, ok := pathIDs(pattern, segs)
	return ids[0], ok
}

// pathIDs reads the {id} and {id2} segments of a path that matches pattern.
func pathIDs(pattern, segs []string) (ids [2]int, ok bool) {
	if len(pattern) != len(segs) {
		return ids, false
	}
	for i, p := range pattern {
		slot := -1
		switch p {
		case "{id}":
			slot = 0
		case "{id2}":
			slot = 1
		}
		if p == "{uuid}" {
			if !isUUID(segs[i]) {
				return ids, false
			}
			continue
		}
		if slot >= 0 {
			n, err := strconv.Atoi(segs[i])
			if err != nil || n <= 0 || strconv.Itoa(n) != segs[i] {
				return ids, false
			}
			ids[slot] = n
			continue
		}
		if p != segs[i] {
			return ids, false
		}
	}
	return ids, true
}

// id2 is the {id2} of the call's path (such as the metafield of
// /v3/customers/{id}/metafields/{id2}); 0 when the route has none.
func (c *call) id2() int {
	t, _ := parseTarget(c.r.URL.Path)
	rt, _, _ := c.s.match(c.r.Method, t.path)
	if rt == nil {
		return 0
	}
	ids, _ := pathIDs(rt.segs, strings.Split(t.path, "/"))
	return ids[1]
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

// uuid is the {uuid} of the call's path (such as the segment of
// /v3/segments/{uuid}/shopper-profiles), lower-cased; "" when the route has
// none.
func (c *call) uuid() string {
	t, _ := parseTarget(c.r.URL.Path)
	rt, _, _ := c.s.match(c.r.Method, t.path)
	if rt == nil {
		return ""
	}
	for i, p := range rt.segs {
		if p == "{uuid}" {
			return strings.ToLower(strings.Split(t.path, "/")[i])
		}
	}
	return ""
}

// statsKey names a request in Stats: method and path below the store
// prefix with numeric segments collapsed to {id}, then {id2}.
func statsKey(method string, rt *route, path string) string {
	if rt != nil {
		return method + " " + rt.pattern
	}
	segs := strings.Split(path, "/")
	n := 0
	for i, seg := range segs {
		if _, err := strconv.Atoi(seg); err == nil {
			segs[i] = "{id}"
			if n++; n > 1 {
				segs[i] = "{id2}"
			}
		}
	}
	return method + " " + strings.Join(segs, "/")
}
