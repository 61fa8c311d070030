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
	// CreateAttributeValue answers *bigcommerce.ValueExistsError rather
	// than replace a value the customer has.
	CreateAttributeValue(ctx context.Context, in bigcommerce.AttributeValueUpsert) (*bigcommerce.AttributeValue, error)
	DeleteAttributeValueOf(ctx context.Context, customerID, attributeID int) error
}
