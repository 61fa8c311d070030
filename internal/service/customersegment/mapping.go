package customersegment

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// segmentModel is one segment's attributes, each the field of the same
// name of segments.v3.yml's Segment, as the resource, the data sources and
// the list resource show them.
type segmentModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	CreatedAt   types.String `tfsdk:"created_at"`
	UpdatedAt   types.String `tfsdk:"updated_at"`
}

func (m segmentModel) identity() fwresource.IDIdentity {
	return fwresource.IDIdentity{ID: m.ID}
}

// expandCreate builds SegmentPost from the plan; an unset description is
// left out.
func expandCreate(plan segmentModel) bigcommerce.SegmentCreate {
	return bigcommerce.SegmentCreate{Name: plan.Name.ValueString(), Description: plan.Description.ValueString()}
}

// sameText reports whether a planned string equals the prior one, null and
// "" being the same (no description).
func sameText(planned, prior types.String) bool {
	return planned.ValueString() == prior.ValueString() && !planned.IsUnknown() && !prior.IsUnknown()
}

// expandUpdate returns the SegmentPut of segment id that carries exactly
// the attributes whose planned value differs from the state, and false when
// none does. A description removed from the configuration is sent as "",
// which clears it; nothing is sent as null.
func expandUpdate(id string, plan, state segmentModel) (bigcommerce.SegmentUpdate, bool) {
	u := bigcommerce.SegmentUpdate{ID: id}
	changed := false
	set := func(dst **string, planned, prior types.String) {
		if planned.IsUnknown() || sameText(planned, prior) {
			return
		}
		v := planned.ValueString() // "" for a null description
		*dst, changed = &v, true
	}
	set(&u.Name, plan.Name, state.Name)
	set(&u.Description, plan.Description, state.Description)
	return u, changed
}

// flatten copies the store's segment into m. A description the store holds
// empty stays null when m has none: the configuration left it out.
func flatten(sg *bigcommerce.Segment, m *segmentModel) {
	m.ID = types.StringValue(sg.ID)
	m.Name = types.StringValue(sg.Name)
	if sg.Description != "" || fwresource.Known(m.Description) {
		m.Description = types.StringValue(sg.Description)
	} else {
		m.Description = types.StringNull()
	}
	m.CreatedAt = types.StringValue(sg.CreatedAt)
	m.UpdatedAt = types.StringValue(sg.UpdatedAt)
}

// flattenListed is a listed segment, as the data sources and the list
// resource show it: an empty description is "" rather than null.
func flattenListed(sg *bigcommerce.Segment) segmentModel {
	m := segmentModel{Description: types.StringValue("")}
	flatten(sg, &m)
	return m
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// parseSegmentID reads a segment id given to an import: a UUID, which it
// returns lower-cased, as the store writes it.
func parseSegmentID(s string) (string, error) {
	id := strings.TrimSpace(s)
	if !uuidPattern.MatchString(id) {
		return "", fmt.Errorf("a segment id is a UUID such as 1b8ba8e2-7d2c-4b7e-9f3a-2c4d5e6f7a8b, got %q", s)
	}
	return strings.ToLower(id), nil
}

// importCommand tells how to import an existing object with this id.
func importCommand(what, id string) string {
	return fmt.Sprintf("To manage it with Terraform, import it instead of creating it:\n\n"+
		"  terraform import <address> %s\n\n"+
		"where <address> is this %s's address, or add an import block:\n\n"+
		"  import {\n    to = <address>\n    id = %q\n  }", id, what, id)
}

// segmentNamed finds the segment with this name, case aside (names are
// unique without regard to case), other than except.
func segmentNamed(list []bigcommerce.Segment, name, except string) *bigcommerce.Segment {
	i := slices.IndexFunc(list, func(sg bigcommerce.Segment) bool {
		return strings.EqualFold(sg.Name, name) && !strings.EqualFold(sg.ID, except)
	})
	if i < 0 {
		return nil
	}
	return &list[i]
}

// attributeFor maps the store's field names ("0.name") onto attributes.
func attributeFor(field string) string {
	switch field {
	case "name", "description":
		return field
	}
	return ""
}

// planMembers compares the customers wanted in a segment with its members
// (profile id by customer id). It returns what to remove, and the wanted
// customers that are no members yet, in ascending order.
func planMembers(wanted []int, members map[int]string) (missing []int, remove []string) {
	want := map[int]bool{}
	for _, id := range wanted {
		want[id] = true
		if _, ok := members[id]; !ok {
			missing = append(missing, id)
		}
	}
	for _, cid := range slices.Sorted(maps.Keys(members)) {
		if !want[cid] {
			remove = append(remove, members[cid])
		}
	}
	slices.Sort(missing)
	return slices.Compact(missing), remove
}

// profilesByCustomer indexes shopper profiles by their customer's id.
func profilesByCustomer(profiles []bigcommerce.ShopperProfile) map[int]string {
	out := make(map[int]string, len(profiles))
	for _, p := range profiles {
		out[p.CustomerID] = p.ID
	}
	return out
}

// customerIDsOf lists the customers of a segment's profiles, ascending.
func customerIDsOf(profiles []bigcommerce.ShopperProfile) []int64 {
	out := make([]int64, 0, len(profiles))
	for _, p := range profiles {
		out = append(out, int64(p.CustomerID))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// absent lists the ids of want that found does not hold, ascending.
func absent(want []int, found []bigcommerce.Customer) []int {
	var out []int
	for _, id := range want {
		if !slices.ContainsFunc(found, func(c bigcommerce.Customer) bool { return c.ID == id }) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
