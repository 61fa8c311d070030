package contract

import (
	"context"
	"errors"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// storeSettings drives the global and channel customer settings. A new
// channel inherits every setting, so its answers carry nulls.
func storeSettings(ctx context.Context, t *testing.T, h *harness) {
	c := h.client
	h.srv.SeedChannel(2)
	retail := must[*bigcommerce.CustomerGroup](t, "create group for settings")(c.CreateCustomerGroup(ctx, bigcommerce.CustomerGroupInput{Name: "Contract settings"}))

	must[*bigcommerce.CustomerSettings](t, "get settings")(c.GetCustomerSettings(ctx))
	global := must[*bigcommerce.CustomerSettings](t, "update settings")(c.UpdateCustomerSettings(ctx, bigcommerce.CustomerSettingsUpdate{
		AskShopperForTrackingConsent: ptr(true),
		PolicyURL:                    ptr("https://example.com/privacy"),
		GuestCustomerGroupID:         ptr(0),
		DefaultCustomerGroupID:       &retail.ID,
	}))
	_, err := c.UpdateCustomerSettings(ctx, bigcommerce.CustomerSettingsUpdate{DefaultCustomerGroupID: ptr(999999)})
	refused(t, "update settings with an unknown group", err, bigcommerce.ErrValidation)

	fresh := must[*bigcommerce.ChannelCustomerSettings](t, "get a new channel's settings")(c.GetChannelCustomerSettings(ctx, 2))
	if fresh.Effective(*global) != *global {
		t.Errorf("a new channel applies %+v, want the global %+v", fresh.Effective(*global), *global)
	}
	own := must[*bigcommerce.ChannelCustomerSettings](t, "update channel settings")(c.UpdateChannelCustomerSettings(ctx, 2, bigcommerce.ChannelCustomerSettingsUpdate{
		AskShopperForTrackingConsent: bigcommerce.Override(false),
		PolicyURL:                    bigcommerce.Override("https://example.com/eu"),
		AllowGlobalLogins:            ptr(true),
	}))
	if own.DefaultCustomerGroupID != nil || own.PolicyURL == nil {
		t.Errorf("channel settings after the update: %+v", own)
	}
	// Inheriting again sends null, which no schema of the document allows:
	// the sandbox's unit tests cover it (doc.go quotes the operation).
	_, err = c.GetChannelCustomerSettings(ctx, 99)
	refused(t, "get an unknown channel's settings", err, bigcommerce.ErrNotFound)
}

func consent(ctx context.Context, t *testing.T, c *bigcommerce.Client) {
	cu := must[*bigcommerce.Customer](t, "create customer for consent")(c.CreateCustomer(ctx, bigcommerce.CustomerCreate{
		Email: "consent.contract@example.com", FirstName: "Connie", LastName: "Sent",
	}))
	must[*bigcommerce.CustomerConsent](t, "get consent never declared")(c.GetCustomerConsent(ctx, cu.ID))
	must[*bigcommerce.CustomerConsent](t, "update consent")(c.UpdateCustomerConsent(ctx, cu.ID, bigcommerce.ConsentOf([]string{"essential", "functional"}, []string{"analytics", "targeting"})))
	must[*bigcommerce.CustomerConsent](t, "get consent")(c.GetCustomerConsent(ctx, cu.ID))
	deny := []string{"targeting"}
	must[*bigcommerce.CustomerConsent](t, "update only the denied categories")(c.UpdateCustomerConsent(ctx, cu.ID, bigcommerce.ConsentUpdate{Deny: &deny}))
	_, err := c.UpdateCustomerConsent(ctx, cu.ID, bigcommerce.ConsentOf([]string{"analytics"}, []string{"analytics"}))
	refused(t, "allow and deny one category", err, bigcommerce.ErrValidation)
	_, err = c.GetCustomerConsent(ctx, 999999)
	refused(t, "get a missing customer's consent", err, bigcommerce.ErrValidation)
	_, err = c.UpdateCustomerConsent(ctx, 999999, bigcommerce.ConsentOf(nil, nil))
	refused(t, "update a missing customer's consent", err, bigcommerce.ErrValidation)
}

func metafields(ctx context.Context, t *testing.T, c *bigcommerce.Client) {
	cu := must[*bigcommerce.Customer](t, "create customer for metafields")(c.CreateCustomer(ctx, bigcommerce.CustomerCreate{
		Email: "metafields.contract@example.com", FirstName: "Meta", LastName: "Field",
	}))
	one := must[*bigcommerce.Metafield](t, "create metafield")(c.CreateCustomerMetafield(ctx, bigcommerce.MetafieldCreate{
		CustomerID: cu.ID, Namespace: "Loyalty", Key: "tier", Value: "gold", PermissionSet: "app_only", Description: "Tier of the programme",
	}))
	_, err := c.CreateCustomerMetafield(ctx, bigcommerce.MetafieldCreate{CustomerID: cu.ID, Namespace: "Loyalty", Key: "tier", Value: "silver", PermissionSet: "read"})
	refused(t, "create a metafield with a taken key", err, bigcommerce.ErrConflict)
	_, err = c.CreateCustomerMetafield(ctx, bigcommerce.MetafieldCreate{CustomerID: 999999, Namespace: "Loyalty", Key: "tier", Value: "gold", PermissionSet: "read"})
	refused(t, "create a metafield of a missing customer", err, bigcommerce.ErrValidation)
	must[*bigcommerce.Metafield](t, "get metafield")(c.GetCustomerMetafield(ctx, cu.ID, one.ID))
	_, err = c.GetCustomerMetafield(ctx, cu.ID, 999999)
	refused(t, "get a missing metafield", err, bigcommerce.ErrNotFound)
	must[*bigcommerce.Metafield](t, "update metafield")(c.UpdateCustomerMetafield(ctx, cu.ID, bigcommerce.MetafieldUpdate{ID: one.ID, Value: ptr("platinum"), PermissionSet: ptr("write_and_sf_access")}))
	_, err = c.UpdateCustomerMetafield(ctx, cu.ID, bigcommerce.MetafieldUpdate{ID: 999999, Value: ptr("x")})
	refused(t, "update a missing metafield", err, bigcommerce.ErrNotFound)

	results, err := c.CreateCustomerMetafields(ctx, []bigcommerce.MetafieldCreate{
		{CustomerID: cu.ID, Namespace: "Loyalty", Key: "since", Value: "2024", PermissionSet: "read"},
		{CustomerID: cu.ID, Namespace: "Loyalty", Key: "TIER", Value: "x", PermissionSet: "read"}, // a clash
		{CustomerID: 999999, Namespace: "Loyalty", Key: "tier", Value: "x", PermissionSet: "write"},
		{CustomerID: cu.ID, Namespace: "Support", Key: "agent", Value: "Ann", PermissionSet: "read_and_sf_access"},
	})
	ok(t, "create metafields, some refused (the partial success)", err)
	if results[0].Err != nil || !errors.Is(results[1].Err, bigcommerce.ErrConflict) || !errors.Is(results[2].Err, bigcommerce.ErrValidation) || results[3].Err != nil {
		t.Fatalf("create metafields: %v", results.Err())
	}
	since := results[0].Metafield
	_, err = c.CreateCustomerMetafields(ctx, []bigcommerce.MetafieldCreate{{CustomerID: cu.ID, Namespace: "Support", Key: "queue", Value: "vip", PermissionSet: "write"}})
	ok(t, "create metafields", err)
	_, err = c.UpdateCustomerMetafield(ctx, cu.ID, bigcommerce.MetafieldUpdate{ID: since.ID, Key: ptr("agent"), Namespace: ptr("Support")})
	refused(t, "update a metafield onto a taken key", err, bigcommerce.ErrConflict)

	updated, err := c.UpdateCustomerMetafields(ctx, []bigcommerce.MetafieldUpdate{
		{ID: since.ID, Value: ptr("2023"), Description: ptr("Member since")},
		{ID: 999999, Value: ptr("x")},
	})
	ok(t, "update metafields, one missing (the partial success)", err)
	if updated[0].Err != nil || !errors.Is(updated[1].Err, bigcommerce.ErrNotFound) {
		t.Fatalf("update metafields: %v", updated.Err())
	}
	_, err = c.UpdateCustomerMetafields(ctx, []bigcommerce.MetafieldUpdate{{ID: since.ID, Value: ptr("2022")}})
	ok(t, "update metafields", err)

	for name, f := range map[string]bigcommerce.MetafieldFilter{
		"a customer's":        {CustomerID: cu.ID},
		"a customer's by key": {CustomerID: cu.ID, Keys: []string{"tier", "since"}, Namespaces: []string{"Loyalty"}},
		"every customer's":    {},
		"by namespace:in":     {Namespaces: []string{"Support", "Other"}, DateCreatedMin: "2020-01-01", DateModifiedMax: "2999-12-31T23:59:59"},
	} {
		_, err := c.ListCustomerMetafields(ctx, f)
		ok(t, "list metafields "+name, err)
	}
	_, err = c.ListCustomerMetafields(ctx, bigcommerce.MetafieldFilter{CustomerID: 999999})
	refused(t, "list a missing customer's metafields", err, bigcommerce.ErrNotFound)

	ok(t, "delete metafield", c.DeleteCustomerMetafield(ctx, cu.ID, one.ID))
	err = c.DeleteCustomerMetafield(ctx, cu.ID, one.ID)
	refused(t, "delete a deleted metafield", err, bigcommerce.ErrNotFound)
	deleted, failed, err := c.DeleteCustomerMetafields(ctx, []int{since.ID, one.ID})
	ok(t, "delete metafields, one gone (the partial success)", err)
	if len(deleted) != 1 || len(failed) != 1 || !errors.Is(failed[0], bigcommerce.ErrNotFound) {
		t.Fatalf("delete metafields: deleted %v, refused %v", deleted, failed)
	}
	rest := must[[]bigcommerce.Metafield](t, "list what is left")(c.ListCustomerMetafields(ctx, bigcommerce.MetafieldFilter{CustomerID: cu.ID}))
	ids := make([]int, len(rest))
	for i, m := range rest {
		ids[i] = m.ID
	}
	deleted, failed, err = c.DeleteCustomerMetafields(ctx, ids)
	ok(t, "delete metafields", err)
	if len(deleted) != len(ids) || len(failed) != 0 {
		t.Fatalf("delete metafields: deleted %v of %v, refused %v", deleted, ids, failed)
	}
}
