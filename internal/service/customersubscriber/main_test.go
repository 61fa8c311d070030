package customersubscriber_test

import (
	"os"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/acctest"
)

func TestMain(m *testing.M) { os.Exit(acctest.Main(m)) }
