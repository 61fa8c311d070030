package bigcommerce

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

const (
	// MaxProfilesPerSegmentRequest is how many shopper profiles one request
	// adds to (or removes from) a segment: "Limit of *Shopper Profiles* per
	// request is `50`." The document gives it for the add; the remove is
	// held to it too.
	MaxProfilesPerSegmentRequest = 50
	// MaxSegmentsPerStore: "Max total segements allowed per store is 1000."
	MaxSegmentsPerStore = 1000
	// MaxSegmentItemsPerRequest is how many segments or shopper profiles one
	// create, update or delete carries. segments.v3.yml gives no such limit
	// for them; 50 is the only per-request limit it gives.
	MaxSegmentItemsPerRequest = 50
)

// Segment is a customer segment. Its id is a UUID.
type Segment struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	CreatedAt   string `json:"created_at"`
	UpdatedAt   string `json:"updated_at"`
}

// SegmentCreate is a new segment (SegmentPost); Name is required.
type SegmentCreate struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// SegmentUpdate changes the members of segment ID it names (SegmentPut);
// nil keeps a member.
type SegmentUpdate struct {
	ID          string  `json:"id"`
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
}

// SegmentFilter selects segments; empty selects every segment.
type SegmentFilter struct {
	IDs []string // id:in
}

// ShopperProfile is a registered customer's shopper profile. Its id is a
// UUID.
type ShopperProfile struct {
	ID         string `json:"id"`
	CustomerID int    `json:"customer_id"`
	CreatedAt  string `json:"created_at"`
	UpdatedAt  string `json:"updated_at"`
}

// ShopperProfileFilter selects shopper profiles. GET /v3/shopper-profiles
// has no filter: the client reads every page and applies these itself.
type ShopperProfileFilter struct {
	IDs         []string
	CustomerIDs []int
}

const (
	segmentsPath        = "/segments"
	shopperProfilesPath = "/shopper-profiles"
)

func segmentProfilesPath(segmentID string) string {
	return segmentsPath + "/" + url.PathEscape(segmentID) + "/shopper-profiles"
}

// chunks splits items into parts of at most n.
func chunks[T any](items []T, n int) [][]T {
	var out [][]T
	for len(items) > 0 {
		k := min(n, len(items))
		out = append(out, items[:k])
		items = items[k:]
	}
	return out
}

// idIn is the id:in filter of segments.v3.yml: "Comma separated IDs."
func idIn(ids []string) url.Values {
	return url.Values{"id:in": {strings.Join(ids, ",")}}
}

// checkUUIDs refuses ids that are no UUIDs before anything is sent.
func checkUUIDs(what string, ids []string) error {
	for _, id := range ids {
		if !isUUID(id) {
			return fmt.Errorf("%s id %q is not a UUID", what, id)
		}
	}
	return nil
}

// ListSegments returns every segment that matches f, following every page.
func (c *Client) ListSegments(ctx context.Context, f SegmentFilter) ([]Segment, error) {
	if len(f.IDs) == 0 {
		return fetchAllPages[Segment](ctx, c, segmentsPath, nil)
	}
	if err := checkUUIDs("segment", f.IDs); err != nil {
		return nil, err
	}
	var out []Segment
	for _, part := range chunks(f.IDs, MaxSegmentItemsPerRequest) {
		got, err := fetchAllPages[Segment](ctx, c, segmentsPath, idIn(part))
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// GetSegment reads one segment (there is no single-segment GET: it lists
// by id:in); ErrNotFound when it does not exist.
func (c *Client) GetSegment(ctx context.Context, id string) (*Segment, error) {
	got, err := c.ListSegments(ctx, SegmentFilter{IDs: []string{id}})
	if err != nil {
		return nil, err
	}
	for i := range got {
		if strings.EqualFold(got[i].ID, id) {
			return &got[i], nil
		}
	}
	return nil, &APIError{Method: http.MethodGet, Path: segmentsPath, Status: http.StatusNotFound, Title: "segment " + id + " does not exist"}
}

// CreateSegments creates segments, MaxSegmentItemsPerRequest to a request,
// and returns them in order. A name another segment has is ErrConflict
// (names are unique), invalid input ErrValidation; the segments of the
// requests before a failed one are returned with its error.
func (c *Client) CreateSegments(ctx context.Context, in []SegmentCreate) ([]Segment, error) {
	var out []Segment
	for _, part := range chunks(in, MaxSegmentItemsPerRequest) {
		got, err := c.writeSegments(ctx, http.MethodPost, part, len(part))
		out = append(out, got...)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// UpdateSegments updates segments as CreateSegments creates them. A
// segment that does not exist is ErrValidation: the store's documented
// answer is 400.
func (c *Client) UpdateSegments(ctx context.Context, in []SegmentUpdate) ([]Segment, error) {
	for _, u := range in {
		if err := checkUUIDs("segment", []string{u.ID}); err != nil {
			return nil, err
		}
	}
	var out []Segment
	for _, part := range chunks(in, MaxSegmentItemsPerRequest) {
		got, err := c.writeSegments(ctx, http.MethodPut, part, len(part))
		out = append(out, got...)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

func (c *Client) writeSegments(ctx context.Context, method string, body any, n int) ([]Segment, error) {
	var out struct {
		Data []Segment `json:"data"`
	}
	err := c.do(ctx, request{method: method, version: "v3", path: segmentsPath, body: body, idempotent: method == http.MethodPut}, &out)
	if err != nil {
		return nil, err
	}
	if len(out.Data) != n {
		return out.Data, &OutcomeUnknownError{Method: method, Path: segmentsPath, Err: errUnexpectedCount(n, len(out.Data))}
	}
	return out.Data, nil
}

// DeleteSegments deletes segments by id, MaxSegmentItemsPerRequest to a
// request; ids that do not exist are ignored, and an empty list sends
// nothing. Their shopper profiles stay.
func (c *Client) DeleteSegments(ctx context.Context, ids []string) error {
	return c.deleteByUUID(ctx, segmentsPath, "segment", ids, MaxSegmentItemsPerRequest)
}

func (c *Client) deleteByUUID(ctx context.Context, path, what string, ids []string, per int) error {
	if err := checkUUIDs(what, ids); err != nil {
		return err
	}
	for _, part := range chunks(ids, per) {
		if err := c.do(ctx, request{method: http.MethodDelete, version: "v3", path: path, query: idIn(part), idempotent: true}, nil); err != nil {
			return err
		}
	}
	return nil
}

// ListSegmentProfiles returns every shopper profile of a segment;
// ErrNotFound when the segment does not exist.
func (c *Client) ListSegmentProfiles(ctx context.Context, segmentID string) ([]ShopperProfile, error) {
	if err := checkUUIDs("segment", []string{segmentID}); err != nil {
		return nil, err
	}
	return fetchAllPages[ShopperProfile](ctx, c, segmentProfilesPath(segmentID), nil)
}

// AddProfilesToSegment adds shopper profiles to a segment,
// MaxProfilesPerSegmentRequest to a request. A profile already in the
// segment counts as added: on the documented 409 the client reads the
// segment's profiles and sends the others again.
func (c *Client) AddProfilesToSegment(ctx context.Context, segmentID string, profileIDs []string) error {
	if err := checkUUIDs("segment", []string{segmentID}); err != nil {
		return err
	}
	if err := checkUUIDs("shopper profile", profileIDs); err != nil {
		return err
	}
	path := segmentProfilesPath(segmentID)
	for _, part := range chunks(profileIDs, MaxProfilesPerSegmentRequest) {
		err := c.do(ctx, request{method: http.MethodPost, version: "v3", path: path, body: part, idempotent: true}, nil)
		if !errors.Is(err, ErrConflict) {
			if err != nil {
				return err
			}
			continue
		}
		in, listErr := c.ListSegmentProfiles(ctx, segmentID)
		if listErr != nil {
			return fmt.Errorf("%w; reading the segment's profiles: %w", err, listErr)
		}
		rest := slices.DeleteFunc(slices.Clone(part), func(id string) bool {
			return slices.ContainsFunc(in, func(p ShopperProfile) bool { return strings.EqualFold(p.ID, id) })
		})
		if len(rest) == 0 {
			continue
		}
		if err := c.do(ctx, request{method: http.MethodPost, version: "v3", path: path, body: rest, idempotent: true}, nil); err != nil {
			return err
		}
	}
	return nil
}

// RemoveProfilesFromSegment removes shopper profiles from a segment,
// MaxProfilesPerSegmentRequest to a request; the profiles stay. Profiles
// not in the segment are ignored.
func (c *Client) RemoveProfilesFromSegment(ctx context.Context, segmentID string, profileIDs []string) error {
	if err := checkUUIDs("segment", []string{segmentID}); err != nil {
		return err
	}
	return c.deleteByUUID(ctx, segmentProfilesPath(segmentID), "shopper profile", profileIDs, MaxProfilesPerSegmentRequest)
}

// ListShopperProfiles returns every shopper profile that matches f. The
// API has no filter for them: every page is read and f applied here.
func (c *Client) ListShopperProfiles(ctx context.Context, f ShopperProfileFilter) ([]ShopperProfile, error) {
	all, err := fetchAllPages[ShopperProfile](ctx, c, shopperProfilesPath, nil)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(p ShopperProfile) bool {
		return (len(f.IDs) > 0 && !slices.ContainsFunc(f.IDs, func(id string) bool { return strings.EqualFold(id, p.ID) })) ||
			(len(f.CustomerIDs) > 0 && !slices.Contains(f.CustomerIDs, p.CustomerID))
	}), nil
}

// CreateShopperProfiles creates a shopper profile for each customer,
// MaxSegmentItemsPerRequest to a request, and returns them in order.
func (c *Client) CreateShopperProfiles(ctx context.Context, customerIDs []int) ([]ShopperProfile, error) {
	var out []ShopperProfile
	for _, part := range chunks(customerIDs, MaxSegmentItemsPerRequest) {
		body := make([]map[string]int, len(part))
		for i, id := range part {
			if id <= 0 {
				return out, fmt.Errorf("customer id %d is not a customer", id)
			}
			body[i] = map[string]int{"customer_id": id}
		}
		var got struct {
			Data []ShopperProfile `json:"data"`
		}
		if err := c.do(ctx, request{method: http.MethodPost, version: "v3", path: shopperProfilesPath, body: body}, &got); err != nil {
			return out, err
		}
		out = append(out, got.Data...)
		if len(got.Data) != len(part) {
			return out, &OutcomeUnknownError{Method: http.MethodPost, Path: shopperProfilesPath, Err: errUnexpectedCount(len(part), len(got.Data))}
		}
	}
	return out, nil
}

// DeleteShopperProfiles deletes shopper profiles by id,
// MaxSegmentItemsPerRequest to a request; ids that do not exist are
// ignored, and an empty list sends nothing.
func (c *Client) DeleteShopperProfiles(ctx context.Context, ids []string) error {
	return c.deleteByUUID(ctx, shopperProfilesPath, "shopper profile", ids, MaxSegmentItemsPerRequest)
}

// ListProfileSegments returns every segment a shopper profile belongs to;
// ErrNotFound when the profile does not exist.
func (c *Client) ListProfileSegments(ctx context.Context, profileID string) ([]Segment, error) {
	if err := checkUUIDs("shopper profile", []string{profileID}); err != nil {
		return nil, err
	}
	return fetchAllPages[Segment](ctx, c, shopperProfilesPath+"/"+profileID+"/segments", nil)
}
