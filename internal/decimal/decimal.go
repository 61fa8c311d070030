// Package decimal holds exact decimal amounts, such as money, as their
// digits: "43.15" stays 43.15 and 0.1 + 0.2 is 0.3, because no value ever
// passes through a float. The API client, the provider's framework helpers
// and the sandbox store share it.
package decimal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// Decimal is an exact decimal amount kept as text, such as "43.15". The
// empty string is zero. The arithmetic below reads any JSON number's text,
// exponent included, and counts text that is not a number as zero: Parse
// is where text is checked.
type Decimal string

var (
	// number is the JSON grammar of a number.
	number = regexp.MustCompile(`^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([-+]?[0-9]+))?$`)
	// plain is a number without exponent, which every reader takes alike.
	plain = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)
)

// maxExponent bounds an exponent so that "1e999999999" cannot make a
// billion-digit integer.
const maxExponent = 1000

// ErrSyntax is returned for text that is not a decimal number.
var ErrSyntax = errors.New("not a decimal number")

// Parse reads a JSON number's text, exponent allowed, and returns its
// shortest exact form without exponent: "43.1500" is "43.15", "1e2" is
// "100" and "-0" is "0".
func Parse(s string) (Decimal, error) {
	u, scale, ok := split(s)
	if !ok {
		return "", ErrSyntax
	}
	return format(u, scale), nil
}

// split reads s as u × 10^-scale, with scale ≥ 0 and, when scale > 0, no
// trailing zero in u.
func split(s string) (u *big.Int, scale int, ok bool) {
	if s == "" {
		return new(big.Int), 0, true
	}
	m := number.FindStringSubmatch(s)
	if m == nil {
		return nil, 0, false
	}
	exp := 0
	if m[4] != "" {
		e, err := strconv.Atoi(m[4])
		if err != nil || e > maxExponent || e < -maxExponent {
			return nil, 0, false
		}
		exp = e
	}
	u, _ = new(big.Int).SetString(m[2]+m[3], 10)
	if m[1] == "-" {
		u.Neg(u)
	}
	scale = len(m[3]) - exp
	if scale < 0 {
		u.Mul(u, pow10(-scale))
		scale = 0
	}
	ten, r := big.NewInt(10), new(big.Int)
	for scale > 0 {
		q, rem := new(big.Int).QuoRem(u, ten, r)
		if rem.Sign() != 0 {
			break
		}
		u, scale = q, scale-1
	}
	return u, scale, true
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// parts is split for the arithmetic, which counts non-numbers as zero.
func (d Decimal) parts() (*big.Int, int) {
	u, scale, ok := split(string(d))
	if !ok {
		return new(big.Int), 0
	}
	return u, scale
}

// format writes u × 10^-scale with exactly scale places.
func format(u *big.Int, scale int) Decimal {
	digits := new(big.Int).Abs(u).String()
	if scale > 0 {
		if len(digits) <= scale {
			digits = strings.Repeat("0", scale-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
	}
	if u.Sign() < 0 {
		digits = "-" + digits
	}
	return Decimal(digits)
}

// align returns d and o as integers at their common scale.
func align(d, o Decimal) (x, y *big.Int, scale int) {
	x, sx := d.parts()
	y, sy := o.parts()
	switch {
	case sx < sy:
		x = new(big.Int).Mul(x, pow10(sy-sx))
		return x, y, sy
	case sy < sx:
		y = new(big.Int).Mul(y, pow10(sx-sy))
	}
	return x, y, sx
}

// Add returns d + o in shortest form.
func (d Decimal) Add(o Decimal) Decimal {
	x, y, scale := align(d, o)
	s, _ := Parse(string(format(new(big.Int).Add(x, y), scale)))
	return s
}

// Cmp compares d and o by value: -1, 0 or +1. "5.0000" equals "5".
func (d Decimal) Cmp(o Decimal) int {
	x, y, _ := align(d, o)
	return x.Cmp(y)
}

// Sign is -1, 0 or +1.
func (d Decimal) Sign() int {
	u, _ := d.parts()
	return u.Sign()
}

// Places counts the decimal places of the exact value: 2 for "43.15" and
// for "43.1500", 0 for "1.5e1".
func (d Decimal) Places() int {
	_, scale := d.parts()
	return scale
}

// Fixed prints d with exactly places decimal places ("43.1500" for 4),
// rounding half away from zero when d has more.
func (d Decimal) Fixed(places int) string {
	u, scale := d.parts()
	if scale <= places {
		return string(format(new(big.Int).Mul(u, pow10(places-scale)), places))
	}
	s := new(big.Rat).SetFrac(u, pow10(scale)).FloatString(places)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // rounded to zero: no "-0.0000"
	}
	return s
}

// MarshalJSON writes the digits as a JSON number, as they are: "5.0000"
// stays 5.0000. It refuses an exponent, which readers take differently.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("0"), nil
	}
	if !plain.MatchString(string(d)) {
		return nil, fmt.Errorf("%q is not a decimal number", string(d))
	}
	return []byte(d), nil
}

// UnmarshalJSON accepts a JSON number or a string holding one, keeping its
// digits as they are; null is "".
func (d *Decimal) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*d = ""
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		b = []byte(s)
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("%s is not a decimal number", b)
	}
	*d = Decimal(n.String())
	return nil
}
