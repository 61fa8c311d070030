package customersegment

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

var _ datasource.DataSourceWithConfigure = (*segmentsDataSource)(nil)

// NewSegmentsDataSource returns the bigcommerce_customer_segments data
// source.
func NewSegmentsDataSource() datasource.DataSource {
	return &segmentsDataSource{DataSourceBase: fwresource.NewDataSourceBase("customer_segments")}
}

type segmentsDataSource struct {
	fwresource.DataSourceBase
}

type segmentsDataSourceModel struct {
	IDs      types.List `tfsdk:"ids"`
	Segments types.List `tfsdk:"segments"`
}

// segmentDataAttributes describe one listed segment; each maps to the field
// of the same name.
var segmentDataAttributes = map[string]schema.Attribute{
	"id":          schema.StringAttribute{Computed: true, MarkdownDescription: "The segment's id (`id`), a UUID."},
	"name":        schema.StringAttribute{Computed: true, MarkdownDescription: "The segment's name (`name`)."},
	"description": schema.StringAttribute{Computed: true, MarkdownDescription: "The segment's description (`description`), empty when none."},
	"created_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "When the segment was created (`created_at`)."},
	"updated_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "When the segment was last changed (`updated_at`)."},
}

func (d *segmentsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every customer segment of the store (V3 `GET /segments`), following every page, in the order the store returns them.",
		Attributes: map[string]schema.Attribute{
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "The ids of the segments (`id`), in the order the store returned them.",
			},
			"segments": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The segments, with the attributes of the `bigcommerce_customer_segment` resource. Empty when the store has none.",
				NestedObject:        schema.NestedAttributeObject{Attributes: segmentDataAttributes},
			},
		},
	}
}

func (d *segmentsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	list, err := d.Client().ListSegments(ctx, bigcommerce.SegmentFilter{})
	if err != nil {
		resp.Diagnostics.AddError("Unable to list customer segments", err.Error())
		return
	}
	objects := make([]segmentModel, 0, len(list))
	for i := range list {
		objects = append(objects, flattenListed(&list[i]))
	}
	var (
		model segmentsDataSourceModel
		diags diag.Diagnostics
	)
	model.Segments, model.IDs, diags = fwresource.ListOf(ctx, fwresource.ObjectType(segmentDataAttributes), objects)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
