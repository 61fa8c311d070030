package e2e_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

const providerBlock = `
terraform {
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}
`

func (w *workspace) writeConfig(hcl string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(providerBlock+hcl), 0o644); err != nil {
		w.t.Fatal(err)
	}
}

// client reaches the workspace's store directly, as another app would.
func (w *workspace) client() *bigcommerce.Client {
	w.t.Helper()
	c, err := bigcommerce.New(bigcommerce.Config{BaseURL: w.store.URL, StoreHash: w.store.StoreHash, AccessToken: w.store.AccessToken})
	if err != nil {
		w.t.Fatal(err)
	}
	return c
}

// rawCustomer is the store's JSON of one customer with its form fields.
func (w *workspace) rawCustomer(id int) string {
	w.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/stores/%s/v3/customers?id:in=%d&include=formfields,storecredit", w.store.URL, w.store.StoreHash, id), nil)
	req.Header.Set("X-Auth-Token", w.store.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func customerConfig(email, phone, extra string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer" "c" {
  email      = %q
  first_name = "Jane"
  last_name  = "Doe"
  phone      = %q
%s
}
`, email, phone, extra)
}

// Store credit a shopper spends, and a reset forced by support, between the
// plan and its apply survive an apply that only changes the phone.
func TestCustomer_unmanagedValuesChangedBetweenPlanAndApplySurvive(t *testing.T) {
	w := newWorkspaceWith(t, "", sandbox.Options{Quota: -1})
	const email = "credit@example.com"
	w.writeConfig(customerConfig(email, "555-0001", ""))
	w.mustRun(0, "apply", "-input=false", "-auto-approve")
	c, err := w.client().FindCustomerByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}

	w.writeConfig(customerConfig(email, "555-0002", ""))
	w.mustRun(2, "plan", "-input=false", "-detailed-exitcode", "-out=tfplan")
	if _, err := w.client().UpdateCustomer(context.Background(), bigcommerce.CustomerUpdate{
		ID:                 c.ID,
		StoreCreditAmounts: []bigcommerce.StoreCredit{{Amount: "7.5"}, {Amount: "1.25"}},
		Authentication:     &bigcommerce.AuthenticationInput{ForcePasswordReset: new(true)},
	}); err != nil {
		t.Fatal(err)
	}
	w.mustRun(0, "apply", "-input=false", "tfplan")

	got, err := w.client().GetCustomer(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phone != "555-0002" {
		t.Errorf("phone %q, want the applied 555-0002", got.Phone)
	}
	if len(got.StoreCreditAmounts) != 2 || got.StoreCreditAmounts[0].Amount != "7.5" || got.StoreCreditAmounts[1].Amount != "1.25" {
		t.Errorf("store credit %v, want the shopper's [7.5 1.25] kept", got.StoreCreditAmounts)
	}
	if got.Authentication == nil || !got.Authentication.ForcePasswordReset {
		t.Errorf("force_password_reset %+v, want the forced reset kept", got.Authentication)
	}
	// Unmanaged, so the refreshed values make no diff.
	w.mustRun(0, "plan", "-input=false", "-detailed-exitcode")
}

// A customer with number and checkbox form fields, created outside
// Terraform and imported, keeps their JSON types through an update of
// another attribute, and through an update of the fields themselves.
func TestCustomer_importedFormFieldsKeepTheirTypes(t *testing.T) {
	w := newWorkspaceWith(t, "", sandbox.Options{Quota: -1})
	const email = "typed@example.com"
	c, err := w.client().CreateCustomer(context.Background(), bigcommerce.CustomerCreate{
		Email: email, FirstName: "Jane", LastName: "Doe", Phone: "555-0001",
		FormFields: []bigcommerce.FormField{
			{Name: "shirt_size", Value: bigcommerce.TextValue("L")},
			{Name: "employees", Value: bigcommerce.NumberValue("12.5")},
			{Name: "interests", Value: bigcommerce.ListValue([]string{"a", "b"})},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantTypes := func(employees string) {
		t.Helper()
		raw := w.rawCustomer(c.ID)
		for _, want := range []string{`{"name":"shirt_size","value":"L"`, `{"name":"employees","value":` + employees, `{"name":"interests","value":["a","b"]`} {
			if !strings.Contains(raw, want) {
				t.Errorf("the store's customer lacks %s:\n%s", want, raw)
			}
		}
	}

	w.writeConfig(customerConfig(email, "555-0002", ""))
	w.mustRun(0, "import", "-input=false", "bigcommerce_customer.c", fmt.Sprint(c.ID))
	state := w.mustRun(0, "state", "show", "bigcommerce_customer.c")
	for _, want := range []string{`"employees"`, `number = 12.5`, `"a",`} {
		if !strings.Contains(state, want) {
			t.Errorf("the imported state lacks %s:\n%s", want, state)
		}
	}
	w.mustRun(0, "apply", "-input=false", "-auto-approve")
	wantTypes("12.5")
	w.mustRun(0, "plan", "-input=false", "-detailed-exitcode")

	// Managed now, one of them changed: still typed, and only it is written.
	w.writeConfig(customerConfig(email, "555-0002", `
  form_fields = {
    shirt_size = { value = "L" }
    employees  = { number = 13 }
    interests  = { values = ["a", "b"] }
  }`))
	w.mustRun(0, "apply", "-input=false", "-auto-approve")
	wantTypes("13")
	w.mustRun(0, "plan", "-input=false", "-detailed-exitcode")

	// A value of the wrong type for its field is refused at plan time only
	// for its shape; the store refuses the type and the error names it.
	w.writeConfig(customerConfig(email, "555-0002", `
  form_fields = {
    employees = { value = "thirteen" }
  }`))
	out, code := w.run("apply", "-input=false", "-auto-approve")
	if code == 0 || !strings.Contains(out, "form_fields") {
		t.Errorf("a text value for a number field was not refused with form_fields named (exit %d):\n%s", code, out)
	}
	wantTypes("13")
}

// Setting two of value, number and values is refused at plan time.
func TestCustomer_formFieldNeedsExactlyOneValue(t *testing.T) {
	w := newWorkspaceWith(t, "", sandbox.Options{Quota: -1})
	w.writeConfig(customerConfig("two@example.com", "1", `
  form_fields = {
    employees = { value = "12", number = 12 }
  }`))
	out, code := w.run("plan", "-input=false")
	if code == 0 || !strings.Contains(out, "exactly one of value") {
		t.Errorf("two values for one form field were not refused (exit %d):\n%s", code, out)
	}
	if n := w.store.CustomerCount(); n != 0 {
		t.Errorf("a refused plan left %d customers", n)
	}
}

// When setting the registration IP through V2 fails after the V3 create, the
// customer stays in the state (tainted) instead of being orphaned in the
// store, the error says how to finish, and following it sets the address
// without a second customer.
func TestCustomer_registrationIPFailureKeepsTheCustomer(t *testing.T) {
	w := newWorkspaceWith(t, "", sandbox.Options{Quota: -1})
	var refuse atomic.Bool
	refuse.Store(true)
	target, err := url.Parse(w.store.URL)
	if err != nil {
		t.Fatal(err)
	}
	store := httputil.NewSingleHostReverseProxy(target)
	w.useStoreVia(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if refuse.Load() && r.Method == http.MethodPut && strings.Contains(r.URL.Path, "/v2/customers/") {
			rw.Header().Set("Content-Type", "application/json")
			rw.WriteHeader(http.StatusForbidden)
			_, _ = rw.Write([]byte(`[{"status":403,"message":"You don't have a required scope to access the endpoint"}]`))
			return
		}
		store.ServeHTTP(rw, r)
	}))

	const email = "ip@example.com"
	w.writeConfig(customerConfig(email, "555-0001", `  registration_ip_address = "203.0.113.9"`))
	out, code := w.run("apply", "-input=false", "-auto-approve")
	if code == 0 || !strings.Contains(out, "registration_ip_address") || !strings.Contains(out, "terraform untaint") {
		t.Fatalf("a refused V2 update was not reported on registration_ip_address with what to do (exit %d):\n%s", code, out)
	}
	if n := w.store.CustomerCount(); n != 1 {
		t.Fatalf("the store holds %d customers, want the 1 created", n)
	}
	state := w.mustRun(0, "state", "show", "bigcommerce_customer.c")
	if !strings.Contains(state, "tainted") {
		t.Errorf("the created customer is not in the state as tainted:\n%s", state)
	}

	refuse.Store(false)
	w.mustRun(0, "untaint", "bigcommerce_customer.c")
	w.mustRun(0, "apply", "-input=false", "-auto-approve")
	c, err := w.client().FindCustomerByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	if c.RegistrationIPAddress != "203.0.113.9" {
		t.Errorf("registration_ip_address %q after following the advice, want 203.0.113.9", c.RegistrationIPAddress)
	}
	if n := w.store.CustomerCount(); n != 1 {
		t.Errorf("the store holds %d customers, want 1", n)
	}
	w.mustRun(0, "plan", "-input=false", "-detailed-exitcode")
}
