package bigcommerce

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

const (
	// MaxSubscriberTextLength bounds first_name, last_name and source
	// (maxLength 255).
	MaxSubscriberTextLength = 255
	// MaxSubscriberOrderID and MaxSubscriberChannelID are the maximum of
	// order_id and channel_id (both from 1).
	MaxSubscriberOrderID   = 2147483647
	MaxSubscriberChannelID = 2147483647
)

var (
	// SubscriberSources are the values of source: "Values are:
	// `storefront`, `order`, or `custom`."
	SubscriberSources = []string{"storefront", "order", "custom"}
	// SubscriberConsents is the enum of consents.
	SubscriberConsents = []string{"marketing_newsletter", "abandoned_cart"}
)

// Subscriber is a newsletter subscriber (subscriber_Full). OrderID is nil
// when the answer gives null or nothing.
type Subscriber struct {
	ID           int      `json:"id"`
	Email        string   `json:"email"`
	FirstName    string   `json:"first_name"`
	LastName     string   `json:"last_name"`
	Source       string   `json:"source"`
	OrderID      *int     `json:"order_id"`
	ChannelID    int      `json:"channel_id"`
	Consents     []string `json:"consents"`
	DateCreated  string   `json:"date_created"`
	DateModified string   `json:"date_modified"`
}

// SubscriberCreate is a new subscriber (subscriber_Post); Email is
// required, zero values are not sent.
type SubscriberCreate struct {
	Email     string   `json:"email"`
	FirstName string   `json:"first_name,omitempty"`
	LastName  string   `json:"last_name,omitempty"`
	Source    string   `json:"source,omitempty"`
	OrderID   int      `json:"order_id,omitempty"`
	ChannelID int      `json:"channel_id,omitempty"`
	Consents  []string `json:"consents,omitempty"`
}

// SubscriberUpdate changes subscriber ID (subscriber_Put): nil keeps a
// member. ClearOrderID sends order_id: null; Consents pointing at an empty
// list clears them.
type SubscriberUpdate struct {
	ID           int
	Email        *string
	FirstName    *string
	LastName     *string
	Source       *string
	OrderID      *int
	ClearOrderID bool
	ChannelID    *int
	Consents     *[]string
}

// MarshalJSON sends only the members that are set.
func (u SubscriberUpdate) MarshalJSON() ([]byte, error) {
	m := map[string]any{}
	for name, v := range map[string]*string{"email": u.Email, "first_name": u.FirstName, "last_name": u.LastName, "source": u.Source} {
		if v != nil {
			m[name] = *v
		}
	}
	switch {
	case u.ClearOrderID && u.OrderID != nil:
		return nil, errors.New("a subscriber update cannot both set and clear order_id")
	case u.ClearOrderID:
		m["order_id"] = nil
	case u.OrderID != nil:
		m["order_id"] = *u.OrderID
	}
	if u.ChannelID != nil {
		m["channel_id"] = *u.ChannelID
	}
	if u.Consents != nil {
		m["consents"] = append([]string{}, *u.Consents...)
	}
	return json.Marshal(m)
}

// SubscriberFilter selects subscribers; empty fields filter nothing. Dates
// are such as 2024-05-14 or 2024-05-14T09:34:00.
type SubscriberFilter struct {
	IDs             []int // id:in
	Email           string
	FirstName       string
	LastName        string
	Source          string
	OrderID         int
	DateCreated     string
	DateCreatedMin  string
	DateCreatedMax  string
	DateModified    string
	DateModifiedMin string
	DateModifiedMax string
}

func (f SubscriberFilter) query() url.Values {
	q := url.Values{}
	for name, v := range map[string]string{
		"email": f.Email, "first_name": f.FirstName, "last_name": f.LastName, "source": f.Source,
		"date_created": f.DateCreated, "date_created:min": f.DateCreatedMin, "date_created:max": f.DateCreatedMax,
		"date_modified": f.DateModified, "date_modified:min": f.DateModifiedMin, "date_modified:max": f.DateModifiedMax,
	} {
		if v != "" {
			q.Set(name, v)
		}
	}
	if f.OrderID != 0 {
		q.Set("order_id", strconv.Itoa(f.OrderID))
	}
	return q
}

const subscribersPath = "/customers/subscribers"

func subscriberPath(id int) string { return subscribersPath + "/" + strconv.Itoa(id) }

// ListSubscribers returns every subscriber that matches f, following every
// page. IDs go in id:in, maxIDsPerFilter to a request.
func (c *Client) ListSubscribers(ctx context.Context, f SubscriberFilter) ([]Subscriber, error) {
	q := f.query()
	if len(f.IDs) == 0 {
		return fetchAllPages[Subscriber](ctx, c, subscribersPath, q)
	}
	var out []Subscriber
	for _, part := range chunks(f.IDs, maxIDsPerFilter) {
		ids := make([]string, len(part))
		for i, id := range part {
			if id <= 0 {
				return nil, fmt.Errorf("subscriber id %d is not a subscriber", id)
			}
			ids[i] = strconv.Itoa(id)
		}
		q.Set("id:in", strings.Join(ids, ","))
		got, err := fetchAllPages[Subscriber](ctx, c, subscribersPath, q)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// maxIDsPerFilter keeps an id:in list short enough for any URL.
const maxIDsPerFilter = 50

type subscriberAnswer struct {
	Data Subscriber `json:"data"`
}

// GetSubscriber reads one subscriber; ErrNotFound when it does not exist.
func (c *Client) GetSubscriber(ctx context.Context, id int) (*Subscriber, error) {
	var out subscriberAnswer
	if err := c.do(ctx, request{method: http.MethodGet, version: "v3", path: subscriberPath(id), idempotent: true}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// CreateSubscriber creates one subscriber. An e-mail another subscriber
// has is ErrConflict; invalid input (a source outside SubscriberSources)
// ErrValidation.
func (c *Client) CreateSubscriber(ctx context.Context, in SubscriberCreate) (*Subscriber, error) {
	var out subscriberAnswer
	if err := c.do(ctx, request{method: http.MethodPost, version: "v3", path: subscribersPath, body: in}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// UpdateSubscriber changes one subscriber; ErrNotFound when it does not
// exist, ErrConflict for another subscriber's e-mail.
func (c *Client) UpdateSubscriber(ctx context.Context, u SubscriberUpdate) (*Subscriber, error) {
	var out subscriberAnswer
	if err := c.do(ctx, request{method: http.MethodPut, version: "v3", path: subscriberPath(u.ID), body: u, idempotent: true}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// DeleteSubscriber deletes one subscriber; one already gone is
// ErrNotFound.
func (c *Client) DeleteSubscriber(ctx context.Context, id int) error {
	if id <= 0 {
		return fmt.Errorf("subscriber id %d is not a subscriber", id)
	}
	return c.do(ctx, request{method: http.MethodDelete, version: "v3", path: subscriberPath(id), idempotent: true}, nil)
}

// DeleteSubscribers deletes subscribers by id, one request each; ids
// already gone are skipped. It never sends DELETE /customers/subscribers:
// that operation deletes every subscriber unless filtered, and none of its
// documented filters names subscribers by id (it has no id:in).
func (c *Client) DeleteSubscribers(ctx context.Context, ids []int) error {
	for _, id := range ids {
		if id <= 0 {
			return fmt.Errorf("subscriber id %d is not a subscriber", id)
		}
	}
	for _, id := range ids {
		if err := c.DeleteSubscriber(ctx, id); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
	}
	return nil
}
