package customermetafield

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

func testModel() metafieldModel {
	return metafieldModel{
		ID: types.StringValue("34"), CustomerID: types.Int64Value(12),
		Namespace: types.StringValue("ops"), Key: types.StringValue("tier"), Value: types.StringValue("Gold"),
		PermissionSet: types.StringValue("app_only"), Description: types.StringValue("Loyalty"),
	}
}

func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func TestExpandCreate(t *testing.T) {
	m := testModel()
	m.Description = types.StringNull()
	got := expandCreate(m)
	want := bigcommerce.MetafieldCreate{CustomerID: 12, Namespace: "ops", Key: "tier", Value: "Gold", PermissionSet: "app_only"}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestExpandUpdateSendsOnlyWhatChanged(t *testing.T) {
	state := testModel()
	for _, c := range []struct {
		name   string
		change func(*metafieldModel)
		want   [5]string // namespace, key, value, permission_set, description
		ok     bool
	}{
		{"nothing", func(*metafieldModel) {}, [5]string{"<nil>", "<nil>", "<nil>", "<nil>", "<nil>"}, false},
		{"value", func(m *metafieldModel) { m.Value = types.StringValue("Platinum") }, [5]string{"<nil>", "<nil>", "Platinum", "<nil>", "<nil>"}, true},
		{"rename", func(m *metafieldModel) {
			m.Namespace, m.Key = types.StringValue("loyalty"), types.StringValue("level")
		}, [5]string{"loyalty", "level", "<nil>", "<nil>", "<nil>"}, true},
		{"permission", func(m *metafieldModel) { m.PermissionSet = types.StringValue("read") }, [5]string{"<nil>", "<nil>", "<nil>", "read", "<nil>"}, true},
		{"description removed", func(m *metafieldModel) { m.Description = types.StringNull() }, [5]string{"<nil>", "<nil>", "<nil>", "<nil>", ""}, true},
		{"unknown", func(m *metafieldModel) { m.Value = types.StringUnknown() }, [5]string{"<nil>", "<nil>", "<nil>", "<nil>", "<nil>"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			plan := testModel()
			c.change(&plan)
			u, ok := expandUpdate(34, plan, state)
			got := [5]string{str(u.Namespace), str(u.Key), str(u.Value), str(u.PermissionSet), str(u.Description)}
			if u.ID != 34 || ok != c.ok || got != c.want {
				t.Errorf("got %d %v %q, want 34 %v %q", u.ID, ok, got, c.ok, c.want)
			}
		})
	}
}

func TestExpandUpdateNullAndEmptyDescriptionAreTheSame(t *testing.T) {
	state, plan := testModel(), testModel()
	state.Description, plan.Description = types.StringValue(""), types.StringNull()
	if u, ok := expandUpdate(34, plan, state); ok {
		t.Errorf("got %+v, want no update", u)
	}
}

func TestFlatten(t *testing.T) {
	mf := &bigcommerce.Metafield{ID: 34, ResourceID: 12, Namespace: "ops", Key: "tier", Value: "Gold", PermissionSet: "read",
		OwnerClientID: "abc", DateCreated: "2024-05-14T09:34:00Z", DateModified: "2024-05-15T09:34:00Z"}
	var m metafieldModel
	m.Description = types.StringNull()
	flatten(mf, &m)
	if m.ID.ValueString() != "34" || m.CustomerID.ValueInt64() != 12 || m.Key.ValueString() != "tier" || m.PermissionSet.ValueString() != "read" ||
		m.OwnerClientID.ValueString() != "abc" || m.DateCreated.ValueString() != "2024-05-14T09:34:00Z" || m.DateModified.ValueString() != "2024-05-15T09:34:00Z" {
		t.Errorf("got %+v", m)
	}
	if !m.Description.IsNull() {
		t.Errorf("an empty description with none configured: got %s, want null", m.Description)
	}
	m.Description = types.StringValue("old")
	flatten(mf, &m)
	if m.Description.ValueString() != "" || m.Description.IsNull() {
		t.Errorf("a description cleared in the store: got %s, want \"\"", m.Description)
	}
	mf.Description = "set elsewhere"
	m.Description = types.StringNull()
	flatten(mf, &m)
	if m.Description.ValueString() != "set elsewhere" {
		t.Errorf("a description set out of band: got %s", m.Description)
	}
	if id := m.identity(); id.CustomerID.ValueInt64() != 12 || id.ID.ValueInt64() != 34 {
		t.Errorf("identity %+v", id)
	}
}

func TestParseImportID(t *testing.T) {
	if cid, id, diags := parseImportID(" 12/34 "); diags.HasError() || cid != 12 || id != 34 {
		t.Errorf("12/34: %d %d %v", cid, id, diags)
	}
	for _, s := range []string{"", "12", "12/", "/34", "a/34", "12/b", "0/34", "12/-1", "12/34/5"} {
		if _, _, diags := parseImportID(s); !diags.HasError() {
			t.Errorf("%q: no error", s)
		}
	}
}

func TestAttributeFor(t *testing.T) {
	for field, want := range map[string]string{"key": "key", "namespace": "namespace", "resource_id": "customer_id", "permission_set": "permission_set", "owner": ""} {
		if got := attributeFor(field); got != want {
			t.Errorf("%s: got %q, want %q", field, got, want)
		}
	}
}
