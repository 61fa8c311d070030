package sandbox

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// errorType is the "type" link of V3 error bodies, as the customers spec's
// examples spell it (relative, not the full developer.bigcommerce.com URL).
const errorType = "/api-docs/getting-started/api-status-codes"

// v3Error is the V3 error body (the spec's ErrorResponse).
type v3Error struct {
	Status int    `json:"status"`
	Title  string `json:"title"`
	Type   string `json:"type"`
	Detail string `json:"detail,omitempty"`
	// Errors is nil to omit it (404 has none in the spec) or a map, which
	// may be empty: the spec's 429 example has "errors": {}.
	Errors any `json:"errors,omitempty"`
}

// v2Error is one element of a V2 error body, which is a JSON array.
type v2Error struct {
	Status  int               `json:"status"`
	Message string            `json:"message"`
	Details map[string]string `json:"details,omitempty"`
}

// problem is one rejected field of a request body. key is index-keyed for
// V3 batches ("0.email", "1.addresses.0.city") and a bare name for V2.
type problem struct {
	key     string
	missing bool   // a required field was absent (V2 words these differently)
	msg     string // V3 wording, after the key unless sentence
	v2      string // V2 wording when it is not the generic "is invalid"

	sentence bool // msg is a whole sentence, not a predicate of the key
}

// problems collects the validation failures of one request, in order.
type problems []problem

func (p *problems) missing(key string) {
	*p = append(*p, problem{key: key, missing: true, msg: "is required"})
}

// readOnly records an attempt to write a read-only field.
func (p *problems) readOnly(key string) {
	*p = append(*p, problem{key: key, msg: "is read-only",
		v2: fmt.Sprintf("The field '%s' cannot be written to. Please remove it from your request before trying again.", key)})
}

// fact records a problem worded as a whole sentence, such as "Customer 7
// does not exist."
func (p *problems) fact(key, format string, args ...any) {
	*p = append(*p, problem{key: key, msg: fmt.Sprintf(format, args...), sentence: true})
}

func (p *problems) invalid(key, format string, args ...any) {
	*p = append(*p, problem{key: key, msg: fmt.Sprintf(format, args...)})
}

func (p problems) v3Map() map[string]string {
	m := make(map[string]string, len(p))
	for _, pr := range p {
		if _, dup := m[pr.key]; dup {
			continue
		}
		if pr.sentence {
			m[pr.key] = pr.msg
		} else {
			m[pr.key] = fieldName(pr.key) + " " + pr.msg
		}
	}
	return m
}

// v2List words the problems the way V2 does: "The required field 'x' was not
// supplied." and "The field 'x' is invalid." plus the reason.
func (p problems) v2List(status int) []v2Error {
	out := make([]v2Error, 0, len(p))
	for _, pr := range p {
		name := pr.key
		if pr.v2 != "" {
			out = append(out, v2Error{Status: status, Message: pr.v2})
			continue
		}
		if pr.missing {
			out = append(out, v2Error{Status: status, Message: fmt.Sprintf("The required field '%s' was not supplied.", name)})
			continue
		}
		out = append(out, v2Error{
			Status:  status,
			Message: fmt.Sprintf("The field '%s' is invalid.", name),
			Details: map[string]string{"invalid_reason": problems{pr}.v3Map()[pr.key]},
		})
	}
	return out
}

// fieldName is the last non-index part of a key: "0.addresses.1.city" is
// "city".
func fieldName(key string) string {
	parts := strings.Split(key, ".")
	for i := len(parts) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(parts[i]); err != nil && parts[i] != "" {
			return parts[i]
		}
	}
	return "item" // a whole batch item, such as "3"
}

// Titles used by several handlers.
const (
	titleInvalidJSON  = "JSON data is missing or invalid"
	titleInvalidQuery = "The filter parameters are not valid"
	titleNotFound     = "The resource at that URL is not found."
	titleRateLimited  = "Too many requests"
)

// failV3 answers a V3 error. errs may be nil (no "errors" member).
func failV3(status int, title string, errs map[string]string) reply {
	e := v3Error{Status: status, Title: title, Type: errorType}
	if errs != nil {
		e.Errors = errs
	}
	return reply{status: status, body: e}
}

// failV2 answers a V2 error: an array of {status, message}.
func failV2(status int, messages ...string) reply {
	list := make([]v2Error, 0, len(messages))
	for _, m := range messages {
		list = append(list, v2Error{Status: status, Message: m})
	}
	return reply{status: status, body: list}
}

// invalid answers field problems: 422 with an index-keyed map on V3, 400 with
// V2's array on V2 (V2 uses 400 for invalid input).
func (c *call) invalid(title string, p problems) reply {
	if c.version == "v2" {
		return reply{status: http.StatusBadRequest, body: p.v2List(http.StatusBadRequest)}
	}
	return failV3(http.StatusUnprocessableEntity, title, p.v3Map())
}

// badQuery answers an unusable query parameter.
func (c *call) badQuery(param, format string, args ...any) reply {
	msg := fmt.Sprintf(format, args...)
	if c.version == "v2" {
		return failV2(http.StatusBadRequest, fmt.Sprintf("The filter '%s' is invalid: %s", param, msg))
	}
	return failV3(http.StatusUnprocessableEntity, titleInvalidQuery, map[string]string{param: param + " " + msg})
}

func (c *call) notFound() reply {
	if c.version == "v2" {
		return failV2(http.StatusNotFound, "The requested resource was not found.")
	}
	return failV3(http.StatusNotFound, titleNotFound, nil)
}

// errorFor answers status in the shape of the API version named by the path
// (V3 when it cannot be told).
func errorFor(version string, status int, msg string) reply {
	if version == "v2" {
		return failV2(status, msg)
	}
	e := failV3(status, msg, nil)
	if status == http.StatusTooManyRequests {
		e.body = v3Error{Status: status, Title: msg, Type: errorType, Errors: map[string]string{}}
	}
	return e
}
