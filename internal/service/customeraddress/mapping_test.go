package customeraddress

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// stateAddress is an address with every attribute set, as the state holds it
// after a create.
func stateAddress() addressModel {
	return addressModel{
		ID:              types.StringValue("5"),
		CustomerID:      types.Int64Value(12),
		FirstName:       types.StringValue("Jane"),
		LastName:        types.StringValue("Doe"),
		Company:         types.StringValue("Acme Corp"),
		Address1:        types.StringValue("111 E West Street"),
		Address2:        types.StringValue("Suite 654"),
		City:            types.StringValue("Akron"),
		StateOrProvince: types.StringValue("Ohio"),
		PostalCode:      types.StringValue("44325"),
		CountryCode:     types.StringValue("US"),
		Country:         types.StringValue("United States"),
		Phone:           types.StringValue("555-123-4567"),
		AddressType:     types.StringValue("commercial"),
	}
}

func TestExpandPatchSendsOnlyWhatChanged(t *testing.T) {
	tests := []struct {
		name string
		plan func(m *addressModel)
		want string
	}{
		{"one field changes", func(m *addressModel) { m.Phone = types.StringValue("555-000-0000") }, `{"id":5,"phone":"555-000-0000"}`},
		{"a required field changes", func(m *addressModel) { m.City = types.StringValue("Columbus") }, `{"id":5,"city":"Columbus"}`},
		{"an optional string removed is cleared", func(m *addressModel) { m.Company = types.StringNull() }, `{"id":5,"company":""}`},
		{"two fields change", func(m *addressModel) {
			m.Address2 = types.StringNull()
			m.AddressType = types.StringValue("residential")
		}, `{"id":5,"address2":"","address_type":"residential"}`},
		{"an address type left to the store is not sent", func(m *addressModel) {
			m.Phone = types.StringValue("555-000-0000")
			m.AddressType = types.StringUnknown()
		}, `{"id":5,"phone":"555-000-0000"}`},
		{"a country name the store derives is not sent", func(m *addressModel) {
			m.CountryCode = types.StringValue("CA")
			m.StateOrProvince = types.StringValue("Ontario")
			m.Country = types.StringUnknown()
		}, `{"id":5,"state_or_province":"Ontario","country_code":"CA"}`},
		{"nothing changes", func(m *addressModel) {}, `{"id":5}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := stateAddress()
			tt.plan(&plan)
			got, err := json.Marshal(expandPatch(5, plan, stateAddress()))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("body %s, want %s", got, tt.want)
			}
		})
	}
}

func TestExpandPatchTreatsNullAndEmptyAlike(t *testing.T) {
	state := stateAddress()
	state.Company = types.StringNull()
	plan := state
	plan.Company = types.StringValue("")
	if p := expandPatch(5, plan, state); !p.IsEmpty() {
		t.Errorf("company null in the state and \"\" in the plan: got %+v, want no change", p)
	}
}
