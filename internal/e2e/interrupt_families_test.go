package e2e_test

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"
)

// family is one resource type whose creates and destroys are cut short by
// Ctrl-C: its configuration of n instances and how to list what the store
// holds, by the ids the state records.
type family struct {
	name   string
	typ    string
	n      int
	config func(w *workspace) string
	stored func(w *workspace) []string
}

// TestInterrupt_otherFamilies interrupts a create and a destroy of customer
// groups, attributes and attribute values: each time the state holds
// exactly what the store holds, and running the command again converges.
func TestInterrupt_otherFamilies(t *testing.T) {
	for _, f := range []family{
		{
			name: "groups", typ: "bigcommerce_customer_group", n: 30,
			config: func(*workspace) string {
				return `resource "bigcommerce_customer_group" "g" {
  count = 30
  name  = "Group ${count.index}"
}`
			},
			stored: func(w *workspace) []string {
				var groups []struct {
					ID int `json:"id"`
				}
				if w.store.GroupCount() > 0 { // V2 answers an empty list with 204 and no body
					w.api(http.MethodGet, "/v2/customer_groups?limit=250", nil, &groups)
				}
				ids := make([]string, len(groups))
				for i, g := range groups {
					ids[i] = strconv.Itoa(g.ID)
				}
				return ids
			},
		},
		{
			name: "attributes", typ: "bigcommerce_customer_attribute", n: 30,
			config: func(*workspace) string {
				return `resource "bigcommerce_customer_attribute" "a" {
  count = 30
  name  = "Attribute ${count.index}"
  type  = "string"
}`
			},
			stored: func(w *workspace) []string {
				var resp struct {
					Data []struct {
						ID int `json:"id"`
					} `json:"data"`
				}
				w.api(http.MethodGet, "/v3/customers/attributes?limit=250", nil, &resp)
				ids := make([]string, len(resp.Data))
				for i, a := range resp.Data {
					ids[i] = strconv.Itoa(a.ID)
				}
				return ids
			},
		},
		{
			name: "attribute values", typ: "bigcommerce_customer_attribute_value", n: 30,
			config: func(w *workspace) string {
				customers := w.store.SeedCustomers(30, 0)
				var attr struct {
					Data []struct {
						ID int `json:"id"`
					} `json:"data"`
				}
				w.api(http.MethodPost, "/v3/customers/attributes", []map[string]string{{"name": "Tier", "type": "string"}}, &attr)
				return fmt.Sprintf(`locals {
  customers = %s
}

resource "bigcommerce_customer_attribute_value" "v" {
  count        = 30
  customer_id  = local.customers[count.index]
  attribute_id = %d
  value        = "gold"
}`, jsonList(customers), attr.Data[0].ID)
			},
			stored: func(w *workspace) []string {
				var resp struct {
					Data []struct {
						CustomerID  int `json:"customer_id"`
						AttributeID int `json:"attribute_id"`
					} `json:"data"`
				}
				w.api(http.MethodGet, "/v3/customers/attribute-values?limit=250", nil, &resp)
				ids := make([]string, len(resp.Data))
				for i, v := range resp.Data {
					ids[i] = fmt.Sprintf("%d/%d", v.CustomerID, v.AttributeID)
				}
				return ids
			},
		},
	} {
		t.Run(f.name, func(t *testing.T) {
			w := newSlowWorkspace(t, providerBlock)
			w.writeConfig(f.config(w))
			third := f.n / 3

			run := w.start("apply", "-input=false", "-auto-approve", "-parallelism=2")
			waitFor(t, fmt.Sprintf("%d %s in the store", third, f.name), func() bool { return len(f.stored(w)) >= third })
			run.interrupt()
			out, code := run.wait(t)
			if code == 0 || len(f.stored(w)) >= f.n {
				t.Fatalf("the apply was not cut short (exit %d):\n%s", code, tail(out))
			}
			assertSameIDs(t, "after the interrupted create: "+f.name, f.stored(w), w.stateIDs(f.typ))
			w.mustRun(0, "apply", "-input=false", "-auto-approve")
			if got := f.stored(w); len(got) != f.n {
				t.Fatalf("the store holds %d %s after the second apply, want %d", len(got), f.name, f.n)
			}
			assertSameIDs(t, "after the second apply: "+f.name, f.stored(w), w.stateIDs(f.typ))

			run = w.start("destroy", "-input=false", "-auto-approve", "-parallelism=2", "-refresh=false")
			waitFor(t, fmt.Sprintf("%d %s left", f.n-third, f.name), func() bool { return len(f.stored(w)) <= f.n-third })
			run.interrupt()
			out, code = run.wait(t)
			if code == 0 || len(f.stored(w)) == 0 {
				t.Fatalf("the destroy was not cut short (exit %d):\n%s", code, tail(out))
			}
			assertSameIDs(t, "after the interrupted destroy: "+f.name, f.stored(w), w.stateIDs(f.typ))
			w.mustRun(0, "destroy", "-input=false", "-auto-approve")
			if got := f.stored(w); len(got) != 0 {
				t.Fatalf("the store still holds %s %v after the second destroy", f.name, got)
			}
		})
	}
}

func jsonList(ids []int) string {
	s := "["
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += strconv.Itoa(id)
	}
	return s + "]"
}
