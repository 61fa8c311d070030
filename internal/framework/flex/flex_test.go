package flex

import (
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/decimal"
)

func TestOptionalString(t *testing.T) {
	for _, c := range []struct {
		api   string
		prior types.String
		want  types.String
	}{
		{"", types.StringNull(), types.StringNull()},
		{"", types.StringValue("Acme"), types.StringValue("")},
		{"", types.StringValue(""), types.StringValue("")},
		{"Acme", types.StringNull(), types.StringValue("Acme")},
		{"Acme", types.StringValue("Other"), types.StringValue("Acme")},
	} {
		if got := OptionalString(c.api, c.prior); !got.Equal(c.want) {
			t.Errorf("OptionalString(%q, %s) = %s, want %s", c.api, c.prior, got, c.want)
		}
	}
}

func TestOptionalInt64(t *testing.T) {
	for _, c := range []struct {
		api   int64
		prior types.Int64
		want  types.Int64
	}{
		{0, types.Int64Null(), types.Int64Null()},
		{0, types.Int64Value(7), types.Int64Value(0)},
		{7, types.Int64Null(), types.Int64Value(7)},
		{7, types.Int64Value(3), types.Int64Value(7)},
	} {
		if got := OptionalInt64(c.api, c.prior); !got.Equal(c.want) {
			t.Errorf("OptionalInt64(%d, %s) = %s, want %s", c.api, c.prior, got, c.want)
		}
	}
}

func TestDecimalsRoundTripExactly(t *testing.T) {
	for in, want := range map[string]decimal.Decimal{
		"43.15":      "43.15",
		"0.1":        "0.1",
		"5.0000":     "5",
		"":           "0",
		"100":        "100",
		"-2.5":       "-2.5",
		"1e21":       "1000000000000000000000",
		"0.0001":     "0.0001",
		"1234567.89": "1234567.89",
	} {
		n, err := DecimalNumber(in)
		if err != nil {
			t.Fatalf("DecimalNumber(%q): %v", in, err)
		}
		if got := NumberDecimal(n); got != want {
			t.Errorf("%q -> %s -> %q, want %q", in, n, got, want)
		}
	}
}

func TestDecimalNumberIsTheExactValue(t *testing.T) {
	n, err := DecimalNumber("43.15")
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := big.ParseFloat("43.15", 10, 512, big.ToNearestEven)
	if n.ValueBigFloat().Cmp(want) != 0 {
		t.Errorf("43.15 read as %s", n.ValueBigFloat().Text('g', 40))
	}
	// 43.15 as a float64 is another number at Terraform's precision.
	if n.Equal(types.NumberValue(big.NewFloat(43.15))) {
		t.Error("43.15 read through a float64")
	}
	for _, bad := range []string{"abc", "1,5", "Inf", "0x10", "43.15 "} {
		if n, err := DecimalNumber(bad); err == nil || !n.IsNull() {
			t.Errorf("DecimalNumber(%q) = %s, %v; want null and an error", bad, n, err)
		}
	}
}

func TestNumberDecimalHasNoExponent(t *testing.T) {
	for f, want := range map[float64]decimal.Decimal{1e21: "1000000000000000000000", 0.5: "0.5", 1.0 / 1024: "0.0009765625", 0: "0"} {
		n := types.NumberValue(new(big.Float).SetPrec(512).SetFloat64(f))
		if got := NumberDecimal(n); got != want {
			t.Errorf("NumberDecimal(%g) = %q, want %q", f, got, want)
		}
	}
	// A number written in HCL, such as 43.15, reaches the provider at 512 bits.
	f, _, _ := big.ParseFloat("43.15", 10, 512, big.ToNearestEven)
	if got := NumberDecimal(types.NumberValue(f)); got != "43.15" {
		t.Errorf("NumberDecimal(43.15) = %q", got)
	}
}
