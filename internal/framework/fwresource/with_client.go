package fwresource

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/providerdata"
)

// configured is the provider's API access as Configure received it; nil
// until the provider is configured (for example during validation).
type configured struct {
	data *providerdata.Data
}

// Client reaches every endpoint directly; nil before Configure.
func (c *configured) Client() *bigcommerce.Client {
	if c.data == nil {
		return nil
	}
	return c.data.Client
}

// Customers is the per-customer surface, batched when batching is on; nil
// before Configure.
func (c *configured) Customers() providerdata.CustomerService {
	if c.data == nil {
		return nil
	}
	return c.data.Customers
}

// Metafields is the per-metafield surface, batched when batching is on; nil
// before Configure.
func (c *configured) Metafields() providerdata.MetafieldService {
	if c.data == nil {
		return nil
	}
	return c.data.Metafields
}

// Addresses is the per-address surface, batched when batching is on; nil
// before Configure.
func (c *configured) Addresses() providerdata.AddressService {
	if c.data == nil {
		return nil
	}
	return c.data.Addresses
}

// AttributeValues is the per-value surface of customer attributes, batched
// when batching is on; nil before Configure.
func (c *configured) AttributeValues() providerdata.AttributeValueService {
	if c.data == nil {
		return nil
	}
	return c.data.AttributeValues
}

// Attributes remembers the store's customer attributes for this plan or
// apply; nil before Configure.
func (c *configured) Attributes() *providerdata.Attributes {
	if c.data == nil {
		return nil
	}
	return c.data.Attributes
}

// Singletons counts the store-wide resources (such as the store's customer
// settings) this plan or apply manages; nil before Configure.
func (c *configured) Singletons() *providerdata.Singletons {
	if c.data == nil {
		return nil
	}
	return c.data.Singletons
}

// WithClient is embedded by every resource: its Configure keeps the
// configured provider's API access.
type WithClient struct {
	configured
}

// Configure implements resource.ResourceWithConfigure.
func (w *WithClient) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	w.data = providerdata.From(req.ProviderData, &resp.Diagnostics)
}

// DataSourceWithClient is WithClient for data sources.
type DataSourceWithClient struct {
	configured
}

// Configure implements datasource.DataSourceWithConfigure.
func (w *DataSourceWithClient) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	w.data = providerdata.From(req.ProviderData, &resp.Diagnostics)
}

// ActionWithClient is WithClient for actions.
type ActionWithClient struct {
	configured
}

// Configure implements action.ActionWithConfigure.
func (w *ActionWithClient) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	w.data = providerdata.From(req.ProviderData, &resp.Diagnostics)
}

// NewWithClient returns a WithClient already configured with data, for
// resources built outside the framework, as in unit tests.
func NewWithClient(data *providerdata.Data) WithClient {
	return WithClient{configured{data: data}}
}

// Resource is what every resource of the provider is: configured with the
// client, imported by id or identity.
type Resource interface {
	resource.ResourceWithConfigure
	resource.ResourceWithImportState
	resource.ResourceWithIdentity
}
