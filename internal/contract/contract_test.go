package contract

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// harness is a sandbox store, a validator in front of it, and a client
// talking through the validator.
type harness struct {
	srv    *sandbox.Server
	v      *validator
	client *bigcommerce.Client
}

func newHarness(t *testing.T, opts sandbox.Options) *harness {
	t.Helper()
	srv, err := sandbox.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	h := &harness{srv: srv, v: newValidator(t, srv.URL, srv.StoreHash)}
	h.client = h.newClient(t)
	// Reported however the test ends, before the store closes.
	t.Cleanup(func() { h.v.report(t) })
	return h
}

// newClient is a client with a pacer of its own, as another app of the
// store would have. It never retries, so every answer reaches the caller.
func (h *harness) newClient(t *testing.T) *bigcommerce.Client {
	t.Helper()
	c, err := bigcommerce.New(bigcommerce.Config{
		BaseURL:     h.srv.URL,
		StoreHash:   h.srv.StoreHash,
		AccessToken: h.srv.AccessToken,
		HTTPClient:  h.v.client(),
		MaxRetries:  -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ptr[T any](v T) *T { return &v }

// must fails the test at once: later steps depend on what this one made.
func must[T any](t *testing.T, step string) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return v
	}
}

func ok(t *testing.T, step string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// refused checks that a step failed the way the store should refuse it.
func refused(t *testing.T, step string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("%s: got %v, want an error that is %v", step, err, want)
	}
}

// TestClientAndSandboxFollowTheContract drives every client method the
// provider uses against the sandbox, and checks each request and answer
// against BigCommerce's OpenAPI documents.
func TestClientAndSandboxFollowTheContract(t *testing.T) {
	h := newHarness(t, sandbox.Options{Quota: -1})
	ctx := context.Background()
	c := h.client

	ran := 0
	run := func(name string, f func(t *testing.T)) {
		t.Run(name, func(t *testing.T) { ran++; f(t) })
	}
	run("customer groups", func(t *testing.T) { customerGroups(ctx, t, h) })
	group := must[*bigcommerce.CustomerGroup](t, "create group for customers")(c.CreateCustomerGroup(ctx, bigcommerce.CustomerGroupInput{Name: "Contract retail"}))
	run("customers", func(t *testing.T) { customers(ctx, t, c, group.ID) })
	run("addresses", func(t *testing.T) { addresses(ctx, t, c) })
	run("attributes and values", func(t *testing.T) { attributes(ctx, t, c) })
	run("settings", func(t *testing.T) { storeSettings(ctx, t, h) })
	run("consent", func(t *testing.T) { consent(ctx, t, c) })
	run("metafields", func(t *testing.T) { metafields(ctx, t, c) })
	run("segments and shopper profiles", func(t *testing.T) { segments(ctx, t, c) })
	run("subscribers", func(t *testing.T) { subscribers(ctx, t, h) })

	// A store whose quota is spent, so its answers are 429s.
	spent := newHarness(t, sandbox.Options{Quota: 1, Window: time.Minute})
	run("rate limits", func(t *testing.T) { rateLimits(ctx, t, spent) })

	if ran == 10 && !t.Failed() {
		// Every exception must still be needed.
		for key := range allowList {
			if h.v.allowed[key]+spent.v.allowed[key] == 0 {
				t.Errorf("no %s answer was %d: drop its allow-list entry", key.operation, key.status)
			}
		}
	}
}

func customerGroups(ctx context.Context, t *testing.T, h *harness) {
	c := h.client
	rules := []bigcommerce.DiscountRule{
		{Type: "all", Method: "percent", Amount: "5"},
		{Type: "category", Method: "fixed", Amount: "2.5", CategoryID: 18},
		{Type: "product", Method: "price", Amount: "9.99", ProductID: 77},
	}
	g := must[*bigcommerce.CustomerGroup](t, "create group")(c.CreateCustomerGroup(ctx, bigcommerce.CustomerGroupInput{
		Name:             "Contract wholesale",
		IsDefault:        ptr(false),
		IsGroupForGuests: ptr(false),
		CategoryAccess:   &bigcommerce.CategoryAccess{Type: "specific", Categories: []int{18, 23}},
		DiscountRules:    &rules,
	}))
	must[*bigcommerce.CustomerGroup](t, "get group")(c.GetCustomerGroup(ctx, g.ID))
	// A price list replaces every other rule.
	rules = []bigcommerce.DiscountRule{{Type: "price_list", PriceListID: 3}}
	must[*bigcommerce.CustomerGroup](t, "update group")(c.UpdateCustomerGroup(ctx, g.ID, bigcommerce.CustomerGroupInput{
		Name:           "Contract wholesale EU",
		CategoryAccess: &bigcommerce.CategoryAccess{Type: "all"},
		DiscountRules:  &rules,
	}))
	none := []bigcommerce.DiscountRule{}
	must[*bigcommerce.CustomerGroup](t, "clear rules")(c.UpdateCustomerGroup(ctx, g.ID, bigcommerce.CustomerGroupInput{
		Name: "Contract wholesale EU", CategoryAccess: &bigcommerce.CategoryAccess{Type: "none"}, DiscountRules: &none,
	}))
	must[[]bigcommerce.CustomerGroup](t, "list groups")(c.ListCustomerGroups(ctx, bigcommerce.CustomerGroupFilter{}))
	must[[]bigcommerce.CustomerGroup](t, "list groups by name:like")(c.ListCustomerGroups(ctx, bigcommerce.CustomerGroupFilter{NameLike: "wholesale"}))
	must[*bigcommerce.CustomerGroup](t, "find group by name")(c.FindCustomerGroupByName(ctx, "Contract wholesale EU"))
	_, err := c.FindCustomerGroupByName(ctx, "No such group")
	refused(t, "find a missing group (an empty V2 list)", err, bigcommerce.ErrNotFound)

	_, err = c.CreateCustomerGroup(ctx, bigcommerce.CustomerGroupInput{Name: "contract WHOLESALE eu"})
	refused(t, "create a group with a taken name", err, bigcommerce.ErrConflict)
	tooMuch := []bigcommerce.DiscountRule{{Type: "all", Method: "percent", Amount: "150"}}
	_, err = c.UpdateCustomerGroup(ctx, g.ID, bigcommerce.CustomerGroupInput{Name: "Contract wholesale EU", DiscountRules: &tooMuch})
	refused(t, "update a group with a discount over 100%", err, bigcommerce.ErrValidation)

	// The documented 207: saved, but not the discount rules.
	h.srv.SetFaults(sandbox.Faults{GroupDiscount207: true})
	_, err = c.CreateCustomerGroup(ctx, bigcommerce.CustomerGroupInput{Name: "Contract 207", DiscountRules: &rules})
	h.srv.SetFaults(sandbox.Faults{})
	refused(t, "create a group whose rules the store drops", err, bigcommerce.ErrPartialSave)

	ok(t, "delete group", c.DeleteCustomerGroup(ctx, g.ID))
	_, err = c.GetCustomerGroup(ctx, g.ID)
	refused(t, "get a deleted group", err, bigcommerce.ErrNotFound)
}

func customers(ctx context.Context, t *testing.T, c *bigcommerce.Client, groupID int) {
	const password = "Contract123"
	everywhere := must[*bigcommerce.Customer](t, "create customer with every field")(c.CreateCustomer(ctx, bigcommerce.CustomerCreate{
		Email:                                   "jane.contract@example.com",
		FirstName:                               "Jane",
		LastName:                                "Contract",
		Company:                                 "Acme Corp",
		Phone:                                   "555-0100",
		Notes:                                   "Prefers e-mail",
		TaxExemptCategory:                       "E",
		CustomerGroupID:                         groupID,
		Authentication:                          &bigcommerce.AuthenticationInput{NewPassword: password, ForcePasswordReset: ptr(true)},
		AcceptsProductReviewAbandonedCartEmails: ptr(true),
		StoreCreditAmounts:                      []bigcommerce.StoreCredit{{Amount: "43.15"}},
		OriginChannelID:                         ptr(1),
		ChannelIDs:                              nil, // omitted: every channel
		FormFields: []bigcommerce.FormField{
			{Name: "shirt_size", Value: bigcommerce.TextValue("L")},
			{Name: "employees", Value: bigcommerce.NumberValue("12.5")},
			{Name: "interests", Value: bigcommerce.ListValue([]string{"a", "b"})},
		},
		TriggerAccountCreatedNotification: ptr(false),
	}))
	channels := must[*bigcommerce.Customer](t, "create customer in two channels")(c.CreateCustomer(ctx, bigcommerce.CustomerCreate{
		Email: "john.contract@example.com", FirstName: "John", LastName: "Contract", ChannelIDs: []int{1, 2},
	}))

	must[*bigcommerce.Customer](t, "get customer")(c.GetCustomer(ctx, everywhere.ID))
	must[[]bigcommerce.Customer](t, "get customers")(c.GetCustomers(ctx, []int{everywhere.ID, channels.ID}))
	ok(t, "set the registration IP through V2", c.SetRegistrationIP(ctx, everywhere.ID, "192.0.2.10"))
	must[*bigcommerce.Customer](t, "update every field of a customer")(c.UpdateCustomer(ctx, bigcommerce.CustomerUpdate{
		ID:                                      everywhere.ID,
		Email:                                   ptr("jane.contract2@example.com"),
		FirstName:                               ptr("Janet"),
		LastName:                                ptr("Contract-Smith"),
		Company:                                 ptr("Globex"),
		Phone:                                   ptr("555-0101"),
		Notes:                                   ptr(""),
		TaxExemptCategory:                       ptr(""),
		CustomerGroupID:                         ptr(0),
		Authentication:                          &bigcommerce.AuthenticationInput{NewPassword: password + "x", ForcePasswordReset: ptr(false)},
		AcceptsProductReviewAbandonedCartEmails: ptr(false),
		StoreCreditAmounts:                      []bigcommerce.StoreCredit{{Amount: "0.0001"}},
		ChannelIDs:                              []int{1},
		FormFields:                              []bigcommerce.FormField{{Name: "shirt_size", Value: bigcommerce.TextValue("")}},
	}))
	must[*bigcommerce.Customer](t, "update one field of a customer")(c.UpdateCustomer(ctx, bigcommerce.CustomerUpdate{
		ID: channels.ID, Phone: ptr("555-0199"),
	}))
	today := time.Now().UTC().Format(time.DateOnly)
	for name, f := range map[string]bigcommerce.CustomerFilter{
		"everything":        {},
		"id:in":             {IDs: []int{everywhere.ID, channels.ID}},
		"email:in":          {Emails: []string{"jane.contract@example.com", "a+b@example.com"}},
		"name:in":           {Names: []string{"John Contract"}},
		"name:like":         {NameLike: []string{"contract", "jane"}},
		"company:in":        {Companies: []string{"Acme Corp"}},
		"customer_group_id": {CustomerGroupIDs: []int{0, groupID}},
		"phone:in":          {Phones: []string{"555-0101"}},
		"date_created:min":  {DateCreatedMin: today},
		"date_created:max":  {DateCreatedMax: today + "T23:59:59"},
		"date_modified:min": {DateModifiedMin: today + "T00:00:00"},
		"date_modified:max": {DateModifiedMax: today},
		"sort":              {Sort: "last_name:desc"},
		"every filter at once": {
			IDs: []int{everywhere.ID}, Emails: []string{"jane.contract@example.com"}, NameLike: []string{"Jane"},
			Companies: []string{"Acme Corp"}, DateCreatedMin: today, Sort: "date_created:asc",
		},
	} {
		for _, err := range c.ListCustomers(ctx, f) {
			ok(t, "list customers by "+name, err)
		}
	}
	must[*bigcommerce.Customer](t, "find customer by e-mail")(c.FindCustomerByEmail(ctx, "JANE.contract2@example.com"))

	valid := must[bool](t, "validate credentials")(c.ValidateCredentials(ctx, "jane.contract2@example.com", password+"x", 1))
	invalid := must[bool](t, "validate wrong credentials")(c.ValidateCredentials(ctx, "jane.contract2@example.com", "wrong1234", 0))
	if !valid || invalid {
		t.Errorf("validate credentials: right password %v, wrong password %v", valid, invalid)
	}

	_, err := c.CreateCustomer(ctx, bigcommerce.CustomerCreate{Email: "Jane.Contract2@example.com", FirstName: "Other", LastName: "Jane"})
	refused(t, "create a customer with a taken e-mail", err, bigcommerce.ErrValidation)
	_, err = c.UpdateCustomer(ctx, bigcommerce.CustomerUpdate{ID: 999999, FirstName: ptr("No")})
	refused(t, "update a missing customer", err, bigcommerce.ErrValidation)

	ok(t, "delete customer", c.DeleteCustomer(ctx, channels.ID))
	ok(t, "delete a deleted customer", c.DeleteCustomer(ctx, channels.ID))
}

func addresses(ctx context.Context, t *testing.T, c *bigcommerce.Client) {
	cu := must[*bigcommerce.Customer](t, "create customer for addresses")(c.CreateCustomer(ctx, bigcommerce.CustomerCreate{
		Email: "addresses.contract@example.com", FirstName: "Ada", LastName: "Dress",
	}))
	home := bigcommerce.AddressFields{
		FirstName: "Ada", LastName: "Dress", Company: "Acme", Address1: "1 Main Street", Address2: "Suite 2",
		City: "Austin", StateOrProvince: "Texas", PostalCode: "78701", CountryCode: "US", Phone: "555-0102",
		AddressType: "residential",
	}
	office := home
	office.Address1, office.AddressType = "500 Congress Avenue", "commercial"

	a := must[*bigcommerce.Address](t, "create address")(c.CreateAddress(ctx, bigcommerce.AddressCreate{CustomerID: cu.ID, AddressFields: home}))
	_, err := c.CreateAddress(ctx, bigcommerce.AddressCreate{CustomerID: cu.ID, AddressFields: home})
	var dup *bigcommerce.DuplicateAddressError
	if !errors.As(err, &dup) || dup.ExistingID != a.ID {
		t.Fatalf("create a duplicate address: got %v, want a DuplicateAddressError naming %d", err, a.ID)
	}
	berlin := bigcommerce.AddressFields{FirstName: "Ada", LastName: "Dress", Address1: "Unter den Linden 1", City: "Berlin", PostalCode: "10117", CountryCode: "DE"}
	got, err := c.CreateAddresses(ctx, []bigcommerce.AddressCreate{
		{CustomerID: cu.ID, AddressFields: office},
		{CustomerID: cu.ID, AddressFields: home}, // dropped: a duplicate
		{CustomerID: cu.ID, AddressFields: berlin},
	})
	if !errors.As(err, &dup) || got[0].ID == 0 || got[2].ID == 0 {
		t.Fatalf("create addresses with a duplicate among them: got %v, %v", got, err)
	}
	must[*bigcommerce.Address](t, "get address")(c.GetAddress(ctx, a.ID))
	must[[]bigcommerce.Address](t, "list addresses")(c.ListAddresses(ctx, bigcommerce.AddressFilter{CustomerIDs: []int{cu.ID}, IDs: []int{a.ID, got[0].ID}}))
	must[[]bigcommerce.Address](t, "list every address")(c.ListAddresses(ctx, bigcommerce.AddressFilter{}))
	home.Phone = "555-0199"
	must[*bigcommerce.Address](t, "update address")(c.UpdateAddress(ctx, bigcommerce.AddressUpdate{ID: a.ID, AddressFields: home}))
	_, err = c.UpdateAddress(ctx, bigcommerce.AddressUpdate{ID: got[2].ID, AddressFields: home})
	if !errors.As(err, &dup) {
		t.Fatalf("update an address into a duplicate: got %v, want a DuplicateAddressError", err)
	}
	_, err = c.UpdateAddress(ctx, bigcommerce.AddressUpdate{ID: 999999, AddressFields: home})
	refused(t, "update a missing address", err, bigcommerce.ErrNotFound)
	_, err = c.CreateAddress(ctx, bigcommerce.AddressCreate{CustomerID: cu.ID, AddressFields: bigcommerce.AddressFields{
		FirstName: "Ada", LastName: "Dress", Address1: "1 Main Street", City: "Austin", CountryCode: "US", PostalCode: "78701",
	}})
	refused(t, "create a US address without a state", err, bigcommerce.ErrValidation)
	ok(t, "delete address", c.DeleteAddress(ctx, a.ID))
}

func attributes(ctx context.Context, t *testing.T, c *bigcommerce.Client) {
	cu := must[*bigcommerce.Customer](t, "create customer for attributes")(c.CreateCustomer(ctx, bigcommerce.CustomerCreate{
		Email: "attributes.contract@example.com", FirstName: "Attie", LastName: "Bute",
	}))
	text := must[*bigcommerce.Attribute](t, "create string attribute")(c.CreateAttribute(ctx, bigcommerce.AttributeCreate{Name: "Nickname", Type: "string"}))
	created := must[[]bigcommerce.Attribute](t, "create attributes")(c.CreateAttributes(ctx, []bigcommerce.AttributeCreate{
		{Name: "Shoe size", Type: "number"}, {Name: "Joined", Type: "date"},
	}))
	number, date := created[0], created[1]
	_, err := c.CreateAttribute(ctx, bigcommerce.AttributeCreate{Name: "nickname", Type: "string"})
	refused(t, "create an attribute with a taken name", err, bigcommerce.ErrValidation)

	must[*bigcommerce.Attribute](t, "get attribute")(c.GetAttribute(ctx, text.ID))
	must[*bigcommerce.Attribute](t, "find attribute by name")(c.FindAttributeByName(ctx, "SHOE SIZE"))
	must[[]bigcommerce.Attribute](t, "list attributes by type")(c.ListAttributes(ctx, bigcommerce.AttributeFilter{Type: "date"}))
	must[*bigcommerce.Attribute](t, "rename attribute")(c.UpdateAttribute(ctx, bigcommerce.AttributeUpdate{ID: text.ID, Name: "Nick"}))
	_, err = c.UpdateAttribute(ctx, bigcommerce.AttributeUpdate{ID: 999999, Name: "Ghost"})
	refused(t, "rename a missing attribute", err, bigcommerce.ErrNotFound)

	values := must[[]bigcommerce.AttributeValue](t, "upsert values")(c.UpsertAttributeValues(ctx, []bigcommerce.AttributeValueUpsert{
		{CustomerID: cu.ID, AttributeID: text.ID, Value: "Attie"},
		{CustomerID: cu.ID, AttributeID: number.ID, Value: "42.5"},
		{CustomerID: cu.ID, AttributeID: date.ID, Value: "2024-05-14"},
	}))
	must[*bigcommerce.AttributeValue](t, "replace value")(c.UpsertAttributeValue(ctx, bigcommerce.AttributeValueUpsert{CustomerID: cu.ID, AttributeID: text.ID, Value: ""}))
	_, err = c.UpsertAttributeValue(ctx, bigcommerce.AttributeValueUpsert{CustomerID: cu.ID, AttributeID: number.ID, Value: "forty-two"})
	refused(t, "upsert a number attribute with text", err, bigcommerce.ErrValidation)
	must[*bigcommerce.AttributeValue](t, "get value")(c.GetAttributeValue(ctx, cu.ID, number.ID))
	must[[]bigcommerce.AttributeValue](t, "list values by attribute")(c.ListAttributeValues(ctx, bigcommerce.AttributeValueFilter{AttributeIDs: []int{date.ID}}))
	must[[]bigcommerce.AttributeValue](t, "list every value")(c.ListAttributeValues(ctx, bigcommerce.AttributeValueFilter{}))
	ok(t, "delete value", c.DeleteAttributeValue(ctx, values[0].ID))
	ok(t, "delete attributes", c.DeleteAttributes(ctx, []int{text.ID, number.ID, date.ID}))
}

// rateLimits spends a quota of one request and checks the 429s that
// follow. Each client stands for another app of the store: its pacer has not
// seen the quota run out.
func rateLimits(ctx context.Context, t *testing.T, h *harness) {
	must[[]bigcommerce.CustomerGroup](t, "spend the quota")(h.client.ListCustomerGroups(ctx, bigcommerce.CustomerGroupFilter{}))
	_, err := h.newClient(t).ValidateCredentials(ctx, "someone@example.com", "secret123", 0)
	refused(t, "validate credentials", err, bigcommerce.ErrRateLimited)
	_, err = h.newClient(t).GetCustomer(ctx, 1)
	refused(t, "get customer", err, bigcommerce.ErrRateLimited)
	_, err = h.newClient(t).GetCustomerGroup(ctx, 1)
	refused(t, "get customer group", err, bigcommerce.ErrRateLimited)
	_, err = h.newClient(t).CreateAttribute(ctx, bigcommerce.AttributeCreate{Name: "Late", Type: "string"})
	refused(t, "create attribute", err, bigcommerce.ErrRateLimited)
	if got := http.StatusTooManyRequests; h.v.statusCount(got) != 4 {
		t.Errorf("%d answers were %d, want 4", h.v.statusCount(got), got)
	}
}
