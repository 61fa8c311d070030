package customersegment

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwlist"
)

// NewListResource returns the list resource for
// bigcommerce_customer_segment, which `terraform query` (Terraform 1.14
// and later) uses to find segments to import.
func NewListResource() list.ListResource {
	return &fwlist.Resource[listConfigModel, bigcommerce.Segment]{
		TypeName: "customer_segment",
		Schema: listschema.Schema{
			Description: "Finds the store's customer segments for `terraform query`: every segment, or those whose name contains a text. Each result carries the segment's identity and its name as display name.",
			Attributes: map[string]listschema.Attribute{
				"name_contains": listschema.StringAttribute{
					Description: "Only segments whose name (`name`) contains this text, without regard to case. The API has no such filter: every segment is read and filtered by the provider.",
					Optional:    true,
					Validators:  []validator.String{stringvalidator.LengthBetween(1, maxSegmentText)},
				},
			},
		},
		Find:         findSegments,
		ErrorSummary: "Unable to list customer segments",
		Result:       listResult,
	}
}

type listConfigModel struct {
	NameContains types.String `tfsdk:"name_contains"`
}

// findSegments reads every segment, and keeps those whose name contains
// the text when one is given: the API has no such filter.
func findSegments(ctx context.Context, config listConfigModel, client *bigcommerce.Client) (fwlist.Items[bigcommerce.Segment], diag.Diagnostics) {
	found := fwlist.Slice(client.ListSegments(ctx, bigcommerce.SegmentFilter{}))
	want := strings.ToLower(config.NameContains.ValueString())
	if want == "" {
		return found, nil
	}
	return fwlist.Where(found, func(sg *bigcommerce.Segment) bool {
		return strings.Contains(strings.ToLower(sg.Name), want)
	}), nil
}

func listResult(_ context.Context, sg *bigcommerce.Segment, nullTimeouts timeouts.Value) (fwlist.Result, diag.Diagnostics) {
	m := resourceModel{Timeouts: nullTimeouts}
	flatten(sg, &m.segmentModel)
	return fwlist.Result{DisplayName: sg.Name, Identity: m.identity(), Resource: m}, nil
}
