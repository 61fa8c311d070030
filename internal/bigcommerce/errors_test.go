package bigcommerce

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestItemFieldsReadsEveryKeyShape(t *testing.T) {
	e := &APIError{Fields: map[string]string{
		"0.email":                   "a",
		"[1].email":                 "b",
		"2[first_name]":             "c",
		"3.authentication.password": "d",
		"email":                     "e",
		".customer_create":          "f",
		"[x].email":                 "g",
	}}
	want := map[int]map[string]string{
		0:  {"email": "a"},
		1:  {"email": "b"},
		2:  {"first_name": "c"},
		3:  {"authentication.password": "d"},
		-1: {"email": "e", ".customer_create": "f", "[x].email": "g"},
	}
	if diff := cmp.Diff(want, e.ItemFields()); diff != "" {
		t.Errorf("ItemFields (-want +got):\n%s", diff)
	}
}

func TestFormFieldValueKeepsItsJSONType(t *testing.T) {
	for _, raw := range []string{`"L"`, `12.5`, `["a","b"]`, `[]`, `""`, `0`} {
		var v FormFieldValue
		if err := v.UnmarshalJSON([]byte(raw)); err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		b, err := v.MarshalJSON()
		if err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		if string(b) != raw {
			t.Errorf("%s came back as %s", raw, b)
		}
	}
	var v FormFieldValue
	if err := v.UnmarshalJSON([]byte(`{"a":1}`)); err == nil {
		t.Error("an object was read as a form-field value")
	}
}

func TestFieldsOfReadsOneObjectsFields(t *testing.T) {
	request := &APIError{Status: 422, Fields: map[string]string{"0.email": "taken", "1.phone": "bad"}}
	item := &ItemError{Request: request, Fields: map[string]string{"phone": "bad"}}
	tests := []struct {
		name string
		err  error
		want map[string]string
	}{
		{"item error", fmt.Errorf("wrapped: %w", item), map[string]string{"phone": "bad"}},
		{"one-item request", &APIError{Status: 422, Fields: map[string]string{"0.email": "taken"}}, map[string]string{"email": "taken"}},
		{"not an API error", errors.New("boom"), nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, FieldsOf(tt.err)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if !errors.Is(item, ErrValidation) {
		t.Error("an item error must keep its request's kind")
	}
	if got := item.Error(); !strings.Contains(got, "phone: bad") || strings.Contains(got, "email") {
		t.Errorf("Error() = %q, want only the item's own field", got)
	}
}
