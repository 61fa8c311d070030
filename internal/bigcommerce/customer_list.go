package bigcommerce

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// CustomerFilter holds the filters V3 GET /customers applies server-side.
// Empty fields filter nothing; an empty filter lists the whole store.
type CustomerFilter struct {
	IDs              []int
	Emails           []string
	Names            []string // "first last", exact
	NameLike         []string // substrings of "first last"
	Companies        []string
	CustomerGroupIDs []int
	Phones           []string
	DateCreatedMin   string // 2024-05-14 or 2024-05-14T09:34:00
	DateCreatedMax   string
	DateModifiedMin  string
	DateModifiedMax  string
	Sort             string // e.g. "date_created:asc"
}

// CustomerSorts are the orders V3 can list customers in.
var CustomerSorts = []string{"date_created:asc", "date_created:desc", "last_name:asc", "last_name:desc", "date_modified:asc", "date_modified:desc"}

// ListPageSize is the largest page V3 serves.
const ListPageSize = 250

func (f CustomerFilter) query() url.Values {
	q := url.Values{}
	set := func(key string, values []string) {
		if len(values) > 0 {
			q.Set(key, strings.Join(values, ","))
		}
	}
	setInts := func(key string, values []int) {
		if len(values) > 0 {
			q.Set(key, joinInts(values))
		}
	}
	setInts("id:in", f.IDs)
	set("email:in", f.Emails)
	set("name:in", f.Names)
	set("name:like", f.NameLike)
	set("company:in", f.Companies)
	setInts("customer_group_id:in", f.CustomerGroupIDs)
	set("phone:in", f.Phones)
	for key, v := range map[string]string{
		"date_created:min":  f.DateCreatedMin,
		"date_created:max":  f.DateCreatedMax,
		"date_modified:min": f.DateModifiedMin,
		"date_modified:max": f.DateModifiedMax,
		"sort":              f.Sort,
	} {
		if v != "" {
			q.Set(key, v)
		}
	}
	return q
}

// ListCustomers yields every customer that matches f, page by page (250 a
// page), with store credit and form fields. Stop early by breaking the loop.
func (c *Client) ListCustomers(ctx context.Context, f CustomerFilter) iter.Seq2[Customer, error] {
	return func(yield func(Customer, error) bool) {
		q := f.query()
		q.Set("include", customerIncludes)
		q.Set("limit", strconv.Itoa(ListPageSize))
		for page := 1; ; page++ {
			q.Set("page", strconv.Itoa(page))
			var resp customerPage
			if err := c.do(ctx, request{method: http.MethodGet, version: "v3", path: "/customers", query: q, idempotent: true}, &resp); err != nil {
				yield(Customer{}, err)
				return
			}
			for _, cu := range resp.Data {
				if !yield(cu, nil) {
					return
				}
			}
			if p := resp.Meta.Pagination; len(resp.Data) == 0 || (p != nil && page >= p.TotalPages) || (p == nil && len(resp.Data) < ListPageSize) {
				return
			}
		}
	}
}
