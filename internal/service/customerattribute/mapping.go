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

// attributeModel is a customer attribute as the resource and the data
// source show it, each attribute the V3 field of the same name.
type attributeModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Type         types.String `tfsdk:"type"`
	DateCreated  types.String `tfsdk:"date_created"`
	DateModified types.String `tfsdk:"date_modified"`
}

func newAttributeModel(a *bigcommerce.Attribute) attributeModel {
	return attributeModel{
		ID:           types.StringValue(strconv.Itoa(a.ID)),
		Name:         types.StringValue(a.Name),
		Type:         types.StringValue(a.Type),
		DateCreated:  types.StringValue(a.DateCreated),
		DateModified: types.StringValue(a.DateModified),
	}
}

// flatten writes what the store answered into the resource's state.
func flatten(a *bigcommerce.Attribute, m *resourceModel) {
	m.attributeModel = newAttributeModel(a)
}
