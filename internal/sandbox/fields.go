package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"unicode/utf8"
)

// fields reads one JSON object of a request body member by member, so that
// an absent member can be told from an explicit "", false, 0 or null (a
// partial update changes only what is present). Type and length violations
// are recorded in errs under prefix+name, the index-keyed form V3 uses.
// Members it is never asked about are ignored, as BigCommerce ignores
// unknown fields.
type fields struct {
	m      map[string]json.RawMessage
	prefix string
	errs   *problems
}

// decodeObject reads raw as an object; ok is false (and a problem recorded
// under key) when it is anything else.
func decodeObject(raw json.RawMessage, prefix, key string, errs *problems) (*fields, bool) {
	var m map[string]json.RawMessage
	if !isJSONObject(raw) || json.Unmarshal(raw, &m) != nil {
		errs.invalid(key, "must be an object")
		return nil, false
	}
	return &fields{m: m, prefix: prefix, errs: errs}, true
}

func isJSONObject(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '{'
}

func isJSONNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

func (f *fields) key(name string) string { return f.prefix + name }

// has reports whether the member is present (null counts as present).
func (f *fields) has(name string) bool {
	_, ok := f.m[name]
	return ok
}

func (f *fields) isNull(name string) bool {
	raw, ok := f.m[name]
	return ok && isJSONNull(raw)
}

// raw returns the member as it was sent.
func (f *fields) raw(name string) (json.RawMessage, bool) {
	raw, ok := f.m[name]
	return raw, ok
}

// str reads a string member. A JSON null is rejected: the spec never marks
// these strings nullable, and a client that sends null for "unset" would
// otherwise go unnoticed. minLen and maxLen count characters; maxLen 0 means
// no limit. ok is true only when the member is present and valid.
func (f *fields) str(name string, required bool, minLen, maxLen int) (string, bool) {
	raw, present := f.m[name]
	if !present {
		if required {
			f.errs.missing(f.key(name))
		}
		return "", false
	}
	var s string
	if isJSONNull(raw) || json.Unmarshal(raw, &s) != nil {
		f.errs.invalid(f.key(name), "must be a string")
		return "", false
	}
	n := utf8.RuneCountInString(s)
	switch {
	case required && s == "" && minLen > 0:
		f.errs.invalid(f.key(name), "must not be empty")
		return "", false
	case n < minLen || (maxLen > 0 && n > maxLen):
		if maxLen > 0 {
			f.errs.invalid(f.key(name), "must be between %d and %d characters long", minLen, maxLen)
		} else {
			f.errs.invalid(f.key(name), "must be at least %d characters long", minLen)
		}
		return "", false
	}
	return s, true
}

// integer reads an integral JSON number that fits in int32 (the spec's
// format: int32). Strings such as "5" are rejected.
func (f *fields) integer(name string, required bool) (int, bool) {
	raw, present := f.m[name]
	if !present {
		if required {
			f.errs.missing(f.key(name))
		}
		return 0, false
	}
	n, ok := parseJSONInt(raw)
	if !ok {
		f.errs.invalid(f.key(name), "must be an integer")
		return 0, false
	}
	return n, true
}

func parseJSONInt(raw json.RawMessage) (int, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || !(raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9')) {
		return 0, false
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		// Accept 5.0 as some encoders write integral floats that way.
		fl, ferr := strconv.ParseFloat(string(raw), 64)
		if ferr != nil || fl != math.Trunc(fl) {
			return 0, false
		}
		n = int64(fl)
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, false
	}
	return int(n), true
}

func (f *fields) boolean(name string) (bool, bool) {
	raw, present := f.m[name]
	if !present {
		return false, false
	}
	var b bool
	if isJSONNull(raw) || json.Unmarshal(raw, &b) != nil {
		f.errs.invalid(f.key(name), "must be a boolean")
		return false, false
	}
	return b, true
}

// array reads an array member (null rejected) of at most maxItems elements
// (0: no limit).
//
//nolint:unparam // required mirrors the other readers; no array is required yet.
func (f *fields) array(name string, required bool, maxItems int) ([]json.RawMessage, bool) {
	raw, present := f.m[name]
	if !present {
		if required {
			f.errs.missing(f.key(name))
		}
		return nil, false
	}
	var list []json.RawMessage
	if isJSONNull(raw) || json.Unmarshal(raw, &list) != nil {
		f.errs.invalid(f.key(name), "must be an array")
		return nil, false
	}
	if maxItems > 0 && len(list) > maxItems {
		f.errs.invalid(f.key(name), "must not have more than %d items", maxItems)
		return nil, false
	}
	return list, true
}

// object reads a nested object member; its problems are keyed below name.
func (f *fields) object(name string) (*fields, bool) {
	raw, present := f.m[name]
	if !present {
		return nil, false
	}
	return decodeObject(raw, f.key(name)+".", f.key(name), f.errs)
}

// intList reads an array of positive integers.
func (f *fields) intList(name string) ([]int, bool) {
	list, ok := f.array(name, false, 0)
	if !ok {
		return nil, false
	}
	out := make([]int, 0, len(list))
	for _, raw := range list {
		n, ok := parseJSONInt(raw)
		if !ok || n <= 0 {
			f.errs.invalid(f.key(name), "must contain positive integers only")
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}

// decimal reads an amount. asString also accepts a JSON string holding the
// number, as V2's "Float, Float as String, Integer" amounts do.
func (f *fields) decimal(name string, required, asString bool) (decimal, bool) {
	raw, present := f.m[name]
	if !present {
		if required {
			f.errs.missing(f.key(name))
		}
		return "", false
	}
	text := string(bytes.TrimSpace(raw))
	if asString && len(text) > 0 && text[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			f.errs.invalid(f.key(name), "must be a number")
			return "", false
		}
		text = s
	}
	d, err := parseDecimal(text)
	if err != nil {
		f.errs.invalid(f.key(name), "%v", err)
		return "", false
	}
	return d, true
}

// bodyArray decodes a V3 batch body: an array of 1..maxItems items. Too many
// items is 413, as the spec documents for customers.
func (c *call) bodyArray(maxItems int) ([]json.RawMessage, *reply) {
	var items []json.RawMessage
	trimmed := bytes.TrimSpace(c.body)
	if len(trimmed) == 0 || trimmed[0] != '[' || json.Unmarshal(trimmed, &items) != nil {
		return nil, ptr(failV3(http.StatusUnprocessableEntity, titleInvalidJSON, map[string]string{"body": "The request body must be a JSON array of objects."}))
	}
	if maxItems > 0 && len(items) > maxItems {
		title := fmt.Sprintf("The request payload is too large. The maximum number of items allowed in the array is %d.", maxItems)
		return nil, ptr(failV3(http.StatusRequestEntityTooLarge, title, map[string]string{"body": fmt.Sprintf("%d items were sent; at most %d are allowed per request.", len(items), maxItems)}))
	}
	if len(items) == 0 {
		return nil, ptr(failV3(http.StatusUnprocessableEntity, titleInvalidJSON, map[string]string{"body": "The request body must contain at least one item."}))
	}
	return items, nil
}

// bodyObject decodes a body that is a single JSON object (V2 resources and
// validate-credentials).
func (c *call) bodyObject() (*fields, *problems, *reply) {
	errs := &problems{}
	f, ok := decodeObject(c.body, "", "body", errs)
	if !ok {
		if c.version == "v2" {
			return nil, nil, ptr(failV2(http.StatusBadRequest, "The request body must be a JSON object."))
		}
		return nil, nil, ptr(failV3(http.StatusUnprocessableEntity, titleInvalidJSON, map[string]string{"body": "The request body must be a JSON object."}))
	}
	return f, errs, nil
}
