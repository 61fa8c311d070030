package fwresource

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// typeName is a type's name after the provider's, such as
// "customer_group" for bigcommerce_customer_group.
type typeName string

func (n typeName) of(providerTypeName string) string {
	return providerTypeName + "_" + string(n)
}

// ResourceBase is embedded by every resource: the configured client
// (WithClient) and Metadata from the type name given to NewResourceBase.
type ResourceBase struct {
	WithClient
	typeName typeName
}

// NewResourceBase returns the base of the resource named name after the
// provider's name, such as "customer_group".
func NewResourceBase(name string) ResourceBase { return ResourceBase{typeName: typeName(name)} }

// Metadata implements resource.Resource.
func (b *ResourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = b.typeName.of(req.ProviderTypeName)
}

// DataSourceBase is ResourceBase for data sources.
type DataSourceBase struct {
	DataSourceWithClient
	typeName typeName
}

// NewDataSourceBase returns the base of the data source named name after
// the provider's name, such as "customer_groups".
func NewDataSourceBase(name string) DataSourceBase {
	return DataSourceBase{typeName: typeName(name)}
}

// Metadata implements datasource.DataSource.
func (b *DataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = b.typeName.of(req.ProviderTypeName)
}

// ActionBase is ResourceBase for actions.
type ActionBase struct {
	ActionWithClient
	typeName typeName
}

// NewActionBase returns the base of the action named name after the
// provider's name, such as "customer_force_password_reset".
func NewActionBase(name string) ActionBase { return ActionBase{typeName: typeName(name)} }

// Metadata implements action.Action.
func (b *ActionBase) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = b.typeName.of(req.ProviderTypeName)
}
