package acctest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/provider"
)

// V2RegistrationIP reads a customer's registration IP through V2's Get a
// Customer, the view that sets it, to check what both APIs show.
func V2RegistrationIP(t *testing.T, id int) (string, error) {
	t.Helper()
	base := strings.TrimRight(os.Getenv(provider.EnvAPIURL), "/")
	if base == "" {
		base = "https://api.bigcommerce.com"
	}
	url := fmt.Sprintf("%s/stores/%s/v2/customers/%d", base, os.Getenv(provider.EnvStoreHash), id)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("X-Auth-Token", os.Getenv(provider.EnvAccessToken))
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET /v2/customers/%d answered %s", id, resp.Status)
	}
	var out struct {
		RegistrationIPAddress string `json:"registration_ip_address"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	return out.RegistrationIPAddress, nil
}
