// Package contract checks the API client and the sandbox store against
// BigCommerce's published OpenAPI documents (customers.v3.yml and
// customers.v2.yml). Its tests put a validating transport between the client
// and the sandbox, so every request the client sends and every answer the
// store gives is checked against the operation it belongs to.
//
// The documents are not part of the repository. The tests read them from
// BIGCOMMERCE_OPENAPI_DIR, or from ../shared/bigcommerce-api beside the
// repository; without either they are skipped.
package contract
