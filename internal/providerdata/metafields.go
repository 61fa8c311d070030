package providerdata

import (
	"context"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// MetafieldService is the per-metafield surface resources use. The Client
// implements it with one request per call; batch.Metafields by merging
// concurrent calls into the batch endpoints.
type MetafieldService interface {
	GetCustomerMetafield(ctx context.Context, customerID, id int) (*bigcommerce.Metafield, error)
	CreateCustomerMetafield(ctx context.Context, in bigcommerce.MetafieldCreate) (*bigcommerce.Metafield, error)
	UpdateCustomerMetafield(ctx context.Context, customerID int, u bigcommerce.MetafieldUpdate) (*bigcommerce.Metafield, error)
	DeleteCustomerMetafield(ctx context.Context, customerID, id int) error
}
