package customermetafield

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// metafieldModel is one metafield's attributes, each the V3 field of the
// same name (customer_id is the API's resource_id), as the resource, the
// data source and the list resource show them.
type metafieldModel struct {
	ID            types.String `tfsdk:"id"`
	CustomerID    types.Int64  `tfsdk:"customer_id"`
	Namespace     types.String `tfsdk:"namespace"`
	Key           types.String `tfsdk:"key"`
	Value         types.String `tfsdk:"value"`
	PermissionSet types.String `tfsdk:"permission_set"`
	Description   types.String `tfsdk:"description"`
	OwnerClientID types.String `tfsdk:"owner_client_id"`
	DateCreated   types.String `tfsdk:"date_created"`
	DateModified  types.String `tfsdk:"date_modified"`
}

// identityModel names a metafield: its customer and its own id.
type identityModel struct {
	CustomerID types.Int64 `tfsdk:"customer_id"`
	ID         types.Int64 `tfsdk:"id"`
}

func (m metafieldModel) identity() identityModel {
	id, _ := strconv.ParseInt(m.ID.ValueString(), 10, 64)
	return identityModel{CustomerID: m.CustomerID, ID: types.Int64Value(id)}
}

// expandCreate builds MetafieldBase_Post from the plan. An unset
// description is left out.
func expandCreate(plan metafieldModel) bigcommerce.MetafieldCreate {
	return bigcommerce.MetafieldCreate{
		CustomerID:    int(plan.CustomerID.ValueInt64()),
		Namespace:     plan.Namespace.ValueString(),
		Key:           plan.Key.ValueString(),
		Value:         plan.Value.ValueString(),
		PermissionSet: plan.PermissionSet.ValueString(),
		Description:   plan.Description.ValueString(),
	}
}

// expandUpdate returns the update of metafield id that carries exactly the
// attributes whose planned value differs from the state, and false when
// none does. A description removed from the configuration is sent as "",
// which clears it; nothing is ever sent as null.
func expandUpdate(id int, plan, state metafieldModel) (bigcommerce.MetafieldUpdate, bool) {
	u := bigcommerce.MetafieldUpdate{ID: id}
	changed := false
	set := func(dst **string, planned, prior types.String) {
		if planned.IsUnknown() || planned.Equal(prior) || (planned.IsNull() && prior.ValueString() == "") {
			return // unchanged; null and "" are both no description
		}
		v := planned.ValueString() // "" for a null description
		*dst, changed = &v, true
	}
	set(&u.Namespace, plan.Namespace, state.Namespace)
	set(&u.Key, plan.Key, state.Key)
	set(&u.Value, plan.Value, state.Value)
	set(&u.PermissionSet, plan.PermissionSet, state.PermissionSet)
	set(&u.Description, plan.Description, state.Description)
	return u, changed
}

// flatten copies the store's metafield into m. A description the store
// holds empty stays null when m has none: the configuration left it out.
func flatten(mf *bigcommerce.Metafield, m *metafieldModel) {
	m.ID = types.StringValue(strconv.Itoa(mf.ID))
	m.CustomerID = types.Int64Value(int64(mf.ResourceID))
	m.Namespace = types.StringValue(mf.Namespace)
	m.Key = types.StringValue(mf.Key)
	m.Value = types.StringValue(mf.Value)
	m.PermissionSet = types.StringValue(mf.PermissionSet)
	if mf.Description != "" || (!m.Description.IsNull() && !m.Description.IsUnknown()) {
		m.Description = types.StringValue(mf.Description)
	} else {
		m.Description = types.StringNull()
	}
	m.OwnerClientID = types.StringValue(mf.OwnerClientID)
	m.DateCreated = types.StringValue(mf.DateCreated)
	m.DateModified = types.StringValue(mf.DateModified)
}

func formatImportID(customerID, id int) string {
	return strconv.Itoa(customerID) + "/" + strconv.Itoa(id)
}

// parseImportID reads customer_id/metafield_id, naming what is wrong.
func parseImportID(s string) (int, int, diag.Diagnostics) {
	return fwresource.ParseIDPair(s, "customer_id/metafield_id, such as 12/34 for metafield 34 of customer 12", "customer", "metafield")
}

// ids reads the customer's and the metafield's ids from state.
func ids(m metafieldModel) (int, int, diag.Diagnostics) {
	id, diags := fwresource.ParseID(m.ID.ValueString(), "customer metafield")
	cid := int(m.CustomerID.ValueInt64())
	if cid <= 0 {
		diags.AddAttributeError(path.Root("customer_id"), "Invalid customer id", fmt.Sprintf("A customer id is a positive number, got %d.", cid))
	}
	return cid, id, diags
}

// attributeFor maps the store's field names onto attributes.
func attributeFor(field string) string {
	switch field {
	case "namespace", "key", "value", "permission_set", "description":
		return field
	case "resource_id":
		return "customer_id"
	}
	return ""
}
