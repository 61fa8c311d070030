package providerdata

import (
	"context"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// AttributeValueService is the per-value surface resources use. The Client
// implements it with one request per call; batch.AttributeValues by merging
// concurrent calls into the batch endpoints.
type AttributeValueService interface {
	GetAttributeValue(ctx context.Context, customerID, attributeID int) (*bigcommerce.AttributeValue, error)
	UpsertAttributeValue(ctx context.Context, in bigcommerce.AttributeValueUpsert) (*bigcommerce.AttributeValue, error)
	DeleteAttributeValue(ctx context.Context, id int) error
}
