package decimal

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParseGivesShortestExactForm(t *testing.T) {
	for in, want := range map[string]Decimal{
		"43.15":   "43.15",
		"43.1500": "43.15",
		"0.1":     "0.1",
		"10":      "10",
		"-0":      "0",
		"-0.000":  "0",
		"-1.50":   "-1.5",
		"1e2":     "100",
		"1.5E+1":  "15",
		"125e-2":  "1.25",
		"0.0001":  "0.0001",
		"":        "0",
		"123456789012345678901234567890.123456789": "123456789012345678901234567890.123456789",
	} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"abc", "1.", ".5", "01", "+1", "1e", "0x10", "Inf", "NaN", " 1", "1,5", "1e1001"} {
		if got, err := Parse(in); !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q) = %q, %v; want ErrSyntax", in, got, err)
		}
	}
}

func TestArithmeticIsExact(t *testing.T) {
	if got := Decimal("0.1").Add("0.2"); got != "0.3" {
		t.Errorf("0.1 + 0.2 = %s", got)
	}
	if got := Decimal("43.15").Add("-43.15"); got != "0" {
		t.Errorf("43.15 - 43.15 = %s", got)
	}
	if got := Decimal("").Add("1e1"); got != "10" {
		t.Errorf(`"" + 1e1 = %s`, got)
	}
	if got := Decimal("1.0001").Add("2.9999"); got != "4" {
		t.Errorf("1.0001 + 2.9999 = %s", got)
	}
	for _, c := range []struct {
		a, b Decimal
		want int
	}{
		{"5.0000", "5", 0}, {"100", "100.0001", -1}, {"100.01", "100", 1}, {"-1", "0", -1}, {"", "0", 0}, {"1e2", "99.99", 1},
	} {
		if got := c.a.Cmp(c.b); got != c.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	for d, want := range map[Decimal]int{"-0.01": -1, "0": 0, "": 0, "-0": 0, "3": 1} {
		if got := d.Sign(); got != want {
			t.Errorf("Sign(%q) = %d, want %d", d, got, want)
		}
	}
}

func TestPlacesCountsTheExactValue(t *testing.T) {
	for d, want := range map[Decimal]int{"43.15": 2, "43.1500": 2, "5.0000": 0, "10": 0, "1.5e1": 0, "1e-5": 5, "0.00001": 5, "": 0} {
		if got := d.Places(); got != want {
			t.Errorf("Places(%q) = %d, want %d", d, got, want)
		}
	}
}

func TestFixed(t *testing.T) {
	for _, c := range []struct {
		d      Decimal
		places int
		want   string
	}{
		{"43.15", 4, "43.1500"}, {"", 4, "0.0000"}, {"0.3", 4, "0.3000"}, {"-1.5", 4, "-1.5000"},
		{"10", 0, "10"}, {"1e2", 2, "100.00"}, {"0.00005", 4, "0.0001"}, {"1.23456", 4, "1.2346"},
		{"-0.00001", 4, "0.0000"}, {"-0.00005", 4, "-0.0001"}, {"-0.4", 0, "0"},
	} {
		if got := c.d.Fixed(c.places); got != c.want {
			t.Errorf("Fixed(%q, %d) = %q, want %q", c.d, c.places, got, c.want)
		}
	}
}

func TestJSONKeepsTheDigits(t *testing.T) {
	for in, want := range map[string]string{
		`43.15`: `43.15`, `"43.15"`: `43.15`, `"5.0000"`: `5.0000`, `0.1`: `0.1`, `null`: `0`,
		`1234567890.123456789`: `1234567890.123456789`,
	} {
		var d Decimal
		if err := json.Unmarshal([]byte(in), &d); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		out, err := json.Marshal(d)
		if err != nil || string(out) != want {
			t.Errorf("%s -> %s, %v; want %s", in, out, err, want)
		}
	}
	for _, in := range []string{`"abc"`, `true`, `"1.2.3"`, `[1]`} {
		var d Decimal
		if err := json.Unmarshal([]byte(in), &d); err == nil {
			t.Errorf("%s read as %q, want an error", in, d)
		}
	}
	for _, d := range []Decimal{"1e5", "abc", "01", ".5"} {
		if out, err := d.MarshalJSON(); err == nil {
			t.Errorf("%q marshaled as %s, want an error", d, out)
		}
	}
}
