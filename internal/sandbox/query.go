package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Paging: V2 and V3 both default to 50 items per page and allow 250.
const (
	defaultLimit = 50
	maxLimit     = 250
)

// paging reads page and limit. A limit above 250 is refused with 413, as the
// status-codes doc gives exactly that example ("the limit parameter exceeded
// the maximum") rather than silently capping it.
func (c *call) paging() (page, limit int, rep *reply) {
	page, limit = 1, defaultLimit
	if v, ok := c.param("page"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return 0, 0, ptr(c.badQuery("page", "must be a positive integer"))
		}
		page = n
	}
	if v, ok := c.param("limit"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return 0, 0, ptr(c.badQuery("limit", "must be a positive integer"))
		}
		if n > maxLimit {
			msg := fmt.Sprintf("The limit parameter must not exceed %d.", maxLimit)
			if c.version == "v2" {
				return 0, 0, ptr(failV2(http.StatusRequestEntityTooLarge, msg))
			}
			return 0, 0, ptr(failV3(http.StatusRequestEntityTooLarge, msg, map[string]string{"limit": msg}))
		}
		limit = n
	}
	return page, limit, nil
}

// param returns a query parameter that was given (even empty).
func (c *call) param(name string) (string, bool) {
	vs, ok := c.query[name]
	if !ok || len(vs) == 0 {
		return "", false
	}
	return vs[len(vs)-1], true
}

// list reads a comma-separated filter such as email:in. An empty list or
// empty element is refused: BigCommerce ignores an empty filter and would
// return everything, which is never what a client meant.
func (c *call) list(name string) ([]string, bool, *reply) {
	v, ok := c.param(name)
	if !ok {
		return nil, false, nil
	}
	parts := strings.Split(v, ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
		if parts[i] == "" {
			return nil, false, ptr(c.badQuery(name, "must be a comma-separated list of values"))
		}
	}
	return parts, true, nil
}

// idList reads a comma-separated list of positive integers such as id:in.
func (c *call) idList(name string) (map[int]bool, bool, *reply) {
	parts, ok, rep := c.list(name)
	if !ok || rep != nil {
		return nil, false, rep
	}
	set := make(map[int]bool, len(parts))
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return nil, false, ptr(c.badQuery(name, "must be a comma-separated list of integers"))
		}
		set[n] = true
	}
	return set, true, nil
}

// foldSet lower-cases values for case-insensitive matching.
func foldSet(values []string) map[string]bool {
	set := make(map[string]bool, len(values))
	for _, v := range values {
		set[strings.ToLower(v)] = true
	}
	return set
}

// parseTime reads the date forms the docs give for filters:
// 2024-05-14T09:34:00 (UTC), 2024-05-14, RFC 3339 with an offset, a UNIX
// timestamp and, for V2, RFC 2822. dateOnly is true for a bare date.
func parseTime(v string) (t time.Time, dateOnly bool, ok bool) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return time.Unix(n, 0).UTC(), false, true
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t, true, true
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), false, true
		}
	}
	return time.Time{}, false, false
}

// datesFilter builds a predicate on an object's creation and modification
// times from the date_created and date_modified filters (exact, :min,
// :max) that most listings take.
func (c *call) datesFilter() (func(created, modified time.Time) bool, *reply) {
	created, rep := c.timeFilter("date_created", "date_created:min", "date_created:max")
	if rep != nil {
		return nil, rep
	}
	modified, rep := c.timeFilter("date_modified", "date_modified:min", "date_modified:max")
	if rep != nil {
		return nil, rep
	}
	return func(c, m time.Time) bool { return created(c) && modified(m) }, nil
}

// timeFilter builds a predicate from an exact, a minimum and a maximum date
// parameter (any may be ""). An exact bare date matches that whole day.
func (c *call) timeFilter(exact, minName, maxName string) (func(time.Time) bool, *reply) {
	preds := []func(time.Time) bool{}
	for _, name := range []string{exact, minName, maxName} {
		if name == "" {
			continue
		}
		v, ok := c.param(name)
		if !ok {
			continue
		}
		t, dateOnly, ok := parseTime(v)
		if !ok {
			return nil, ptr(c.badQuery(name, "must be a date such as 2024-05-14 or 2024-05-14T09:34:00"))
		}
		switch name {
		case exact:
			if dateOnly {
				preds = append(preds, func(x time.Time) bool { return !x.Before(t) && x.Before(t.AddDate(0, 0, 1)) })
			} else {
				preds = append(preds, func(x time.Time) bool { return x.Equal(t) })
			}
		case minName:
			preds = append(preds, func(x time.Time) bool { return !x.Before(t) })
		case maxName:
			preds = append(preds, func(x time.Time) bool { return !x.After(t) })
		}
	}
	return func(x time.Time) bool {
		for _, p := range preds {
			if !p(x) {
				return false
			}
		}
		return true
	}, nil
}

// boolParam reads a true/false filter.
func (c *call) boolParam(name string) (value, present bool, rep *reply) {
	v, ok := c.param(name)
	if !ok {
		return false, false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, false, ptr(c.badQuery(name, "must be true or false"))
	}
	return b, true, nil
}

// pageOf returns the page-th slice of limit items.
func pageOf[T any](items []T, page, limit int) []T {
	start := (page - 1) * limit
	if start >= len(items) {
		return []T{}
	}
	return items[start:min(start+limit, len(items))]
}

type pagination struct {
	Total       int       `json:"total"`
	Count       int       `json:"count"`
	PerPage     int       `json:"per_page"`
	CurrentPage int       `json:"current_page"`
	TotalPages  int       `json:"total_pages"`
	Links       pageLinks `json:"links"`
}

type pageLinks struct {
	Previous string `json:"previous,omitempty"`
	Current  string `json:"current"`
	Next     string `json:"next,omitempty"`
}

// listMeta is V3's collection meta.
type listMeta struct {
	Pagination       *pagination       `json:"pagination,omitempty"`
	CursorPagination *cursorPagination `json:"cursor_pagination,omitempty"`
}

// collection is V3's {data, meta} envelope.
type collection struct {
	Data any `json:"data"`
	Meta any `json:"meta"`
}

// emptyMeta is the "meta": {} of V3 write responses.
var emptyMeta = struct{}{}

func (c *call) pagination(total, count, page, limit int) *pagination {
	pages := (total + limit - 1) / limit
	p := &pagination{Total: total, Count: count, PerPage: limit, CurrentPage: page, TotalPages: pages}
	p.Links.Current = c.pageLink(page, limit)
	if page > 1 {
		p.Links.Previous = c.pageLink(page-1, limit)
	}
	if page < pages {
		p.Links.Next = c.pageLink(page+1, limit)
	}
	return p
}

// pageLink is "?<other filters>&page=N&limit=L", as BigCommerce's links
// keep the request's filters.
func (c *call) pageLink(page, limit int) string {
	rest := url.Values{}
	for k, v := range c.query {
		switch k {
		case "page", "limit", "before", "after":
		default:
			rest[k] = v
		}
	}
	link := "?"
	if enc := rest.Encode(); enc != "" {
		link += enc + "&"
	}
	return link + fmt.Sprintf("page=%d&limit=%d", page, limit)
}
