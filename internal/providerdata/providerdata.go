// Package providerdata holds what the configured provider hands to its
// resources and data sources.
package providerdata

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// Data is the configured provider's API access.
type Data struct {
	// Client reaches every endpoint directly.
	Client *bigcommerce.Client
	// Customers is the per-customer surface resources use; with batching on,
	// concurrent calls are merged into batch requests.
	Customers CustomerService
	// Metafields is the per-metafield surface, batched like Customers.
	Metafields MetafieldService
	// Addresses is the per-address surface, batched like Customers.
	Addresses AddressService
	// AttributeValues is the per-value surface of customer attributes,
	// batched like Customers.
	AttributeValues AttributeValueService
	// Attributes remembers the store's customer attributes for this run.
	Attributes *Attributes
	// Singletons counts the store-wide resources this run manages.
	Singletons *Singletons
}

// CustomerService is the per-customer surface resources use. The Client
// implements it with one request per call; batch.Customers by merging
// concurrent calls into the batch endpoints.
type CustomerService interface {
	GetCustomer(ctx context.Context, id int) (*bigcommerce.Customer, error)
	CreateCustomer(ctx context.Context, in bigcommerce.CustomerCreate) (*bigcommerce.Customer, error)
	UpdateCustomer(ctx context.Context, in bigcommerce.CustomerUpdate) (*bigcommerce.Customer, error)
	DeleteCustomer(ctx context.Context, id int) error
}

// From converts the framework's ProviderData, which is nil until the
// provider is configured (for example during validation).
func From(v any, diags *diag.Diagnostics) *Data {
	if v == nil {
		return nil
	}
	d, ok := v.(*Data)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *providerdata.Data, got %T. Please report this issue to the provider developers.", v))
		return nil
	}
	return d
}
