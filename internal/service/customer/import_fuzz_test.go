package customer

import (
	"strconv"
	"strings"
	"testing"
)

func FuzzParseImportID(f *testing.F) {
	for _, seed := range []string{"123", " 42 ", "jane@example.com", "JANE+shop@Example.com", "0", "-1", "1e3", "a@b@c", "@", "", "007", "99999999999999999999"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		id, email, err := parseImportID(raw)
		if err != nil {
			if id != "" || email != "" {
				t.Fatalf("%q: error %v with a result", raw, err)
			}
			if !strings.Contains(err.Error(), strconv.Quote(raw)) {
				t.Fatalf("%q: the error does not quote the input: %v", raw, err)
			}
			return
		}
		if (id == "") == (email == "") {
			t.Fatalf("%q: want exactly one of id and email, got %q and %q", raw, id, email)
		}
		if id != "" {
			if n, err := strconv.Atoi(id); err != nil || n <= 0 {
				t.Fatalf("%q: id %q is not a positive number", raw, id)
			}
		}
		if email != "" && !strings.Contains(email, "@") {
			t.Fatalf("%q: email %q has no @", raw, email)
		}
	})
}
