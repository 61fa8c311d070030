package providerdata

import "testing"

func TestSingletonsClaimOncePerType(t *testing.T) {
	var s Singletons
	if !s.Claim("bigcommerce_customer_settings") {
		t.Fatal("the first claim must succeed")
	}
	if s.Claim("bigcommerce_customer_settings") {
		t.Error("a second claim of the same type must be refused")
	}
	if !s.Claim("bigcommerce_other") {
		t.Error("another type's first claim must succeed")
	}
}
