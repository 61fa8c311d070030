package customer

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/formfields"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwtypes"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/providerdata"
)

// stateModel is a customer as the state holds it after a create that set a
// little of everything.
func stateModel(t *testing.T) resourceModel {
	t.Helper()
	ctx := context.Background()
	fields, diags := formfields.Flatten(ctx, []bigcommerce.FormField{
		{Name: "shirt_size", Value: bigcommerce.TextValue("L")},
		{Name: "employees", Value: bigcommerce.NumberValue("12.5")},
		{Name: "interests", Value: bigcommerce.ListValue([]string{"a", "b"})},
	}, nil)
	mustOK(t, diags)
	channels, diags := types.SetValueFrom(ctx, types.Int64Type, []int64{1, 2})
	mustOK(t, diags)
	return resourceModel{customerModel: customerModel{
		ID:                                      types.StringValue("7"),
		FirstName:                               types.StringValue("Jane"),
		LastName:                                types.StringValue("Doe"),
		Company:                                 types.StringValue("Acme"),
		Phone:                                   types.StringValue("555"),
		Notes:                                   types.StringNull(),
		TaxExemptCategory:                       types.StringNull(),
		CustomerGroupID:                         types.Int64Value(3),
		AcceptsProductReviewAbandonedCartEmails: types.BoolValue(true),
		StoreCredit:                             types.NumberValue(big.NewFloat(43.5)),
		ChannelIDs:                              channels,
		RegistrationIPAddress:                   types.StringValue("203.0.113.7"),
		ForcePasswordReset:                      types.BoolValue(false),
		FormFields:                              fields,
	}, Email: fwtypes.NewCaseInsensitiveString("jane@example.com"), PasswordWOVersion: types.Int64Value(1)}
}

func mustOK(t *testing.T, diags diag.Diagnostics) {
	t.Helper()
	if diags.HasError() {
		t.Fatal(diags)
	}
}

func noCredits(int) ([]bigcommerce.StoreCredit, error) {
	return nil, errors.New("store credit read although store_credit did not change")
}

// updateBody is the JSON that expandUpdate's request puts on the wire.
func updateBody(t *testing.T, plan, state, config resourceModel, credits func(int) ([]bigcommerce.StoreCredit, error)) map[string]any {
	t.Helper()
	in, diags := expandUpdate(context.Background(), plan, state, config, credits)
	mustOK(t, diags)
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestExpandUpdateSendsOnlyWhatChanged(t *testing.T) {
	state := stateModel(t)
	// The configuration sets only the required attributes and phone: every
	// other attribute is unmanaged and planned as the state holds it.
	config := resourceModel{customerModel: customerModel{
		FirstName: state.FirstName, LastName: state.LastName, Phone: types.StringValue("556"),
		Company: types.StringNull(), Notes: types.StringNull(), TaxExemptCategory: types.StringNull(), CustomerGroupID: types.Int64Null(),
		AcceptsProductReviewAbandonedCartEmails: types.BoolNull(), StoreCredit: types.NumberNull(), ChannelIDs: types.SetNull(types.Int64Type),
		RegistrationIPAddress: types.StringNull(), ForcePasswordReset: types.BoolNull(), FormFields: types.MapNull(formfields.ObjectType),
	}, Email: state.Email, PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Value(1)}
	plan := state
	plan.Phone = types.StringValue("556")
	got := updateBody(t, plan, state, config, noCredits)
	if diff := cmp.Diff(map[string]any{"id": 7.0, "phone": "556"}, got); diff != "" {
		t.Errorf("a phone change sent more than the phone (-want +got):\n%s", diff)
	}

	// Company removed from the configuration: planned null, sent empty.
	plan = state
	plan.Company = types.StringNull()
	got = updateBody(t, plan, state, config, noCredits)
	if diff := cmp.Diff(map[string]any{"id": 7.0, "company": ""}, got); diff != "" {
		t.Errorf("removing company (-want +got):\n%s", diff)
	}

	// Group removed: 0, the API's "no group", never null.
	plan = state
	plan.CustomerGroupID = types.Int64Null()
	got = updateBody(t, plan, state, config, noCredits)
	if diff := cmp.Diff(map[string]any{"id": 7.0, "customer_group_id": 0.0}, got); diff != "" {
		t.Errorf("removing the group (-want +got):\n%s", diff)
	}

	// Nothing changed: nothing but the id.
	in, diags := expandUpdate(context.Background(), state, state, config, noCredits)
	mustOK(t, diags)
	if !in.Empty() {
		t.Errorf("an unchanged plan builds a non-empty update: %+v", in)
	}
}

func TestExpandUpdateStoreCreditKeepsOtherAmounts(t *testing.T) {
	state := stateModel(t)
	plan := state
	plan.StoreCredit = types.NumberValue(big.NewFloat(10))
	credits := func(id int) ([]bigcommerce.StoreCredit, error) {
		if id != 7 {
			t.Errorf("read the store credit of customer %d, want 7", id)
		}
		return []bigcommerce.StoreCredit{{Amount: "43.5"}, {Amount: "2.25"}}, nil
	}
	got := updateBody(t, plan, state, plan, credits)
	want := map[string]any{"id": 7.0, "store_credit_amounts": []any{map[string]any{"amount": 10.0}, map[string]any{"amount": 2.25}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("store credit change (-want +got):\n%s", diff)
	}

	// An equal amount in another spelling is no change.
	plan.StoreCredit = types.NumberValue(big.NewFloat(43.50))
	if got := updateBody(t, plan, state, plan, noCredits); len(got) != 1 {
		t.Errorf("43.5 and 43.50 differ: %v", got)
	}
}

func TestExpandUpdateFormFieldsKeepTheirTypes(t *testing.T) {
	ctx := context.Background()
	state := stateModel(t)
	plan := state
	// employees changes, interests keeps its value, shirt_size is no longer
	// managed: only employees is written, as a JSON number.
	fields, diags := formfields.Flatten(ctx, []bigcommerce.FormField{
		{Name: "employees", Value: bigcommerce.NumberValue("13")},
		{Name: "interests", Value: bigcommerce.ListValue([]string{"a", "b"})},
	}, nil)
	mustOK(t, diags)
	plan.FormFields = fields
	got := updateBody(t, plan, state, plan, noCredits)
	want := map[string]any{"id": 7.0, "form_fields": []any{map[string]any{"name": "employees", "value": 13.0}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("form fields (-want +got):\n%s", diff)
	}
}

func TestExpandUpdateChannelIDsNeverNull(t *testing.T) {
	state := stateModel(t)
	state.ChannelIDs = types.SetNull(types.Int64Type) // global access
	plan := state
	plan.FirstName = types.StringValue("Janet")
	got := updateBody(t, plan, state, plan, noCredits)
	if _, sent := got["channel_ids"]; sent {
		t.Errorf("a customer with global access sent channel_ids: %v", got)
	}
	channels, _ := types.SetValueFrom(context.Background(), types.Int64Type, []int64{2})
	plan.ChannelIDs = channels
	got = updateBody(t, plan, state, plan, noCredits)
	if diff := cmp.Diff([]any{2.0}, got["channel_ids"]); diff != "" {
		t.Errorf("channels set (-want +got):\n%s", diff)
	}
}

func TestKeepUnmanagedKeepsThePlannedValues(t *testing.T) {
	plan := stateModel(t)
	config := resourceModel{customerModel: customerModel{
		AcceptsProductReviewAbandonedCartEmails: types.BoolNull(), StoreCredit: types.NumberNull(), ForcePasswordReset: types.BoolNull(),
		ChannelIDs: types.SetNull(types.Int64Type), RegistrationIPAddress: types.StringNull(), FormFields: types.MapNull(formfields.ObjectType),
	}}
	got := plan
	// The store changed them between plan and apply.
	got.StoreCredit = types.NumberValue(big.NewFloat(1))
	got.ForcePasswordReset = types.BoolValue(true)
	keepUnmanaged(config, plan, &got)
	for name, pair := range map[string][2]attr.Value{
		"store_credit":         {got.StoreCredit, plan.StoreCredit},
		"force_password_reset": {got.ForcePasswordReset, plan.ForcePasswordReset},
	} {
		if !pair[0].Equal(pair[1]) {
			t.Errorf("%s = %s after apply, want the planned %s", name, pair[0], pair[1])
		}
	}
}

// A refused create of an e-mail the store already has gives the import
// advice, whatever shape the store's error keys take.
func TestDuplicateEmailAdviceForEveryErrorShape(t *testing.T) {
	for name, errors := range map[string]string{
		"index dot":       `{"0.email": "Email address jane@example.com is already in use"}`,
		"bracketed index": `{"[0].email": "must be unique"}`,
		"no index":        `{"email": "taken"}`,
		"documented":      `{".customer_create": "Error creating customers"}`,
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				switch {
				case r.Method == http.MethodPost:
					w.WriteHeader(http.StatusUnprocessableEntity)
					_, _ = w.Write([]byte(`{"status":422,"title":"Create customers failed.","errors":` + errors + `}`))
				case r.URL.Query().Get("email:in") != "":
					_, _ = w.Write([]byte(`{"data":[{"id":42,"email":"Jane@Example.com","first_name":"Jane","last_name":"Doe"}],"meta":{}}`))
				default:
					w.WriteHeader(http.StatusNotFound)
				}
			}))
			defer srv.Close()
			diags := refusedCreate(t, srv.URL)
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1: %v", len(diags), diags)
			}
			detail := diags[0].Detail()
			for _, want := range []string{"customer 42", "terraform import <resource address> 42", `id = "42"`} {
				if !strings.Contains(detail, want) {
					t.Errorf("the advice lacks %q:\n%s", want, detail)
				}
			}
		})
	}
}

// A refused create for another reason is reported as it is.
func TestRefusedCreateWithoutDuplicate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost {
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = w.Write([]byte(`{"status":422,"title":"Create customers failed.","errors":{"0.phone":"too long"}}`))
			return
		}
		_, _ = w.Write([]byte(`{"data":[],"meta":{}}`))
	}))
	defer srv.Close()
	diags := refusedCreate(t, srv.URL)
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), "too long") || strings.Contains(diags[0].Detail(), "terraform import") {
		t.Fatalf("got %v, want the store's phone message and no import advice", diags)
	}
}

// refusedCreate creates jane@example.com through a store at url that refuses
// it, and returns what the resource reports.
func refusedCreate(t *testing.T, url string) diag.Diagnostics {
	t.Helper()
	client, err := bigcommerce.New(bigcommerce.Config{BaseURL: url, StoreHash: "s", AccessToken: "t", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	r := &customerResource{}
	r.WithClient = fwresource.NewWithClient(&providerdata.Data{Client: client, Customers: client})
	_, err = client.CreateCustomer(context.Background(), bigcommerce.CustomerCreate{Email: "jane@example.com", FirstName: "Jane", LastName: "Doe"})
	if err == nil {
		t.Fatal("the store accepted the create it was scripted to refuse")
	}
	var diags diag.Diagnostics
	r.addCreateError(context.Background(), &diags, "jane@example.com", err)
	return diags
}
