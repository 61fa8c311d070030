package sandbox

import (
	"errors"

	dec "github.com/commerceops/terraform-provider-bigcommerce/internal/decimal"
)

// moneyScale is how many decimal places BigCommerce keeps for money (V2
// prints amounts such as "5.0000").
const moneyScale = 4

// decimal is an exact amount, kept in its shortest form ("43.15", "0.3",
// "10"), which is also how V3 writes it as a JSON number.
type decimal = dec.Decimal

var errTooPrecise = errors.New("must have at most 4 decimal places")

// parseDecimal reads a JSON number's text. More than four decimal places is
// refused rather than rounded: BigCommerce keeps four, and a value such as
// 0.30000000000000004 is a float-drift bug in the client that the sandbox
// should surface, not hide.
func parseDecimal(s string) (decimal, error) {
	if s == "" {
		return "", errors.New("must be a number")
	}
	d, err := dec.Parse(s)
	if err != nil {
		return "", errors.New("must be a number")
	}
	if d.Places() > moneyScale {
		return "", errTooPrecise
	}
	return d, nil
}
