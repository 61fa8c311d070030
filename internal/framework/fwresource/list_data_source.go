package fwresource

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ListDataSource is a data source that lists the API's items of type Item
// that its configuration selects, and shows each as an Object: the objects
// in the list attribute ListAttribute, and their ids in "ids", in the order
// the store returned them. It is declared as data; it decodes the
// configuration (Config holds every attribute of the schema), lists, and
// sets the state.
type ListDataSource[Config, Item, Object any] struct {
	DataSourceBase

	// Definition returns the data source's schema.
	Definition func(context.Context) schema.Schema
	// ListAttribute is the attribute that lists the objects, such as
	// "attributes".
	ListAttribute string
	// ObjectType is the type of one listed object, such as the ObjectType
	// of its attributes.
	ObjectType types.ObjectType
	// List returns the items config selects, with the store's access api,
	// or diagnostics that say why it could not.
	List func(ctx context.Context, api API, config Config) ([]Item, diag.Diagnostics)
	// Object shows one item.
	Object func(ctx context.Context, item *Item) (Object, diag.Diagnostics)
}

var _ datasource.DataSourceWithConfigure = (*ListDataSource[struct{}, struct{}, struct{}])(nil)

// Schema implements datasource.DataSource.
func (d *ListDataSource[Config, Item, Object]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.Definition(ctx)
}

// Read implements datasource.DataSource.
func (d *ListDataSource[Config, Item, Object]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config Config
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	items, diags := d.List(ctx, d, config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	objects := make([]Object, 0, len(items))
	for i := range items {
		o, diags := d.Object(ctx, &items[i])
		resp.Diagnostics.Append(diags...)
		objects = append(objects, o)
	}
	list, ids, diags := ListOf(ctx, d.ObjectType, objects)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, config)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(d.ListAttribute), list)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("ids"), ids)...)
}

// ErrorDiagnostics reports err, when there is one, as an error of summary
// with the error's text as detail.
func ErrorDiagnostics(summary string, err error) diag.Diagnostics {
	if err == nil {
		return nil
	}
	return diag.Diagnostics{diag.NewErrorDiagnostic(summary, err.Error())}
}
