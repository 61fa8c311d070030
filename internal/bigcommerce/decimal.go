package bigcommerce

import "github.com/commerceops/terraform-provider-bigcommerce/internal/decimal"

// Decimal is an exact decimal amount such as "43.15". It travels as a JSON
// number in V3 and as a JSON string in V2; keeping the digits as text means
// no float ever rounds a merchant's money.
type Decimal = decimal.Decimal
