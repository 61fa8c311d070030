package providerdata

import (
	"context"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// AddressService is the per-address surface resources use. The Client
// implements it with one request per call; batch.Addresses by merging
// concurrent calls into the batch endpoints.
type AddressService interface {
	GetAddress(ctx context.Context, id int) (*bigcommerce.Address, error)
	CreateAddress(ctx context.Context, in bigcommerce.AddressCreate) (*bigcommerce.Address, error)
	PatchAddress(ctx context.Context, in bigcommerce.AddressPatch) (*bigcommerce.Address, error)
	DeleteAddress(ctx context.Context, id int) error
}
