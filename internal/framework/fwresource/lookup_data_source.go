package fwresource

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/providerdata"
)

// API is the store access of a configured resource or data source.
type API interface {
	Client() *bigcommerce.Client
	Customers() providerdata.CustomerService
}

// LookupDataSource is a data source that reads one object of type Item,
// which its configuration names by the numeric id (attribute "id") or by
// another key (KeyAttribute), and shows it as a Model. It is declared as
// data; it decodes the two, requires exactly one of them, finds the object
// and sets the state.
type LookupDataSource[Model, Item any] struct {
	DataSourceBase

	// Definition returns the data source's schema.
	Definition func(context.Context) schema.Schema
	// KeyAttribute is the attribute of the other key, such as "email".
	KeyAttribute string
	// Lookup is how the data source finds the object with the store's
	// access api.
	Lookup func(api API) Lookup[Item]
	// Model shows the object found.
	Model func(context.Context, *Item) (Model, diag.Diagnostics)
}

var (
	_ datasource.DataSourceWithConfigure        = (*LookupDataSource[struct{}, struct{}])(nil)
	_ datasource.DataSourceWithConfigValidators = (*LookupDataSource[struct{}, struct{}])(nil)
)

// Schema implements datasource.DataSource.
func (d *LookupDataSource[Model, Item]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.Definition(ctx)
}

// ConfigValidators requires exactly one of the id and the other key.
func (d *LookupDataSource[Model, Item]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot(d.KeyAttribute)),
	}
}

// Read implements datasource.DataSource.
func (d *LookupDataSource[Model, Item]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id, key types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(d.KeyAttribute), &key)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, ok := d.Lookup(d).Find(ctx, id, key, &resp.Diagnostics)
	if !ok {
		return
	}
	model, diags := d.Model(ctx, found)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
