package customerattributevalue

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// The store's refusal of a value, for when the plan could not check it,
// lands on the attribute it is about.
func TestStoreRefusalsLandOnTheirAttribute(t *testing.T) {
	err := &bigcommerce.APIError{Method: "PUT", Path: "/customers/attribute-values", Status: 422, Title: "JSON data is missing or invalid",
		Fields: map[string]string{"0.value": `"large" is not a number, and the attribute's type is number.`, "0.attribute_id": "Attribute 9 does not exist."}}
	var diags diag.Diagnostics
	addAPIError(&diags, "create", "12/9", err)
	got := map[string]string{}
	for _, d := range diags {
		withPath, ok := d.(diag.DiagnosticWithPath)
		if !ok {
			t.Fatalf("diagnostic without an attribute: %s: %s", d.Summary(), d.Detail())
		}
		got[withPath.Path().String()] = d.Detail()
	}
	for attr, want := range map[string]string{"value": "is not a number", "attribute_id": "does not exist"} {
		if !strings.Contains(got[path.Root(attr).String()], want) {
			t.Errorf("%s: %q, want it to mention %q", attr, got[attr], want)
		}
	}
}

func TestParseImportID(t *testing.T) {
	for in, want := range map[string]string{
		"12/3":   "",
		" 12/3 ": "",
		"12":     "there is no slash",
		"12/":    `the attribute id "" is not a positive number`,
		"/3":     `the customer id "" is not a positive number`,
		"a/3":    `the customer id "a" is not a positive number`,
		"12/3/4": `the attribute id "3/4" is not a positive number`,
		"-1/3":   `the customer id "-1" is not a positive number`,
	} {
		cid, aid, diags := parseImportID(in)
		if want == "" {
			if diags.HasError() || cid != 12 || aid != 3 {
				t.Errorf("%q: %d/%d %v", in, cid, aid, diags)
			}
			continue
		}
		if !diags.HasError() || !strings.Contains(diags[0].Detail(), want) {
			t.Errorf("%q: %v, want %q", in, diags, want)
		}
	}
}
