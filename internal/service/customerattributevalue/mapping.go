package customerattributevalue

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// expandCreate builds the upsert that sets a new value. attributeValue_Base
// requires the customer, the attribute and the value; nothing else is sent.
func expandCreate(plan resourceModel) bigcommerce.AttributeValueUpsert {
	return bigcommerce.AttributeValueUpsert{
		CustomerID:  int(plan.CustomerID.ValueInt64()),
		AttributeID: int(plan.AttributeID.ValueInt64()),
		Value:       plan.Value.ValueString(),
	}
}

// expandUpdate returns the upsert the plan asks for, and false when the value
// stays: the value is the only attribute that changes in place (a new
// customer or attribute replaces the resource), and the upsert needs the
// pair that names it beside the value.
func expandUpdate(plan, state resourceModel) (bigcommerce.AttributeValueUpsert, bool) {
	if plan.Value.IsUnknown() || plan.Value.Equal(state.Value) {
		return bigcommerce.AttributeValueUpsert{}, false
	}
	return expandCreate(plan), true
}

func flatten(v *bigcommerce.AttributeValue, m *resourceModel) {
	m.ID = types.StringValue(formatID(v.CustomerID, v.AttributeID))
	m.CustomerID = types.Int64Value(int64(v.CustomerID))
	m.AttributeID = types.Int64Value(int64(v.AttributeID))
	m.Value = types.StringValue(v.Value)
	m.ValueID = types.Int64Value(int64(v.ID))
}
