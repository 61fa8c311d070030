package fwresource

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

func TestBasesNameTheirType(t *testing.T) {
	ctx := context.Background()

	r := NewResourceBase("customer_group")
	var rs resource.MetadataResponse
	r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "bigcommerce"}, &rs)
	if rs.TypeName != "bigcommerce_customer_group" {
		t.Errorf("resource type name %q", rs.TypeName)
	}

	d := NewDataSourceBase("customer_groups")
	var ds datasource.MetadataResponse
	d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "bigcommerce"}, &ds)
	if ds.TypeName != "bigcommerce_customer_groups" {
		t.Errorf("data source type name %q", ds.TypeName)
	}

	a := NewActionBase("customer_force_password_reset")
	var as action.MetadataResponse
	a.Metadata(ctx, action.MetadataRequest{ProviderTypeName: "bigcommerce"}, &as)
	if as.TypeName != "bigcommerce_customer_force_password_reset" {
		t.Errorf("action type name %q", as.TypeName)
	}
}

func TestBasesKeepTheClient(t *testing.T) {
	r := NewResourceBase("customer")
	if r.Client() != nil || r.Customers() != nil {
		t.Error("a base before Configure has a client")
	}
	var resp resource.ConfigureResponse
	r.Configure(context.Background(), resource.ConfigureRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
}
