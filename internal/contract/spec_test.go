package contract

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// envSpecDir names the directory holding BigCommerce's OpenAPI documents.
const envSpecDir = "BIGCOMMERCE_OPENAPI_DIR"

// The documents the contract is checked against, by version key: the API
// version, then the document's part of it when one version has several
// documents. apiVersion gives a key's API version.
var specFiles = map[string]string{
	"v3":             "customers.v3.yml",
	"v2":             "customers.v2.yml",
	"v3/segments":    "segments.v3.yml",
	"v3/subscribers": "subscribers.v3.yml",
}

// apiVersion is the API version of a document's key: "v3" for
// "v3/segments".
func apiVersion(key string) string {
	v, _, _ := strings.Cut(key, "/")
	return v
}

// specNames lists the documents' file names, for messages.
func specNames() string {
	names := make([]string, 0, len(specFiles))
	for _, name := range specFiles {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// specDir finds the documents: BIGCOMMERCE_OPENAPI_DIR when it is set (and
// then they must be there), else ../shared/bigcommerce-api beside the
// repository (and the test is skipped when they are not).
func specDir(t testing.TB) string {
	t.Helper()
	if dir, ok := os.LookupEnv(envSpecDir); ok {
		for _, name := range specFiles {
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Fatalf("%s=%q, but %s is not there: %v; point it at the directory holding %s",
					envSpecDir, dir, name, err, specNames())
			}
		}
		return dir
	}
	dir := filepath.Join(repoRoot(t), "..", "shared", "bigcommerce-api")
	for _, name := range specFiles {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Skipf("BigCommerce's OpenAPI documents are not at %s (%s missing) and %s is not set: set it to the directory holding %s to run the contract tests",
				dir, name, envSpecDir, specNames())
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
	// subscribers.v3.yml ships `version: ''` and a licence of `name: ''`; kin-openapi refuses both.
	{version: "v3/subscribers", name: "empty info.version and license name", apply: fillInfo, stillNeeded: infoRefused},

	// Get Subscribers: "Returns a list of *Subscribers*. Optional filter parameters can be passed in." Yet its filter `id` (IdParam) is `required: true`, so no list without it would be valid.
	{version: "v3/subscribers", name: "getSubscribers requires the id filter", apply: optionalSubscriberID, stillNeeded: subscriberIDRequired},

	// getSubscribers' id:in says "`id:in=4,5,6`", yet its form parameter does not set explode: false, so 4,5,6 is read as one integer.
	{version: "v3/subscribers", name: "id:in refuses its own example", apply: commaSubscriberIDs, stillNeeded: subscriberIDsRefuseCommas},

	// getSubscribers' date :min and :max filters give "`2024-05-14T09:34:00` or `2024-05-14`" as examples, yet carry format: date-time, which refuses both.
	{version: "v3/subscribers", name: "date filters refuse their own examples", apply: plainSubscriberDateFilters, stillNeeded: subscriberDateFiltersRefuseExamples},

	// Update a Subscriber's 422 nests `additionalProperties: {type: string}` under the errors object's `properties`, defining a member named "additionalProperties" instead of allowing any member; Create a Subscriber's 422 says `additionalProperties: true`.
	{version: "v3/subscribers", name: "update 422 errors define a member named additionalProperties", apply: openUpdateErrors, stillNeeded: updateErrorsClosed},

	// Create Customers says "Omit channel_ids field, or provide channel_ids: null", yet neither customer_Post's channel_ids nor the customerChannelIds it answers with is nullable. Update Customers says no such thing: customer_Put stays as published.
	{version: "v3", name: "channel_ids null", apply: nullableChannelIDs, stillNeeded: channelIDsRefuseNull},

	// getCustomers' include says "`shopper_profile_id` - the ID of the shopper profile associated with the customer (Beta)" and "`segment_ids`- segments the customer belongs to (Beta)", and its examples show both, yet customer_Full, which it answers, defines neither.
	{version: "v3", name: "included shopper profile and segments undefined", apply: customerSegmentMembers, stillNeeded: customerSegmentMembersUndefined},

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

func fillInfo(doc *openapi3.T) error {
	doc.Info.Version = "published"
	doc.Info.License = nil // a licence without a name names nothing
	return nil
}

func infoRefused(doc *openapi3.T) error {
	if doc.Info.Version != "" || doc.Info.License == nil || doc.Info.License.Name != "" {
		return errors.New("info.version or info.license.name is no longer empty")
	}
	if err := doc.Validate(context.Background()); err == nil || !strings.Contains(err.Error(), "license") {
		return fmt.Errorf("validating the document as published: got %v, want an error about its licence", err)
	}
	return nil
}

const subscribersAPIPath = "/customers/subscribers"

func optionalSubscriberID(doc *openapi3.T) error {
	p, err := queryParameter(doc, subscribersAPIPath, "id")
	if err == nil {
		p.Required = false
	}
	return err
}

func subscriberIDRequired(doc *openapi3.T) error {
	p, err := queryParameter(doc, subscribersAPIPath, "id")
	if err != nil {
		return err
	}
	op := doc.Paths.Value(subscribersAPIPath).Get
	if !p.Required || !strings.Contains(op.Description, "Optional filter parameters can be passed in.") {
		return errors.New("getSubscribers no longer both calls its filters optional and requires id")
	}
	return nil
}

func commaSubscriberIDs(doc *openapi3.T) error {
	p, err := queryParameter(doc, subscribersAPIPath, "id:in")
	if err == nil {
		p.Explode = ptr(false)
	}
	return err
}

func subscriberIDsRefuseCommas(doc *openapi3.T) error {
	p, err := queryParameter(doc, subscribersAPIPath, "id:in")
	if err != nil {
		return err
	}
	if !strings.Contains(p.Description, "`id:in=4,5,6`") {
		return errors.New("id:in no longer gives `id:in=4,5,6` as its example")
	}
	if p.Explode != nil && !*p.Explode {
		return errors.New("id:in sets explode: false now")
	}
	return nil
}

var subscriberDateFilters = []string{"date_created:min", "date_created:max", "date_modified:min", "date_modified:max"}

func plainSubscriberDateFilters(doc *openapi3.T) error {
	for _, name := range subscriberDateFilters {
		p, err := queryParameter(doc, subscribersAPIPath, name)
		if err != nil {
			return err
		}
		p.Schema.Value.Format = ""
	}
	return nil
}

func subscriberDateFiltersRefuseExamples(doc *openapi3.T) error {
	for _, name := range subscriberDateFilters {
		p, err := queryParameter(doc, subscribersAPIPath, name)
		if err != nil {
			return err
		}
		if !strings.Contains(p.Description, "`2024-05-14`") {
			return fmt.Errorf("%s no longer gives 2024-05-14 as an example", name)
		}
		if err := p.Schema.Value.VisitJSON("2024-05-14"); err == nil {
			return fmt.Errorf("%s accepts 2024-05-14 now", name)
		}
	}
	return nil
}

// updateErrors is the errors member of Update a Subscriber's 422.
func updateErrors(doc *openapi3.T) (*openapi3.Schema, error) {
	op := doc.Paths.Value(subscribersAPIPath + "/{subscriber_id}").Put
	resp := op.Responses.Value("422")
	if resp == nil || resp.Value == nil || resp.Value.Content.Get("application/json") == nil {
		return nil, errors.New("updateSubscriber documents no JSON 422")
	}
	ref := resp.Value.Content.Get("application/json").Schema.Value.Properties["errors"]
	if ref == nil || ref.Value == nil {
		return nil, errors.New("updateSubscriber's 422 has no errors member")
	}
	return ref.Value, nil
}

func openUpdateErrors(doc *openapi3.T) error {
	s, err := updateErrors(doc)
	if err == nil {
		delete(s.Properties, "additionalProperties")
		s.AdditionalProperties = openapi3.AdditionalProperties{Has: ptr(true)}
	}
	return err
}

func updateErrorsClosed(doc *openapi3.T) error {
	s, err := updateErrors(doc)
	if err != nil {
		return err
	}
	if s.Properties["additionalProperties"] == nil {
		return errors.New("the errors object no longer defines a member named additionalProperties")
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

func customerSegmentMembers(doc *openapi3.T) error {
	full, err := component(doc, "customer_Full")
	if err != nil {
		return err
	}
	full.Properties["shopper_profile_id"] = openapi3.NewStringSchema().WithNullable().NewRef()
	full.Properties["segment_ids"] = openapi3.NewArraySchema().WithItems(openapi3.NewStringSchema()).NewRef()
	return nil
}

func customerSegmentMembersUndefined(doc *openapi3.T) error {
	for _, name := range []string{"shopper_profile_id", "segment_ids"} {
		if _, err := property(doc, "customer_Full", name); err == nil {
			return fmt.Errorf("customer_Full defines %s now", name)
		}
	}
	return nil
}

var formattedDateFilters = []string{"date_created", "date_created:min", "date_modified", "date_modified:max"}

func plainDateFilters(doc *openapi3.T) error {
	for _, name := range formattedDateFilters {
		p, err := queryParameter(doc, "/customers", name)
		if err != nil {
			return err
		}
		p.Schema.Value.Format = ""
	}
	return nil
}

func dateFiltersRefuseExamples(doc *openapi3.T) error {
	for _, name := range formattedDateFilters {
		p, err := queryParameter(doc, "/customers", name)
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

// queryParameter finds a parameter of the GET operation at path.
func queryParameter(doc *openapi3.T, path, name string) (*openapi3.Parameter, error) {
	const method = http.MethodGet
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
