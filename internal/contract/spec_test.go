package contract

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// envSpecDir names the directory holding BigCommerce's OpenAPI documents.
const envSpecDir = "BIGCOMMERCE_OPENAPI_DIR"

// The documents the contract is checked against, by API version.
var specFiles = map[string]string{
	"v3": "customers.v3.yml",
	"v2": "customers.v2.yml",
}

// specDir finds the documents: BIGCOMMERCE_OPENAPI_DIR when it is set (and
// then they must be there), else ../shared/bigcommerce-api beside the
// repository (and the test is skipped when they are not).
func specDir(t testing.TB) string {
	t.Helper()
	if dir, ok := os.LookupEnv(envSpecDir); ok {
		for _, name := range specFiles {
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Fatalf("%s=%q, but %s is not there: %v; point it at the directory holding %s and %s",
					envSpecDir, dir, name, err, specFiles["v3"], specFiles["v2"])
			}
		}
		return dir
	}
	dir := filepath.Join(repoRoot(t), "..", "shared", "bigcommerce-api")
	for _, name := range specFiles {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Skipf("BigCommerce's OpenAPI documents are not at %s (%s missing) and %s is not set: set it to the directory holding %s and %s to run the contract tests",
				dir, name, envSpecDir, specFiles["v3"], specFiles["v2"])
		}
	}
	return dir
}

// repoRoot is the directory holding go.mod, above the package's directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// loadSpec reads one document as published, without patches.
func loadSpec(t testing.TB, version string) *openapi3.T {
	t.Helper()
	path := filepath.Join(specDir(t), specFiles[version])
	doc, err := openapi3.NewLoader().LoadFromFile(path)
	if err != nil {
		t.Fatalf("loading %s: %v", path, err)
	}
	return doc
}

// loadPatchedSpec reads one document, applies this package's patches and
// checks that the result is a valid OpenAPI document.
func loadPatchedSpec(t testing.TB, version string) *openapi3.T {
	t.Helper()
	doc := loadSpec(t, version)
	for _, p := range patches {
		if p.version != version {
			continue
		}
		if err := p.apply(doc); err != nil {
			t.Fatalf("patch %q of %s: %v", p.name, specFiles[version], err)
		}
	}
	if err := doc.Validate(context.Background(), openapi3.EnableMultiError()); err != nil {
		t.Fatalf("%s is not a valid OpenAPI document, even patched: %v", specFiles[version], err)
	}
	return doc
}

// patch corrects an error of a published document in memory. stillNeeded
// probes the unpatched document and returns nil while the error is still
// there, so that a patch made obsolete upstream is noticed.
type patch struct {
	version     string
	name        string
	apply       func(doc *openapi3.T) error
	stillNeeded func(doc *openapi3.T) error
}

var patches = []patch{
	// Both documents ship `info.version: ''`; OpenAPI requires a version, so kin-openapi refuses the documents.
	{version: "v3", name: "empty info.version", apply: setInfoVersion, stillNeeded: infoVersionRefused},
	{version: "v2", name: "empty info.version", apply: setInfoVersion, stillNeeded: infoVersionRefused},

	// Create Customers says "Omit channel_ids field, or provide channel_ids: null", yet neither customer_Post's channel_ids nor the customerChannelIds it answers with is nullable. Update Customers says no such thing: customer_Put stays as published.
	{version: "v3", name: "channel_ids null", apply: nullableChannelIDs, stillNeeded: channelIDsRefuseNull},

	// getCustomers' date filters give "2024-05-14T09:34:00 or 2024-05-14" as examples, yet four carry format: date-time, which refuses both.
	{version: "v3", name: "date filters refuse their own examples", apply: plainDateFilters, stillNeeded: dateFiltersRefuseExamples},

	// customerGroup_Full.discount_rules is a oneOf of four arrays that require nothing, so any array matches all four and oneOf never holds.
	{version: "v2", name: "group discount_rules oneOf never holds", apply: mergeGroupDiscountRules, stillNeeded: groupRulesRefuseRules},

	// customerGroup_Post_Put's price-list rule requires `price_list`, which it does not define (it means price_list_id).
	{version: "v2", name: "price-list rule requires price_list", apply: requirePriceListID, stillNeeded: priceListRuleRefused},

	// The same rule puts minItems/maxItems 1 ("it must be the only rule") on the object, not the array, so [] matches both alternatives.
	{version: "v2", name: "price-list rule count on the item", apply: countPriceListRules, stillNeeded: noRulesRefused},
}

func setInfoVersion(doc *openapi3.T) error {
	doc.Info.Version = "published"
	return nil
}

func infoVersionRefused(doc *openapi3.T) error {
	if doc.Info.Version != "" {
		return fmt.Errorf("info.version is %q now", doc.Info.Version)
	}
	if err := doc.Validate(context.Background()); err == nil || !strings.Contains(err.Error(), "version") {
		return fmt.Errorf("validating the document as published: got %v, want an error about its version", err)
	}
	return nil
}

// channelIDSchemas are the schemas of channel_ids that Create Customers'
// sentence concerns: customer_Post's, and customerChannelIds, which the
// customer_Full of its answer refers to.
func channelIDSchemas(doc *openapi3.T) ([]*openapi3.Schema, error) {
	post, err := property(doc, "customer_Post", "channel_ids")
	if err != nil {
		return nil, err
	}
	answer, err := component(doc, "customerChannelIds")
	if err != nil {
		return nil, err
	}
	return []*openapi3.Schema{post, answer}, nil
}

func nullableChannelIDs(doc *openapi3.T) error {
	list, err := channelIDSchemas(doc)
	for _, s := range list {
		s.Nullable = true
	}
	return err
}

func channelIDsRefuseNull(doc *openapi3.T) error {
	list, err := channelIDSchemas(doc)
	if err != nil {
		return err
	}
	for _, s := range list {
		if err := s.VisitJSON(nil); err == nil {
			return fmt.Errorf("a channel_ids schema (%s) accepts null now", s.Description)
		}
	}
	return nil
}

var formattedDateFilters = []string{"date_created", "date_created:min", "date_modified", "date_modified:max"}

func plainDateFilters(doc *openapi3.T) error {
	for _, name := range formattedDateFilters {
		p, err := queryParameter(doc, "/customers", http.MethodGet, name)
		if err != nil {
			return err
		}
		p.Schema.Value.Format = ""
	}
	return nil
}

func dateFiltersRefuseExamples(doc *openapi3.T) error {
	for _, name := range formattedDateFilters {
		p, err := queryParameter(doc, "/customers", http.MethodGet, name)
		if err != nil {
			return err
		}
		if !strings.Contains(p.Description, "2024-05-14`") {
			return fmt.Errorf("%s no longer gives 2024-05-14 as an example", name)
		}
		if err := p.Schema.Value.VisitJSON("2024-05-14"); err == nil {
			return fmt.Errorf("%s accepts 2024-05-14 now", name)
		}
	}
	return nil
}

func mergeGroupDiscountRules(doc *openapi3.T) error {
	group, err := component(doc, "customerGroup_Full")
	if err != nil {
		return err
	}
	rules := group.Properties["discount_rules"]
	if rules == nil || len(rules.Value.OneOf) == 0 {
		return errors.New("customerGroup_Full.discount_rules is no longer a oneOf")
	}
	item := openapi3.NewObjectSchema()
	for _, alt := range rules.Value.OneOf {
		for name, prop := range alt.Value.Items.Value.Properties {
			item.Properties[name] = prop
		}
	}
	merged := openapi3.NewArraySchema()
	merged.Description = rules.Value.OneOf[0].Value.Description
	merged.Items = item.NewRef()
	group.Properties["discount_rules"] = merged.NewRef()
	return nil
}

func groupRulesRefuseRules(doc *openapi3.T) error {
	rules, err := property(doc, "customerGroup_Full", "discount_rules")
	if err != nil {
		return err
	}
	if err := rules.VisitJSON([]any{map[string]any{"type": "all", "method": "percent", "amount": "5.0000"}}); err == nil {
		return errors.New("customerGroup_Full.discount_rules accepts a store-wide rule now")
	}
	return nil
}

// priceListRule is the first alternative of customerGroup_Post_Put's
// discount_rules: the array holding a single price-list rule.
func priceListRule(doc *openapi3.T) (*openapi3.Schema, error) {
	rules, err := property(doc, "customerGroup_Post_Put", "discount_rules")
	if err != nil {
		return nil, err
	}
	if len(rules.OneOf) != 2 || rules.OneOf[0].Value.Items == nil {
		return nil, errors.New("customerGroup_Post_Put.discount_rules is no longer a oneOf of two arrays")
	}
	return rules.OneOf[0].Value, nil
}

func requirePriceListID(doc *openapi3.T) error {
	list, err := priceListRule(doc)
	if err != nil {
		return err
	}
	item := list.Items.Value
	for i, name := range item.Required {
		if name == "price_list" {
			item.Required[i] = "price_list_id"
			return nil
		}
	}
	return errors.New("the price-list rule no longer requires price_list")
}

func priceListRuleRefused(doc *openapi3.T) error {
	list, err := priceListRule(doc)
	if err != nil {
		return err
	}
	if err := list.VisitJSON([]any{map[string]any{"type": "price_list", "price_list_id": float64(3)}}); err == nil {
		return errors.New("the price-list rule accepts {type: price_list, price_list_id: 3} now")
	}
	return nil
}

func countPriceListRules(doc *openapi3.T) error {
	list, err := priceListRule(doc)
	if err != nil {
		return err
	}
	item := list.Items.Value
	if item.MinItems != 1 || item.MaxItems == nil || *item.MaxItems != 1 {
		return errors.New("the price-list rule object no longer carries minItems and maxItems 1")
	}
	list.MinItems, list.MaxItems = item.MinItems, item.MaxItems
	item.MinItems, item.MaxItems = 0, nil
	return nil
}

func noRulesRefused(doc *openapi3.T) error {
	rules, err := property(doc, "customerGroup_Post_Put", "discount_rules")
	if err != nil {
		return err
	}
	if err := rules.VisitJSON([]any{}); err == nil {
		return errors.New("customerGroup_Post_Put.discount_rules accepts [] now")
	}
	return nil
}

func component(doc *openapi3.T, name string) (*openapi3.Schema, error) {
	ref := doc.Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		return nil, fmt.Errorf("no schema %s", name)
	}
	return ref.Value, nil
}

func property(doc *openapi3.T, schema, name string) (*openapi3.Schema, error) {
	s, err := component(doc, schema)
	if err != nil {
		return nil, err
	}
	ref := s.Properties[name]
	if ref == nil || ref.Value == nil {
		return nil, fmt.Errorf("schema %s has no property %s", schema, name)
	}
	return ref.Value, nil
}

func queryParameter(doc *openapi3.T, path, method, name string) (*openapi3.Parameter, error) {
	item := doc.Paths.Value(path)
	if item == nil || item.GetOperation(method) == nil {
		return nil, fmt.Errorf("no operation %s %s", method, path)
	}
	for _, p := range item.GetOperation(method).Parameters {
		if p.Value != nil && p.Value.In == openapi3.ParameterInQuery && p.Value.Name == name {
			return p.Value, nil
		}
	}
	return nil, fmt.Errorf("%s %s has no query parameter %s", method, path, name)
}
