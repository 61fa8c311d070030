// Package fwlist holds what every list resource of the provider does the
// same way. A list resource, which `terraform query` (Terraform 1.14 and
// later) uses to find objects to import and `-generate-config-out` to
// write their configuration, is declared as data: its type name, the
// schema of its configuration, how it finds the API's items, and what a
// result shows of one item. Resource does the rest: it decodes the
// configuration, streams one result per item up to the query's limit, sets
// every result's identity, adds the resource when the query asks for it,
// and reports a failed API call.
package fwlist

import (
	"context"
	"fmt"
	"iter"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// Resource is a list resource whose configuration decodes into Config and
// whose API items are of type Item.
type Resource[Config, Item any] struct {
	fwresource.WithClient // list resources are configured as resources are

	// TypeName is the resource type's name after the provider's, such as
	// "customer_group" for bigcommerce_customer_group.
	TypeName string
	// Schema is the schema of the list block's config.
	Schema listschema.Schema
	// Find returns the items that config selects, in the order they are
	// listed, or diagnostics when config cannot be turned into a query. The
	// items are read no further than the results the query takes, so a
	// sequence that reads page by page stops at the query's limit.
	Find func(ctx context.Context, config Config, client *bigcommerce.Client) (Items[Item], diag.Diagnostics)
	// ErrorSummary is the summary of the error that ends the results when
	// Find's items end with an error, such as "Unable to list customers".
	ErrorSummary string
	// ErrorDetail, when set, words that error's detail; the error's text
	// otherwise.
	ErrorDetail func(config Config, err error) string
	// Result is what the result of one item shows. timeouts is the resource
	// model's null timeouts, as an import reads them.
	Result func(ctx context.Context, item *Item, timeouts timeouts.Value) (Result, diag.Diagnostics)
}

// Items are what Find returns: the items in the order they are listed, the
// last one an error when listing them failed.
type Items[Item any] = iter.Seq2[Item, error]

// Result is what a list result shows of one item.
type Result struct {
	// DisplayName names the item for people.
	DisplayName string
	// Identity is the resource's identity model, set on every result.
	Identity any
	// Resource is the resource's model as an import reads it; it is sent
	// only when the query includes resources.
	Resource any
}

var _ list.ListResourceWithConfigure = (*Resource[struct{}, struct{}])(nil)

// Metadata implements list.ListResource.
func (r *Resource[Config, Item]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.TypeName
}

// ListResourceConfigSchema implements list.ListResource.
func (r *Resource[Config, Item]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = r.Schema
}

// List implements list.ListResource.
func (r *Resource[Config, Item]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config Config
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	nullTimeouts, d := NullTimeouts(ctx, req)
	diags.Append(d...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	items, d := r.Find(ctx, config, r.Client())
	diags.Append(d...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}

	stream.Results = func(push func(list.ListResult) bool) {
		var pushed int64
		for item, err := range items {
			if err != nil {
				failed := list.ListResult{Diagnostics: slices.Clone(diags)}
				failed.Diagnostics.Append(r.apiError(config, err))
				push(failed)
				return
			}
			if !push(r.result(ctx, req, &item, nullTimeouts)) {
				return
			}
			if pushed++; req.Limit > 0 && pushed >= req.Limit {
				return
			}
		}
	}
}

// result is the list result of one item.
func (r *Resource[Config, Item]) result(ctx context.Context, req list.ListRequest, item *Item, nullTimeouts timeouts.Value) list.ListResult {
	result := req.NewListResult(ctx)
	shown, diags := r.Result(ctx, item, nullTimeouts)
	result.Diagnostics.Append(diags...)
	result.DisplayName = shown.DisplayName
	result.Diagnostics.Append(result.Identity.Set(ctx, shown.Identity)...)
	if req.IncludeResource {
		result.Diagnostics.Append(result.Resource.Set(ctx, shown.Resource)...)
	}
	return result
}

// apiError is the error that ends the results when the items end with err.
func (r *Resource[Config, Item]) apiError(config Config, err error) diag.Diagnostic {
	detail := err.Error()
	if r.ErrorDetail != nil {
		detail = r.ErrorDetail(config, err)
	}
	return diag.NewErrorDiagnostic(r.ErrorSummary, detail)
}

// NullTimeouts is the null timeouts of the resource the request lists: a
// null object of the type the resource schema gives its timeouts (an
// object type of its own, with the operations the resource has).
func NullTimeouts(ctx context.Context, req list.ListRequest) (timeouts.Value, diag.Diagnostics) {
	t, diags := req.ResourceSchema.TypeAtPath(ctx, path.Root("timeouts"))
	if diags.HasError() {
		return timeouts.Value{}, diags
	}
	object, ok := t.(attr.TypeWithAttributeTypes)
	if !ok {
		diags.AddError("Invalid timeouts type", fmt.Sprintf("The resource schema's timeouts are of type %s, not an object type. This is a bug in the provider.", t))
		return timeouts.Value{}, diags
	}
	return timeouts.Value{Object: types.ObjectNull(object.AttributeTypes())}, diags
}

// Slice is the items of a client's List method that answers them all at
// once (items and err as it returns them): err alone when it is not nil.
func Slice[Item any](items []Item, err error) Items[Item] {
	return func(yield func(Item, error) bool) {
		if err != nil {
			var zero Item
			yield(zero, err)
			return
		}
		for _, item := range items {
			if !yield(item, nil) {
				return
			}
		}
	}
}

// Where keeps the items that match accepts, for a filter the provider
// applies after the API's own; errors pass through.
func Where[Item any](items Items[Item], match func(*Item) bool) Items[Item] {
	return func(yield func(Item, error) bool) {
		for item, err := range items {
			if err == nil && !match(&item) {
				continue
			}
			if !yield(item, err) {
				return
			}
		}
	}
}

// OptionalString is a string filter the list block's config may leave out.
func OptionalString(description string, validators ...validator.String) listschema.StringAttribute {
	return listschema.StringAttribute{MarkdownDescription: description, Optional: true, Validators: validators}
}

// OptionalIDs is a filter by ids (at least one, each a positive number)
// the list block's config may leave out.
func OptionalIDs(description string) listschema.ListAttribute {
	return listschema.ListAttribute{
		MarkdownDescription: description,
		ElementType:         types.Int64Type,
		Optional:            true,
		Validators: []validator.List{
			listvalidator.SizeAtLeast(1),
			listvalidator.ValueInt64sAre(int64validator.AtLeast(1)),
		},
	}
}
