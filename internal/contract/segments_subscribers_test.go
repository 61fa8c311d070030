package contract

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// segments drives every operation of segments.v3.yml: segments, shopper
// profiles and their links, with the documented 400 and 409 answers.
func segments(ctx context.Context, t *testing.T, c *bigcommerce.Client) {
	made := must[[]bigcommerce.Segment](t, "create segments")(c.CreateSegments(ctx, []bigcommerce.SegmentCreate{
		{Name: "Contract VIP", Description: "Best customers"}, {Name: "Contract wholesale"},
	}))
	vip, wholesale := made[0], made[1]
	_, err := c.CreateSegments(ctx, []bigcommerce.SegmentCreate{{Name: "contract vip"}})
	refused(t, "create a segment with a taken name (409)", err, bigcommerce.ErrConflict)
	_, err = c.CreateSegments(ctx, []bigcommerce.SegmentCreate{{Name: ""}})
	refused(t, "create a segment with an empty name (400)", err, bigcommerce.ErrValidation)

	must[[]bigcommerce.Segment](t, "list segments")(c.ListSegments(ctx, bigcommerce.SegmentFilter{}))
	must[*bigcommerce.Segment](t, "get segment by id:in")(c.GetSegment(ctx, vip.ID))
	must[[]bigcommerce.Segment](t, "update segments")(c.UpdateSegments(ctx, []bigcommerce.SegmentUpdate{
		{ID: vip.ID, Name: ptr("Contract VIP customers"), Description: ptr("")},
		{ID: wholesale.ID, Description: ptr("Trade")},
	}))
	_, err = c.UpdateSegments(ctx, []bigcommerce.SegmentUpdate{{ID: "00000000-0000-4000-8000-000000000000", Name: ptr("Ghost")}})
	refused(t, "update a missing segment (400)", err, bigcommerce.ErrValidation)
	_, err = c.UpdateSegments(ctx, []bigcommerce.SegmentUpdate{{ID: wholesale.ID, Name: ptr("contract VIP CUSTOMERS")}})
	refused(t, "rename a segment to a taken name (400)", err, bigcommerce.ErrValidation)

	jane := must[*bigcommerce.Customer](t, "create customer for a profile")(c.CreateCustomer(ctx, bigcommerce.CustomerCreate{
		Email: "segments.contract@example.com", FirstName: "Seg", LastName: "Ment",
	}))
	john := must[*bigcommerce.Customer](t, "create another customer for a profile")(c.CreateCustomer(ctx, bigcommerce.CustomerCreate{
		Email: "segments2.contract@example.com", FirstName: "Seg", LastName: "Two",
	}))
	profiles := must[[]bigcommerce.ShopperProfile](t, "create shopper profiles")(c.CreateShopperProfiles(ctx, []int{jane.ID, john.ID}))
	_, err = c.CreateShopperProfiles(ctx, []int{jane.ID})
	refused(t, "create a second profile of a customer (400)", err, bigcommerce.ErrValidation)
	must[[]bigcommerce.ShopperProfile](t, "list shopper profiles")(c.ListShopperProfiles(ctx, bigcommerce.ShopperProfileFilter{CustomerIDs: []int{jane.ID}}))

	ok(t, "add a profile to a segment", c.AddProfilesToSegment(ctx, vip.ID, []string{profiles[0].ID}))
	// The first profile is in the segment already: the documented 409,
	// then the other one alone.
	ok(t, "add profiles, one already in the segment (409, then 201)", c.AddProfilesToSegment(ctx, vip.ID, []string{profiles[0].ID, profiles[1].ID}))
	must[[]bigcommerce.ShopperProfile](t, "list a segment's profiles")(c.ListSegmentProfiles(ctx, vip.ID))
	must[[]bigcommerce.Segment](t, "list a profile's segments")(c.ListProfileSegments(ctx, profiles[1].ID))
	ok(t, "remove profiles from a segment", c.RemoveProfilesFromSegment(ctx, vip.ID, []string{profiles[1].ID}))
	ok(t, "delete shopper profiles", c.DeleteShopperProfiles(ctx, []string{profiles[1].ID}))
	ok(t, "delete segments", c.DeleteSegments(ctx, []string{vip.ID, wholesale.ID}))
}

// subscribers drives every operation of subscribers.v3.yml, with the
// documented 404, 409 and 422 answers. The client never sends DELETE
// /customers/subscribers (it deletes every subscriber unless filtered, and
// has no id filter): it is sent here by hand, with a documented filter that
// matches nobody.
func subscribers(ctx context.Context, t *testing.T, h *harness) {
	c := h.client
	jane := must[*bigcommerce.Subscriber](t, "create subscriber with every field")(c.CreateSubscriber(ctx, bigcommerce.SubscriberCreate{
		Email: "jane.subscriber@example.com", FirstName: "Jane", LastName: "Reader", Source: "order", OrderID: 100,
		ChannelID: 1, Consents: []string{"marketing_newsletter", "abandoned_cart"},
	}))
	john := must[*bigcommerce.Subscriber](t, "create subscriber with an e-mail only")(c.CreateSubscriber(ctx, bigcommerce.SubscriberCreate{Email: "john.subscriber@example.com"}))
	_, err := c.CreateSubscriber(ctx, bigcommerce.SubscriberCreate{Email: "JANE.subscriber@example.com"})
	refused(t, "create a subscriber with a taken e-mail (409)", err, bigcommerce.ErrConflict)
	// "newsletter" is a string, as the schema asks; the text lists the values.
	_, err = c.CreateSubscriber(ctx, bigcommerce.SubscriberCreate{Email: "x.subscriber@example.com", Source: "newsletter"})
	refused(t, "create a subscriber with an undocumented source (422)", err, bigcommerce.ErrValidation)

	must[*bigcommerce.Subscriber](t, "get subscriber")(c.GetSubscriber(ctx, jane.ID))
	_, err = c.GetSubscriber(ctx, 999999)
	refused(t, "get a missing subscriber (404)", err, bigcommerce.ErrNotFound)
	must[*bigcommerce.Subscriber](t, "update every field of a subscriber")(c.UpdateSubscriber(ctx, bigcommerce.SubscriberUpdate{
		ID: jane.ID, Email: ptr("jane2.subscriber@example.com"), FirstName: ptr("Janet"), LastName: ptr(""),
		Source: ptr("storefront"), ClearOrderID: true, ChannelID: ptr(1), Consents: &[]string{},
	}))
	must[*bigcommerce.Subscriber](t, "update one field of a subscriber")(c.UpdateSubscriber(ctx, bigcommerce.SubscriberUpdate{ID: john.ID, FirstName: ptr("John")}))
	_, err = c.UpdateSubscriber(ctx, bigcommerce.SubscriberUpdate{ID: 999999, FirstName: ptr("Ghost")})
	refused(t, "update a missing subscriber (404)", err, bigcommerce.ErrNotFound)
	_, err = c.UpdateSubscriber(ctx, bigcommerce.SubscriberUpdate{ID: john.ID, Email: ptr("Jane2.Subscriber@example.com")})
	refused(t, "update a subscriber to a taken e-mail (409)", err, bigcommerce.ErrConflict)
	_, err = c.UpdateSubscriber(ctx, bigcommerce.SubscriberUpdate{ID: john.ID, Source: ptr("import")})
	refused(t, "update a subscriber to an undocumented source (422)", err, bigcommerce.ErrValidation)

	today := time.Now().UTC().Format(time.DateOnly)
	for name, f := range map[string]bigcommerce.SubscriberFilter{
		"everything":        {},
		"id:in":             {IDs: []int{jane.ID, john.ID}},
		"email":             {Email: "john.subscriber@example.com"},
		"first_name":        {FirstName: "Janet"},
		"last_name":         {LastName: "Reader"},
		"source":            {Source: "custom"},
		"order_id":          {OrderID: 100},
		"date_created":      {DateCreated: jane.DateCreated},
		"date_created:min":  {DateCreatedMin: today},
		"date_created:max":  {DateCreatedMax: today + "T23:59:59"},
		"date_modified":     {DateModified: john.DateModified},
		"date_modified:min": {DateModifiedMin: today},
		"date_modified:max": {DateModifiedMax: today},
	} {
		must[[]bigcommerce.Subscriber](t, "list subscribers by "+name)(c.ListSubscribers(ctx, f))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, h.srv.URL+"/stores/"+h.srv.StoreHash+"/v3/customers/subscribers?email=nobody.subscriber%40example.com", nil)
	ok(t, "build a filtered collection delete", err)
	req.Header.Set("X-Auth-Token", h.srv.AccessToken)
	req.Header.Set("Accept", "application/json")
	resp, err := h.v.client().Do(req)
	ok(t, "delete subscribers by a filter matching nobody", err)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("delete subscribers by a filter matching nobody: %d", resp.StatusCode)
	}
	must[*bigcommerce.Subscriber](t, "the filtered delete kept the others")(c.GetSubscriber(ctx, john.ID))
	ok(t, "delete subscriber", c.DeleteSubscriber(ctx, john.ID))
	ok(t, "delete subscribers one by one", c.DeleteSubscribers(ctx, []int{jane.ID}))
}
