package acctest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// CheckDestroyed is a CheckDestroy that fails while the store still holds
// an object of resourceType. get reads the object of one resource state
// from the store, naming it (such as "address 12"); ErrNotFound means gone.
func CheckDestroyed(t *testing.T, resourceType string, get func(c *bigcommerce.Client, rs *terraform.ResourceState) (string, error)) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != resourceType {
				continue
			}
			what, err := get(Client(t), rs)
			if err == nil {
				return fmt.Errorf("%s still exists", what)
			}
			if !errors.Is(err, bigcommerce.ErrNotFound) {
				return err
			}
		}
		return nil
	}
}
