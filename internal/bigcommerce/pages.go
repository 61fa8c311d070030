package bigcommerce

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"strconv"
)

// collectionPageSize is the largest page V3 serves.
const collectionPageSize = 250

// collectionPage is V3's {data, meta} envelope.
type collectionPage[T any] struct {
	Data []T `json:"data"`
	Meta struct {
		Pagination *Pagination `json:"pagination"`
	} `json:"meta"`
}

// fetchAllPages follows every page of a V3 collection.
func fetchAllPages[T any](ctx context.Context, c *Client, path string, q url.Values) ([]T, error) {
	q = maps.Clone(q)
	if q == nil {
		q = url.Values{}
	}
	q.Set("limit", strconv.Itoa(collectionPageSize))
	var out []T
	for page := 1; ; page++ {
		q.Set("page", strconv.Itoa(page))
		var p collectionPage[T]
		if err := c.do(ctx, request{method: http.MethodGet, version: "v3", path: path, query: q, idempotent: true}, &p); err != nil {
			return nil, err
		}
		out = append(out, p.Data...)
		pg := p.Meta.Pagination
		if len(p.Data) == 0 || (pg != nil && page >= pg.TotalPages) || (pg == nil && len(p.Data) < collectionPageSize) {
			return out, nil
		}
	}
}
