package customersubscriber

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwtypes"
)

func ptr[T any](v T) *T { return &v }

func stateModel() resourceModel {
	return resourceModel{
		Email: fwtypes.NewCaseInsensitiveString("jane@example.com"),
		subscriberModel: subscriberModel{
			ID:        types.StringValue("7"),
			FirstName: types.StringValue("Jane"),
			LastName:  types.StringNull(),
			Source:    types.StringValue("order"),
			OrderID:   types.Int64Value(42),
			ChannelID: types.Int64Value(1),
			Consents:  consentSet([]string{"marketing_newsletter"}),
		},
	}
}

func TestExpandUpdateSendsOnlyWhatChanged(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		change func(*resourceModel)
		want   string // the JSON body; "" for no update
	}{
		{"nothing", func(*resourceModel) {}, ""},
		{"e-mail case only", func(m *resourceModel) { m.Email = fwtypes.NewCaseInsensitiveString("JANE@example.com") }, ""},
		{"e-mail", func(m *resourceModel) { m.Email = fwtypes.NewCaseInsensitiveString("joan@example.com") }, `{"email":"joan@example.com"}`},
		{"first name removed", func(m *resourceModel) { m.FirstName = types.StringNull() }, `{"first_name":""}`},
		{"last name null to empty", func(m *resourceModel) { m.LastName = types.StringValue("") }, ""},
		{"last name set", func(m *resourceModel) { m.LastName = types.StringValue("Doe") }, `{"last_name":"Doe"}`},
		{"source and order cleared", func(m *resourceModel) {
			m.Source = types.StringValue("custom")
			m.OrderID = types.Int64Null()
		}, `{"source":"custom","order_id":null}`},
		{"order changed", func(m *resourceModel) { m.OrderID = types.Int64Value(43) }, `{"order_id":43}`},
		{"channel", func(m *resourceModel) { m.ChannelID = types.Int64Value(2) }, `{"channel_id":2}`},
		{"consents withdrawn", func(m *resourceModel) { m.Consents = consentSet(nil) }, `{"consents":[]}`},
		{"consents sorted", func(m *resourceModel) { m.Consents = consentSet([]string{"marketing_newsletter", "abandoned_cart"}) }, `{"consents":["abandoned_cart","marketing_newsletter"]}`},
		{"unknowns", func(m *resourceModel) {
			m.Source = types.StringUnknown()
			m.ChannelID = types.Int64Unknown()
			m.Consents = types.SetUnknown(types.StringType)
			m.OrderID = types.Int64Unknown()
		}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			state := stateModel()
			plan := stateModel()
			c.change(&plan)
			u, changed, diags := expandUpdate(ctx, 7, plan, state)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if changed != (c.want != "") {
				t.Fatalf("changed = %v, want body %q", changed, c.want)
			}
			if !changed {
				return
			}
			body, err := json.Marshal(u)
			if err != nil {
				t.Fatal(err)
			}
			var got, want any
			_ = json.Unmarshal(body, &got)
			_ = json.Unmarshal([]byte(c.want), &want)
			if g, w := mustJSON(got), mustJSON(want); g != w {
				t.Errorf("sent %s, want %s", g, w)
			}
		})
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestExpandCreateLeavesOutWhatIsUnset(t *testing.T) {
	ctx := context.Background()
	plan := resourceModel{
		Email: fwtypes.NewCaseInsensitiveString("jane@example.com"),
		subscriberModel: subscriberModel{
			FirstName: types.StringNull(), LastName: types.StringValue("Doe"),
			Source: types.StringUnknown(), OrderID: types.Int64Null(), ChannelID: types.Int64Unknown(),
			Consents: types.SetUnknown(types.StringType),
		},
	}
	in, diags := expandCreate(ctx, plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	body, _ := json.Marshal(in)
	if string(body) != `{"email":"jane@example.com","last_name":"Doe"}` {
		t.Errorf("sent %s", body)
	}
	plan.Source, plan.OrderID, plan.ChannelID = types.StringValue("order"), types.Int64Value(5), types.Int64Value(2)
	plan.Consents = consentSet([]string{"marketing_newsletter", "abandoned_cart"})
	in, _ = expandCreate(ctx, plan)
	body, _ = json.Marshal(in)
	if want := `{"email":"jane@example.com","last_name":"Doe","source":"order","order_id":5,"channel_id":2,"consents":["abandoned_cart","marketing_newsletter"]}`; string(body) != want {
		t.Errorf("sent %s, want %s", body, want)
	}
}

func TestFlattenState(t *testing.T) {
	m := resourceModel{
		Email:           fwtypes.NewCaseInsensitiveString("JANE@example.com"),
		subscriberModel: subscriberModel{FirstName: types.StringNull(), LastName: types.StringValue("")},
	}
	flattenState(&bigcommerce.Subscriber{
		ID: 9, Email: "jane@example.com", Source: "custom", ChannelID: 1, Consents: []string{"marketing_newsletter", "abandoned_cart"},
		DateCreated: "2024-05-14T09:34:00Z", DateModified: "2024-05-15T09:34:00Z",
	}, &m)
	if m.Email.ValueString() != "JANE@example.com" {
		t.Errorf("email %s: the configuration's spelling is kept", m.Email)
	}
	if !m.FirstName.IsNull() || m.LastName.ValueString() != "" || m.LastName.IsNull() {
		t.Errorf("names %s %s: an omitted name stays null, an empty one empty", m.FirstName, m.LastName)
	}
	if !m.OrderID.IsNull() || m.ID.ValueString() != "9" || m.ChannelID.ValueInt64() != 1 || m.Source.ValueString() != "custom" {
		t.Errorf("flattened %+v", m.subscriberModel)
	}
	if want := consentSet([]string{"abandoned_cart", "marketing_newsletter"}); !m.Consents.Equal(want) {
		t.Errorf("consents %s", m.Consents)
	}

	flattenState(&bigcommerce.Subscriber{ID: 9, Email: "joan@example.com", FirstName: "Joan", OrderID: ptr(3)}, &m)
	if m.Email.ValueString() != "joan@example.com" || m.FirstName.ValueString() != "Joan" || m.OrderID.ValueInt64() != 3 {
		t.Errorf("flattened %+v, email %s", m.subscriberModel, m.Email)
	}
	if m.Consents.IsNull() || len(m.Consents.Elements()) != 0 {
		t.Errorf("no consents should be an empty set, got %s", m.Consents)
	}
}

func TestKeepUnmanaged(t *testing.T) {
	config := resourceModel{subscriberModel: subscriberModel{Source: types.StringNull(), ChannelID: types.Int64Value(2), Consents: types.SetNull(types.StringType)}}
	plan := resourceModel{subscriberModel: subscriberModel{Source: types.StringValue("storefront"), ChannelID: types.Int64Value(2), Consents: consentSet(nil)}}
	got := resourceModel{subscriberModel: subscriberModel{Source: types.StringValue("custom"), ChannelID: types.Int64Value(3), Consents: consentSet([]string{"abandoned_cart"})}}
	keepUnmanaged(config, plan, &got)
	if got.Source.ValueString() != "storefront" || !got.Consents.Equal(consentSet(nil)) {
		t.Errorf("unmanaged values not kept: %s %s", got.Source, got.Consents)
	}
	if got.ChannelID.ValueInt64() != 3 {
		t.Errorf("a managed value is the store's: %s", got.ChannelID)
	}
}

func TestNewDataModel(t *testing.T) {
	m := newDataModel(&bigcommerce.Subscriber{ID: 4, Email: "Jane@Example.com", Consents: nil})
	if m.FirstName.ValueString() != "" || m.FirstName.IsNull() || m.Email.ValueString() != "Jane@Example.com" || !m.OrderID.IsNull() {
		t.Errorf("data model %+v", m)
	}
}

func TestParseImportID(t *testing.T) {
	for _, c := range []struct {
		raw, email string
		id         int
		err        string
	}{
		{"42", "", 42, ""},
		{" 42 ", "", 42, ""},
		{"Jane@Example.com", "Jane@Example.com", 0, ""},
		{"0", "", 0, `a subscriber id is a positive number, got "0"`},
		{"-3", "", 0, `a subscriber id is a positive number, got "-3"`},
		{"  ", "", 0, `expected a subscriber's numeric id`},
	} {
		id, email, err := parseImportID(c.raw)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("parseImportID(%q): %v, want %q", c.raw, err, c.err)
			}
			continue
		}
		if err != nil || id != c.id || email != c.email {
			t.Errorf("parseImportID(%q) = %d, %q, %v", c.raw, id, email, err)
		}
	}
}

func TestAttributeFor(t *testing.T) {
	for field, want := range map[string]string{
		"email": "email", "order_id": "order_id", "consents.1": "consents", "consents[0]": "consents",
		"channel_id": "channel_id", "id": "", "date_created": "",
	} {
		if got := attributeFor(field); got != want {
			t.Errorf("attributeFor(%q) = %q, want %q", field, got, want)
		}
	}
}

func TestImportAdviceNamesTheSubscriber(t *testing.T) {
	got := importAdvice(&bigcommerce.Subscriber{ID: 31, Email: "jane@example.com"}, bigcommerce.ErrConflict)
	for _, want := range []string{"subscriber 31 with the e-mail jane@example.com", "terraform import <resource address> 31", "id = \"31\""} {
		if !strings.Contains(got, want) {
			t.Errorf("advice lacks %q:\n%s", want, got)
		}
	}
}

func TestDisplayName(t *testing.T) {
	if got := displayName(&bigcommerce.Subscriber{FirstName: "Jane", Email: "j@example.com"}); got != "Jane <j@example.com>" {
		t.Error(got)
	}
	if got := displayName(&bigcommerce.Subscriber{Email: "j@example.com"}); got != "j@example.com" {
		t.Error(got)
	}
}

func TestSubscriberObjectTypeMatchesDataModel(t *testing.T) {
	// Every attribute of the listed object has a field in dataModel.
	obj, diags := types.ObjectValueFrom(context.Background(), fwresource.ObjectType(subscriberDataAttributes()).AttrTypes, newDataModel(&bigcommerce.Subscriber{ID: 1, Email: "a@example.com"}))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if _, ok := obj.Attributes()["consents"]; !ok {
		t.Error("no consents")
	}
}
