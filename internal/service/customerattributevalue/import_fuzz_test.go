package customerattributevalue

import (
	"fmt"
	"testing"
)

func FuzzParseImportID(f *testing.F) {
	for _, seed := range []string{"12/3", " 12/3 ", "12", "12/", "/3", "0/3", "12/-1", "a/b", "1/2/3", "+1/2", "99999999999999999999/1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		cid, aid, diags := parseImportID(raw)
		if diags.HasError() {
			if cid != 0 || aid != 0 {
				t.Fatalf("%q: an error with ids %d/%d", raw, cid, aid)
			}
			return
		}
		if cid <= 0 || aid <= 0 {
			t.Fatalf("%q: accepted non-positive ids %d/%d", raw, cid, aid)
		}
		// What is accepted names the same ids when written back.
		back := fmt.Sprintf("%d/%d", cid, aid)
		c2, a2, d2 := parseImportID(back)
		if d2.HasError() || c2 != cid || a2 != aid {
			t.Fatalf("%q -> %s does not parse back to the same ids", raw, back)
		}
	})
}
