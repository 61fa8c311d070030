package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// FormFieldType is the kind of a form field, which fixes the JSON type of
// its value: text fields hold a string, number fields a number, checkbox
// fields a list of strings.
type FormFieldType string

// The form-field types the sandbox models.
const (
	FormFieldText       FormFieldType = "text"
	FormFieldNumber     FormFieldType = "number"
	FormFieldCheckboxes FormFieldType = "checkboxes"
)

// FormFieldDefinition is one field of the store's sign-up or address form,
// as a merchant defines it in the control panel.
type FormFieldDefinition struct {
	Name string
	Type FormFieldType
}

// FormFields are the store's form-field definitions.
type FormFields struct {
	Customer []FormFieldDefinition // the account sign-up form
	Address  []FormFieldDefinition // the address form
}

// DefaultFormFields is what a sandbox store has unless Options says
// otherwise: one field of each type on each form.
var DefaultFormFields = FormFields{
	Customer: []FormFieldDefinition{
		{Name: "shirt_size", Type: FormFieldText},
		{Name: "employees", Type: FormFieldNumber},
		{Name: "interests", Type: FormFieldCheckboxes},
	},
	Address: []FormFieldDefinition{
		{Name: "delivery_instructions", Type: FormFieldText},
		{Name: "floor", Type: FormFieldNumber},
		{Name: "access", Type: FormFieldCheckboxes},
	},
}

func formFieldTypes(defs []FormFieldDefinition) map[string]FormFieldType {
	out := make(map[string]FormFieldType, len(defs))
	for _, d := range defs {
		out[d.Name] = d.Type
	}
	return out
}

// typedFormFieldValue checks a value against its field's type, as a store
// validates against its form. BigCommerce documents only the three JSON
// types; a value of another type than its field's, or a name the form does
// not define, is refused rather than stored as something a client could not
// read back.
func typedFormFieldValue(raw json.RawMessage, t FormFieldType) (json.RawMessage, string) {
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil || buf.Len() == 0 {
		return nil, "must be a string, a number or an array of strings"
	}
	b := buf.Bytes()
	switch t {
	case FormFieldText:
		var s string
		if b[0] != '"' || json.Unmarshal(b, &s) != nil {
			return nil, "must be a string: this is a text field"
		}
	case FormFieldNumber:
		var n json.Number
		if b[0] == '"' || json.Unmarshal(b, &n) != nil {
			return nil, "must be a number: this is a number field"
		}
	case FormFieldCheckboxes:
		var list []string
		if b[0] != '[' || json.Unmarshal(b, &list) != nil {
			return nil, "must be an array of strings: this is a checkbox field"
		}
	default:
		return nil, fmt.Sprintf("has an unknown field type %q", t)
	}
	return b, ""
}

// readTypedFormFields reads [{name, value}] against the form's definitions.
func readTypedFormFields(f *fields, form map[string]FormFieldType) ([]formField, bool) {
	list, ok := f.array("form_fields", false, 0)
	if !ok {
		return nil, false
	}
	out := []formField{}
	good := true
	for i, raw := range list {
		key := fmt.Sprintf("%sform_fields.%d", f.prefix, i)
		item, ok := decodeObject(raw, key+".", key, f.errs)
		if !ok {
			good = false
			continue
		}
		name, okName := item.str("name", true, 1, 0)
		rawValue, present := item.raw("value")
		if !present {
			item.errs.missing(item.key("value"))
			good = false
			continue
		}
		if !okName {
			good = false
			continue
		}
		t, defined := form[name]
		if !defined {
			item.errs.invalid(item.key("name"), "%q is not a field of the store's form", name)
			good = false
			continue
		}
		value, problem := typedFormFieldValue(rawValue, t)
		if problem != "" {
			item.errs.invalid(item.key("value"), "%s", problem)
			good = false
			continue
		}
		out = setFormField(out, formField{Name: name, Value: value})
	}
	return out, good
}
