package customersegment

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var (
	_ datasource.DataSourceWithConfigure        = (*segmentDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*segmentDataSource)(nil)
)

// NewDataSource returns the bigcommerce_customer_segment data source.
func NewDataSource() datasource.DataSource {
	return &segmentDataSource{DataSourceBase: fwresource.NewDataSourceBase("customer_segment")}
}

type segmentDataSource struct {
	fwresource.DataSourceBase
}

func (d *segmentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one customer segment (V3 `GET /segments`) by its id or by its name; give exactly one. Names match without regard to case, as the store keeps them unique.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The segment's id (`id`), a UUID.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(uuidPattern, "must be a segment id (a UUID)")},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The segment's name (`name`).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, maxSegmentText)},
			},
			"description": schema.StringAttribute{Computed: true, MarkdownDescription: "The segment's description (`description`), empty when none."},
			"created_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "When the segment was created (`created_at`)."},
			"updated_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "When the segment was last changed (`updated_at`)."},
		},
	}
}

func (d *segmentDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *segmentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config segmentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *bigcommerce.Segment
	if fwresource.Known(config.ID) {
		id := config.ID.ValueString()
		got, err := d.Client().GetSegment(ctx, id)
		if errors.Is(err, bigcommerce.ErrNotFound) {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Customer segment not found", fmt.Sprintf("The store has no segment with id %s.", id))
			return
		}
		if err != nil {
			resp.Diagnostics.AddError("Unable to read customer segment "+id, err.Error())
			return
		}
		found = got
	} else {
		name := config.Name.ValueString()
		list, err := d.Client().ListSegments(ctx, bigcommerce.SegmentFilter{})
		if err != nil {
			resp.Diagnostics.AddError("Unable to list customer segments", err.Error())
			return
		}
		if found = segmentNamed(list, name, ""); found == nil {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Customer segment not found", fmt.Sprintf("The store has no segment named %q.", name))
			return
		}
	}
	m := flattenListed(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
