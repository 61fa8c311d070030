package customerattribute

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestExpandUpdateSendsTheIDAndTheNewName(t *testing.T) {
	state := resourceModel{attributeModel: attributeModel{
		ID: types.StringValue("3"), Name: types.StringValue("Nickname"), Type: types.StringValue("string"),
		DateCreated: types.StringValue("2026-11-26T10:00:00Z"), DateModified: types.StringValue("2026-11-26T10:00:00Z"),
	}}
	plan := state
	plan.Name = types.StringValue("Nick")
	plan.DateModified = types.StringUnknown()

	in, ok := expandUpdate(3, plan, state)
	if !ok {
		t.Fatal("a new name sends no update")
	}
	got, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":3,"name":"Nick"}`; string(got) != want {
		t.Errorf("body %s, want %s", got, want)
	}

	plan.Name = state.Name
	if in, ok := expandUpdate(3, plan, state); ok {
		t.Errorf("the name stays, yet the update is %+v", in)
	}
}
