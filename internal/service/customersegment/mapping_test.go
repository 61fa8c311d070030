package customersegment

import (
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

const testID = "1b8ba8e2-7d2c-4b7e-9f3a-2c4d5e6f7a8b"

func testModel() segmentModel {
	return segmentModel{ID: types.StringValue(testID), Name: types.StringValue("VIP"), Description: types.StringValue("Big spenders")}
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
	if got, want := expandCreate(m), (bigcommerce.SegmentCreate{Name: "VIP"}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := expandCreate(testModel()); got.Description != "Big spenders" {
		t.Errorf("got %+v", got)
	}
}

func TestExpandUpdateSendsOnlyWhatChanged(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*segmentModel)
		want   [2]string // name, description
		ok     bool
	}{
		{"nothing", func(*segmentModel) {}, [2]string{"<nil>", "<nil>"}, false},
		{"name", func(m *segmentModel) { m.Name = types.StringValue("VIPs") }, [2]string{"VIPs", "<nil>"}, true},
		{"description", func(m *segmentModel) { m.Description = types.StringValue("Loyal") }, [2]string{"<nil>", "Loyal"}, true},
		{"description removed", func(m *segmentModel) { m.Description = types.StringNull() }, [2]string{"<nil>", ""}, true},
		{"unknown", func(m *segmentModel) { m.Name = types.StringUnknown() }, [2]string{"<nil>", "<nil>"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			plan := testModel()
			c.change(&plan)
			u, ok := expandUpdate(testID, plan, testModel())
			if got := [2]string{str(u.Name), str(u.Description)}; u.ID != testID || ok != c.ok || got != c.want {
				t.Errorf("got %s %v %q, want %v %q", u.ID, ok, got, c.ok, c.want)
			}
		})
	}
	// No description in the store and none configured: nothing to send.
	state := testModel()
	state.Description = types.StringValue("")
	plan := testModel()
	plan.Description = types.StringNull()
	if _, ok := expandUpdate(testID, plan, state); ok {
		t.Error(`null and "" are both no description`)
	}
}

func TestFlattenKeepsAnUnsetDescriptionNull(t *testing.T) {
	sg := &bigcommerce.Segment{ID: testID, Name: "VIP", CreatedAt: "2024-05-14T09:34:00Z", UpdatedAt: "2024-05-15T09:34:00Z"}
	m := segmentModel{Description: types.StringNull()}
	flatten(sg, &m)
	if !m.Description.IsNull() || m.ID.ValueString() != testID || m.Name.ValueString() != "VIP" || m.UpdatedAt.ValueString() != sg.UpdatedAt || m.CreatedAt.ValueString() != sg.CreatedAt {
		t.Errorf("got %+v", m)
	}
	sg.Description = "set elsewhere"
	flatten(sg, &m)
	if m.Description.ValueString() != "set elsewhere" {
		t.Errorf("drift not shown: %+v", m)
	}
	if got := flattenListed(&bigcommerce.Segment{ID: testID}); got.Description.IsNull() || got.Description.ValueString() != "" {
		t.Errorf("a listed segment shows no description as %v", got.Description)
	}
}

func TestParseSegmentID(t *testing.T) {
	for _, in := range []string{testID, " " + strings.ToUpper(testID) + " "} {
		if got, err := parseSegmentID(in); err != nil || got != testID {
			t.Errorf("parseSegmentID(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "12", "1b8ba8e2-7d2c-4b7e-9f3a", testID + "0", "VIP"} {
		if _, err := parseSegmentID(in); err == nil || !strings.Contains(err.Error(), "a segment id is a UUID") {
			t.Errorf("parseSegmentID(%q): %v", in, err)
		}
	}
}

func TestSegmentNamedIgnoresCaseAndTheSegmentItself(t *testing.T) {
	list := []bigcommerce.Segment{{ID: "a", Name: "Wholesale"}, {ID: "b", Name: "VIP"}}
	if got := segmentNamed(list, "vip", ""); got == nil || got.ID != "b" {
		t.Errorf("got %+v", got)
	}
	if got := segmentNamed(list, "VIP", "B"); got != nil {
		t.Errorf("a segment clashes with itself: %+v", got)
	}
	if got := segmentNamed(list, "Retail", ""); got != nil {
		t.Errorf("got %+v", got)
	}
}

func TestPlanMembers(t *testing.T) {
	members := map[int]string{1: "p1", 2: "p2", 5: "p5"}
	missing, remove := planMembers([]int{7, 2, 3, 7}, members)
	if !slices.Equal(missing, []int{3, 7}) || !slices.Equal(remove, []string{"p1", "p5"}) {
		t.Errorf("missing %v, remove %v", missing, remove)
	}
	missing, remove = planMembers([]int{1, 2, 5}, members)
	if len(missing) != 0 || len(remove) != 0 {
		t.Errorf("no change expected: missing %v, remove %v", missing, remove)
	}
}

func TestCustomerIDsOfAndAbsent(t *testing.T) {
	profiles := []bigcommerce.ShopperProfile{{ID: "p9", CustomerID: 9}, {ID: "p2", CustomerID: 2}}
	if got := customerIDsOf(profiles); !slices.Equal(got, []int64{2, 9}) {
		t.Errorf("customerIDsOf = %v", got)
	}
	if got := profilesByCustomer(profiles); got[9] != "p9" || got[2] != "p2" || len(got) != 2 {
		t.Errorf("profilesByCustomer = %v", got)
	}
	if got := absent([]int{4, 2, 3}, []bigcommerce.Customer{{ID: 2}}); !slices.Equal(got, []int{3, 4}) {
		t.Errorf("absent = %v", got)
	}
}
