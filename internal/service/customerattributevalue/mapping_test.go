package customerattributevalue

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestExpandUpdateSendsThePairAndTheNewValue(t *testing.T) {
	state := resourceModel{
		ID: types.StringValue("12/3"), CustomerID: types.Int64Value(12), AttributeID: types.Int64Value(3),
		Value: types.StringValue("gold"), ValueID: types.Int64Value(40),
	}
	tests := []struct {
		name  string
		value types.String
		want  string // "" for no request
	}{
		{"a new value", types.StringValue("silver"), `{"customer_id":12,"attribute_id":3,"value":"silver"}`},
		{"an emptied value", types.StringValue(""), `{"customer_id":12,"attribute_id":3,"value":""}`},
		{"the same value", types.StringValue("gold"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := state
			plan.Value = tt.value
			in, ok := expandUpdate(plan, state)
			if !ok {
				if tt.want != "" {
					t.Fatalf("no request, want %s", tt.want)
				}
				return
			}
			got, err := json.Marshal(in)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("body %s, want %s", got, tt.want)
			}
		})
	}
}
