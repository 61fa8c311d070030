// Package fwresource holds what every resource, data source and action of
// the provider does the same way: the base that keeps the configured client
// and names the type (ResourceBase, DataSourceBase, ActionBase), operation
// timeouts and the start of a Read or a Delete (ReadPrior, DeletePrior),
// identity and import by numeric id, turning API errors into diagnostics on
// the attributes they concern, and the data sources that look one object up
// by id or by key (LookupDataSource) or list objects with their ids (ListOf).
package fwresource

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// WithTimeout bounds ctx by the configured timeout of an operation (get is
// a method of timeouts.Value such as plan.Timeouts.Create), or def.
func WithTimeout(ctx context.Context, get func(context.Context, time.Duration) (time.Duration, diag.Diagnostics), def time.Duration) (context.Context, context.CancelFunc, diag.Diagnostics) {
	d, diags := get(ctx, def)
	if diags.HasError() {
		return ctx, func() {}, diags
	}
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, cancel, diags
}

// ParseID reads a resource's numeric id from state; what names the kind of
// object, such as "customer group".
func ParseID(s, what string) (int, diag.Diagnostics) {
	return ParseIDWith(s, what, "A "+what+" id is a positive number, got %q.")
}

// ParseIDWith is ParseID with its own explanation of a malformed id, with
// %q for what was given.
func ParseIDWith(s, what, invalid string) (int, diag.Diagnostics) {
	var diags diag.Diagnostics
	id, err := strconv.Atoi(s)
	if err != nil || id <= 0 {
		diags.AddAttributeError(path.Root("id"), "Invalid "+what+" id", fmt.Sprintf(invalid, s))
	}
	return id, diags
}

// Known reports whether a value is neither null nor unknown.
func Known(v interface {
	IsNull() bool
	IsUnknown() bool
},
) bool {
	return !v.IsNull() && !v.IsUnknown()
}

// AddAPIError reports a failed operation (op, such as "update") on an object
// (what, such as "customer attribute"; subject, its id or name). The store's
// field messages land on the attributes attributeFor names ("" for none);
// an unclear outcome says so, so the user knows to look before retrying.
func AddAPIError(diags *diag.Diagnostics, op, what, subject string, err error, attributeFor func(field string) string) {
	if fields := bigcommerce.FieldsOf(err); errors.Is(err, bigcommerce.ErrValidation) && len(fields) > 0 {
		for _, field := range slices.Sorted(maps.Keys(fields)) {
			msg := fields[field]
			attr := attributeFor(field)
			if attr == "" {
				diags.AddError(fmt.Sprintf("BigCommerce refused to %s %s %s", op, what, subject), fmt.Sprintf("%s: %s", field, msg))
				continue
			}
			diags.AddAttributeError(path.Root(attr), "BigCommerce refused "+attr,
				fmt.Sprintf("While trying to %s %s %s, the store answered: %s", op, what, subject, msg))
		}
		return
	}
	summary := fmt.Sprintf("Unable to %s %s %s", op, what, subject)
	var unknown *bigcommerce.OutcomeUnknownError
	if errors.As(err, &unknown) {
		diags.AddError(summary, fmt.Sprintf("The store did not answer clearly (%s); the change may or may not have been applied. Run terraform plan to see the store's state.", err))
		return
	}
	diags.AddError(summary, err.Error())
}

// ImportNumericID imports a resource by its numeric id, or by identity.
// invalid explains a malformed id, with %q for what was given.
func ImportNumericID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, invalid string) {
	if ImportByIdentity(ctx, req, resp) {
		return
	}
	id := strings.TrimSpace(req.ID)
	if n, err := strconv.Atoi(id); err != nil || n <= 0 {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf(invalid, req.ID))
		return
	}
	SetImportedID(ctx, resp, id)
}

// ParseIDPair reads an import id made of two positive numeric ids, such as
// customer_id/metafield_id, naming what is wrong. expected describes the
// form with an example, such as "customer_id/metafield_id, such as 12/34
// for metafield 34 of customer 12"; first and second name the two ids in
// the explanation, such as "customer" and "metafield".
func ParseIDPair(s, expected, first, second string) (int, int, diag.Diagnostics) {
	var diags diag.Diagnostics
	fail := func(why string) (int, int, diag.Diagnostics) {
		diags.AddError("Invalid import ID", fmt.Sprintf("Expected %s; got %q: %s.", expected, s, why))
		return 0, 0, diags
	}
	a, b, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return fail("there is no slash")
	}
	firstID, err := strconv.Atoi(a)
	if err != nil || firstID <= 0 {
		return fail(fmt.Sprintf("the %s id %q is not a positive number", first, a))
	}
	secondID, err := strconv.Atoi(b)
	if err != nil || secondID <= 0 {
		return fail(fmt.Sprintf("the %s id %q is not a positive number", second, b))
	}
	return firstID, secondID, diags
}
