// Package acctest is the shared harness of the provider's acceptance tests.
// They run the real Terraform CLI against a local sandbox store by default,
// or against a real store when BIGCOMMERCE_STORE_HASH and
// BIGCOMMERCE_ACCESS_TOKEN are set.
package acctest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/provider"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// ProviderName is the provider's local name in test configurations.
const ProviderName = "bigcommerce"

// ProtoV6ProviderFactories serve the provider in-process to the CLI.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	ProviderName: providerserver.NewProtocol6WithError(provider.New("test")()),
}

// sandboxStore is the package's sandbox, nil against a real store.
var sandboxStore *sandbox.Server

// realStoreConfigured reports whether the environment names a real store,
// before Main points it at a sandbox.
func realStoreConfigured() bool {
	return os.Getenv(provider.EnvStoreHash) != "" && os.Getenv(provider.EnvAccessToken) != "" && os.Getenv("BIGCOMMERCE_SANDBOX") == ""
}

// Main is the TestMain of every package with acceptance tests: it starts a
// sandbox store for the package unless the tests run against a real store,
// and keeps the user's CLI configuration out of the tests.
func Main(m *testing.M) int {
	return MainWith(m, sandbox.Options{})
}

// MainWith is Main with sandbox options, such as latency or faults.
func MainWith(m *testing.M, opts sandbox.Options) int {
	_ = os.Setenv("TF_CLI_CONFIG_FILE", os.DevNull)
	if !realStoreConfigured() {
		if opts.Quota == 0 {
			// Generous, so tests are not paced; the quota itself is covered by
			// the client's and the sandbox's own tests.
			opts.Quota = 100000
		}
		srv, err := sandbox.Start(opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, "starting the sandbox store:", err)
			return 1
		}
		defer srv.Close()
		sandboxStore = srv
		_ = os.Setenv(provider.EnvAPIURL, srv.URL)
		_ = os.Setenv(provider.EnvStoreHash, srv.StoreHash)
		_ = os.Setenv(provider.EnvAccessToken, srv.AccessToken)
	}
	return m.Run()
}

// Sandbox returns the package's sandbox store, skipping the test against a
// real store (for tests that inspect or steer the store directly).
func Sandbox(t *testing.T) *sandbox.Server {
	t.Helper()
	if sandboxStore == nil {
		t.Skip("inspects the sandbox store; not run against a real store")
	}
	return sandboxStore
}

// PreCheck fails early when the tests cannot reach a store.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv(provider.EnvStoreHash) == "" || os.Getenv(provider.EnvAccessToken) == "" {
		t.Fatalf("%s and %s must be set (the package's TestMain sets them for the sandbox store)", provider.EnvStoreHash, provider.EnvAccessToken)
	}
}

// Client is an API client to the store under test, for checking and
// changing it out of band.
func Client(t *testing.T) *bigcommerce.Client {
	t.Helper()
	c, err := bigcommerce.New(bigcommerce.Config{
		BaseURL:     os.Getenv(provider.EnvAPIURL),
		StoreHash:   os.Getenv(provider.EnvStoreHash),
		AccessToken: os.Getenv(provider.EnvAccessToken),
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// RandomEmail returns a unique e-mail address, so tests against a real
// store neither collide nor leave traces that look like real customers.
func RandomEmail(prefix string) string {
	return fmt.Sprintf("%s-%08x@example.com", prefix, rand.Uint32())
}
