package customersubscriber

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwlist"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwtypes"
)

// NewListResource returns the list resource for
// bigcommerce_customer_subscriber, which `terraform query` (Terraform 1.14
// and later) uses to find subscribers to import, and
// `-generate-config-out` to write their configuration.
func NewListResource() list.ListResource {
	return &fwlist.Resource[filterModel, bigcommerce.Subscriber]{
		TypeName: "customer_subscriber",
		Schema: listschema.Schema{
			MarkdownDescription: "Finds the store's newsletter subscribers that match every filter given (all of them without filters), for `terraform query`. Each result carries the subscriber's identity and a display name \"First Last <email>\" (the e-mail alone for a subscriber without a name).",
			Attributes:          filterListAttributes(),
		},
		Find:         findSubscribers,
		ErrorSummary: "Unable to list customer subscribers",
		Result:       listResult,
	}
}

func findSubscribers(ctx context.Context, config filterModel, client *bigcommerce.Client) (fwlist.Items[bigcommerce.Subscriber], diag.Diagnostics) {
	filter, diags := config.apiFilter(ctx)
	if diags.HasError() {
		return nil, diags
	}
	return fwlist.Slice(client.ListSubscribers(ctx, filter)), diags
}

func listResult(_ context.Context, s *bigcommerce.Subscriber, nullTimeouts timeouts.Value) (fwlist.Result, diag.Diagnostics) {
	m := resourceModel{
		subscriberModel: subscriberModel{FirstName: types.StringNull(), LastName: types.StringNull()},
		Email:           fwtypes.CaseInsensitiveStringNull(),
		Timeouts:        nullTimeouts,
	}
	flattenState(s, &m)
	return fwlist.Result{DisplayName: displayName(s), Identity: identityModel{ID: m.ID}, Resource: m}, nil
}
