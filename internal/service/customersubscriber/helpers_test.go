package customersubscriber_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// Helpers.

var idPattern = regexp.MustCompile(`^[0-9]+$`)

// config is a subscriber with an e-mail and the given attribute lines.
func config(email string, attrs ...string) string {
	return fmt.Sprintf(`
resource "bigcommerce_customer_subscriber" "test" {
  email = %q
  %s
}
`, email, strings.Join(attrs, "\n  "))
}

// none records requests, to check that a step sends none of a kind.
type none struct {
	store *sandbox.Server
	rec   *sandbox.Recording
}

func recordNone(t *testing.T) *none {
	n := &none{store: acctest.Sandbox(t)}
	t.Cleanup(n.stop)
	return n
}

func (n *none) Start() { n.stop(); n.rec = n.store.Record() }

func (n *none) stop() {
	if n.rec != nil {
		n.rec.Stop()
	}
}

// SentNone fails when the step sent a request to key.
func (n *none) SentNone(key string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		n.stop()
		if reqs := n.rec.Requests(key); len(reqs) != 0 {
			return fmt.Errorf("the store received %d requests to %s, want none: %s", len(reqs), key, reqs[0].Body)
		}
		return nil
	}
}

var seedOnce sync.Once

// seedChannel adds channel 2 to the package's sandbox store, once.
func seedChannel(t *testing.T) {
	store := acctest.Sandbox(t)
	seedOnce.Do(func() { store.SeedChannel(2) })
}

func subscriberID(t *testing.T, s *terraform.State) int {
	t.Helper()
	id, err := strconv.Atoi(s.RootModule().Resources[resourceName].Primary.ID)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// want is what the store should hold; orderID 0 is none.
type want struct {
	email, first, last, source string
	orderID, channelID         int
	consents                   []string
}

func storeHas(t *testing.T, w want) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		got, err := acctest.Client(t).GetSubscriber(context.Background(), subscriberID(t, s))
		if err != nil {
			return err
		}
		orderID := 0
		if got.OrderID != nil {
			orderID = *got.OrderID
		}
		consents := slices.Sorted(slices.Values(got.Consents))
		g := want{got.Email, got.FirstName, got.LastName, got.Source, orderID, got.ChannelID, consents}
		if g.email != w.email || g.first != w.first || g.last != w.last || g.source != w.source ||
			g.orderID != w.orderID || g.channelID != w.channelID || !slices.Equal(g.consents, w.consents) {
			return fmt.Errorf("the store holds %+v, want %+v", g, w)
		}
		return nil
	}
}

func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed(t, "bigcommerce_customer_subscriber", func(c *bigcommerce.Client, rs *terraform.ResourceState) (string, error) {
		id, _ := strconv.Atoi(rs.Primary.ID)
		_, err := c.GetSubscriber(context.Background(), id)
		return fmt.Sprintf("subscriber %d", id), err
	})
}
