// Package flex converts between API values and Terraform values where the
// two disagree about emptiness or precision.
package flex

import (
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/decimal"
)

// OptionalString maps an API string onto an optional attribute: the API
// reports an unset field as "", so "" stays null when the attribute was
// null (omitted) before, and a set value shows as drift.
func OptionalString(api string, prior types.String) types.String {
	if api == "" && prior.IsNull() {
		return types.StringNull()
	}
	return types.StringValue(api)
}

// OptionalInt64 is OptionalString for ids where the API reports 0 for none.
func OptionalInt64(api int64, prior types.Int64) types.Int64 {
	if api == 0 && prior.IsNull() {
		return types.Int64Null()
	}
	return types.Int64Value(api)
}

// DecimalNumber parses an exact decimal such as "43.15" at Terraform's
// number precision; "" is zero.
func DecimalNumber(s string) (types.Number, error) {
	d, err := decimal.Parse(s)
	if err != nil {
		return types.NumberNull(), err
	}
	f, _, err := big.ParseFloat(string(d), 10, 512, big.ToNearestEven)
	if err != nil {
		return types.NumberNull(), err
	}
	return types.NumberValue(f), nil
}

// NumberDecimal formats a Terraform number as the shortest exact decimal,
// without exponent: 43.15 stays "43.15".
func NumberDecimal(n types.Number) decimal.Decimal {
	return decimal.Decimal(n.ValueBigFloat().Text('f', -1))
}
