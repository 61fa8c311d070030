package customerattribute

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// expandUpdate returns the update the plan asks for, and false when the name
// stays: the name is the only attribute that changes in place, and
// attribute_Put requires it, so an update is the id and the new name.
func expandUpdate(id int, plan, state resourceModel) (bigcommerce.AttributeUpdate, bool) {
	if plan.Name.IsUnknown() || plan.Name.Equal(state.Name) {
		return bigcommerce.AttributeUpdate{}, false
	}
	return bigcommerce.AttributeUpdate{ID: id, Name: plan.Name.ValueString()}, true
}

func flatten(a *bigcommerce.Attribute, m *resourceModel) {
	m.ID = types.StringValue(strconv.Itoa(a.ID))
	m.Name = types.StringValue(a.Name)
	m.Type = types.StringValue(a.Type)
	m.DateCreated = types.StringValue(a.DateCreated)
	m.DateModified = types.StringValue(a.DateModified)
}
