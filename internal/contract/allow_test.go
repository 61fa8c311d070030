package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// allowKey names an answer the documents get wrong or leave out: an
// operation and the status the store answers it with.
type allowKey struct {
	operation string
	status    int
}

// allowRule says how such an answer is checked instead. adapt returns what
// to validate in place of the answer as it came, nil when it checked the
// answer itself, or an error when even the exception does not hold.
type allowRule struct {
	adapt func(out *openapi3filter.ResponseValidationInput, body []byte) (*openapi3filter.ResponseValidationInput, error)
}

// The exceptions. Each follows BigCommerce's developer docs (in
// shared/bigcommerce-api/docs) or a choice the sandbox documents in
// internal/sandbox/doc.go where the OpenAPI documents say otherwise or
// nothing.
var allowList = map[allowKey]allowRule{
	// status-codes.mdx: "201 Created: For a successful POST request"; the
	// sandbox's doc.go: "POST on V2 answers 201, not the spec's 200". The
	// body is the documented 200's.
	{"createCustomerGroup", http.StatusCreated}: {adapt: asStatus(http.StatusOK)},

	// doc.go: "A V2 collection with nothing in it answers 204 with no body"
	// (status-codes.mdx: "204 No Content: ... a request that produced no
	// response"); the spec documents only 200 with an array.
	{"getCustomerGroups", http.StatusNoContent}: {adapt: noBody},

	// status-codes.mdx: "404 Does Not Exist: The requested entity does not
	// exist"; the spec documents only 200 and 400 for a group read.
	{"getCustomerGroup", http.StatusNotFound}: {adapt: v2Errors},

	// status-codes.mdx: "409 Conflict: A change requested by the client is
	// being rejected, due to a condition imposed by the server"; group names
	// are unique, and the spec documents no error for a create.
	{"createCustomerGroup", http.StatusConflict}: {adapt: v2Errors},

	// status-codes.mdx: "400 Bad Request: Issued when a malformed request was
	// sent"; V2 refuses invalid input with 400 (the spec documents 400 for
	// reads and deletes of a group, none for an update).
	{"updateCustomerGroup", http.StatusBadRequest}: {adapt: v2Errors},

	// status-codes.mdx and api-rate-limits.mdx: any request may be refused
	// with 429 once the store's quota is spent; only validate-credentials
	// documents it (with ErrorResponse).
	{"getCustomers", http.StatusTooManyRequests}:              {adapt: v3Error},
	{"createCustomersAttributes", http.StatusTooManyRequests}: {adapt: v3Error},
	{"getCustomerGroup", http.StatusTooManyRequests}:          {adapt: v2Errors},

	// Get Customer Settings per Channel: "`null` value configuration
	// indicates that there is no override provided for a given channel;
	// thus, values are inherited from Global Settings." No member of
	// CustomerChannelSettingsObject is nullable.
	{"getCustomersSettingsChannel", http.StatusOK}: {adapt: inheritedAsAbsent},
	// Update Customer Settings per Channel: "Setting `null` will delete
	// override per given channel, and values will be inherited from the
	// global level." Its answer (CustomerSettingsObject) shows the same
	// nulls; no member of it is nullable.
	{"updateCustomersSettingsChannel", http.StatusOK}: {adapt: inheritedAsAbsent},

	// status-codes.mdx: "404 Does Not Exist: The requested entity does not
	// exist"; a channel's settings and a customer's metafield list document
	// no error for a channel or customer that does not exist.
	{"getCustomersSettingsChannel", http.StatusNotFound}: {adapt: v3Error},
	{"getCustomersMetafields", http.StatusNotFound}:      {adapt: v3Error},

	// status-codes.mdx: "422 Missing or Invalid Data: The request cannot be
	// processed either because it omitted required fields or because it
	// contained invalid data"; Update Customer Settings documents only 200.
	{"updateCustomersSettings", http.StatusUnprocessableEntity}: {adapt: v3Error},

	// Create Customer Metafields documents 409 for "duplicate unique key
	// combinations of the appʼs client id, namespace, key, resource_type,
	// and resource_id"; Update a Metafield can make the same duplicate and
	// documents no answer for it (status-codes.mdx: "409 Conflict").
	{"updateCustomerMetafield", http.StatusConflict}: {adapt: v3Error},
}

// inheritedSettings are the members of a channel's settings whose null
// means "inherited".
var inheritedSettings = map[string]bool{
	"privacy_settings": true, "customer_group_settings": true,
	"ask_shopper_for_tracking_consent": true, "policy_url": true,
	"guest_customer_group_id": true, "default_customer_group_id": true,
}

// inheritedAsAbsent validates a channel's settings with the inherited
// (null) settings left out; every other member is held to the document.
func inheritedAsAbsent(out *openapi3filter.ResponseValidationInput, body []byte) (*openapi3filter.ResponseValidationInput, error) {
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, fmt.Errorf("the body is not a JSON object: %w", err)
	}
	if data, ok := v["data"].(map[string]any); ok {
		dropInherited(data)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	cp := *out
	cp.Body = io.NopCloser(bytes.NewReader(b))
	return &cp, nil
}

func dropInherited(m map[string]any) {
	for k, x := range m {
		switch sub := x.(type) {
		case nil:
			if inheritedSettings[k] {
				delete(m, k)
			}
		case map[string]any:
			if inheritedSettings[k] {
				dropInherited(sub)
			}
		}
	}
}

// asStatus validates the answer as if it had the documented status.
func asStatus(status int) func(*openapi3filter.ResponseValidationInput, []byte) (*openapi3filter.ResponseValidationInput, error) {
	return func(out *openapi3filter.ResponseValidationInput, _ []byte) (*openapi3filter.ResponseValidationInput, error) {
		cp := *out
		cp.Status = status
		return &cp, nil
	}
}

func noBody(_ *openapi3filter.ResponseValidationInput, body []byte) (*openapi3filter.ResponseValidationInput, error) {
	if len(bytes.TrimSpace(body)) > 0 {
		return nil, fmt.Errorf("expected no body, got %.200s", body)
	}
	return nil, nil
}

// v2ErrorSchema is V2's error body: an array of {status, message}, each
// message optionally explained by details. The spec's ErrorRequest (an
// object holding an errors array) describes no answer V2 gives; its 207s
// carry the same {status, message} object.
var v2ErrorSchema = func() *openapi3.Schema {
	item := openapi3.NewObjectSchema().
		WithProperty("status", openapi3.NewIntegerSchema()).
		WithProperty("message", openapi3.NewStringSchema().WithMinLength(1)).
		WithProperty("details", openapi3.NewObjectSchema().WithAdditionalProperties(openapi3.NewStringSchema()))
	item.Required = []string{"status", "message"}
	return openapi3.NewArraySchema().WithItems(item).WithMinItems(1)
}()

func v2Errors(out *openapi3filter.ResponseValidationInput, body []byte) (*openapi3filter.ResponseValidationInput, error) {
	var list []map[string]any
	if err := checkJSON(body, v2ErrorSchema, &list); err != nil {
		return nil, err
	}
	for _, e := range list {
		if e["status"] != float64(out.Status) {
			return nil, fmt.Errorf("an error of a %d answer says status %v", out.Status, e["status"])
		}
	}
	return nil, nil
}

// v3Error checks an undocumented V3 error against the spec's ErrorResponse.
func v3Error(out *openapi3filter.ResponseValidationInput, body []byte) (*openapi3filter.ResponseValidationInput, error) {
	ref := out.RequestValidationInput.Route.Spec.Components.Schemas["ErrorResponse"]
	if ref == nil {
		return nil, fmt.Errorf("the document has no ErrorResponse schema")
	}
	var e map[string]any
	if err := checkJSON(body, ref.Value, &e); err != nil {
		return nil, err
	}
	if e["status"] != float64(out.Status) || e["title"] == nil {
		return nil, fmt.Errorf("a %d answer says status %v, title %v", out.Status, e["status"], e["title"])
	}
	return nil, nil
}

func checkJSON(body []byte, schema *openapi3.Schema, into any) error {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return fmt.Errorf("the body is not JSON: %w", err)
	}
	if err := schema.VisitJSON(v, openapi3.MultiErrors()); err != nil {
		return err
	}
	return json.Unmarshal(body, into)
}
