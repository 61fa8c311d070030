package sandbox

import (
	"errors"
	"math/big"
	"regexp"
	"strings"
)

// moneyScale is how many decimal places BigCommerce keeps for money (V2
// prints amounts such as "5.0000").
const moneyScale = 4

// decimal is an exact amount: an unscaled integer and a scale of
// moneyScale. Amounts never pass through float64, so 43.15 stays 43.15 and
// 0.1 + 0.2 is 0.3.
type decimal struct {
	units *big.Int // amount × 10^moneyScale; nil means zero
}

var decimalSyntax = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

var errTooPrecise = errors.New("must have at most 4 decimal places")

// parseDecimal reads a JSON number's text. More than four decimal places is
// refused rather than rounded: BigCommerce keeps four, and a value such as
// 0.30000000000000004 is a float-drift bug in the client that the sandbox
// should surface, not hide.
func parseDecimal(s string) (decimal, error) {
	if !decimalSyntax.MatchString(s) {
		return decimal{}, errors.New("must be a number")
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return decimal{}, errors.New("must be a number")
	}
	r.Mul(r, new(big.Rat).SetInt(scaleFactor()))
	if !r.IsInt() {
		return decimal{}, errTooPrecise
	}
	return decimal{units: new(big.Int).Set(r.Num())}, nil
}

func scaleFactor() *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(moneyScale), nil)
}

func (d decimal) int() *big.Int {
	if d.units == nil {
		return new(big.Int)
	}
	return d.units
}

func (d decimal) sign() int { return d.int().Sign() }

func (d decimal) add(o decimal) decimal {
	return decimal{units: new(big.Int).Add(d.int(), o.int())}
}

func (d decimal) cmp(o decimal) int { return d.int().Cmp(o.int()) }

// fixed prints the amount with all four places ("43.1500"), as V2 does.
func (d decimal) fixed() string {
	u := d.int()
	neg := u.Sign() < 0
	digits := new(big.Int).Abs(u).String()
	if len(digits) <= moneyScale {
		digits = strings.Repeat("0", moneyScale-len(digits)+1) + digits
	}
	s := digits[:len(digits)-moneyScale] + "." + digits[len(digits)-moneyScale:]
	if neg {
		s = "-" + s
	}
	return s
}

// String prints the shortest exact form ("43.15", "0.3", "10").
func (d decimal) String() string {
	s := strings.TrimRight(d.fixed(), "0")
	return strings.TrimSuffix(s, ".")
}

// MarshalJSON writes a JSON number, as V3's store_credit_amounts[].amount is.
func (d decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }
