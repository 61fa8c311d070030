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

// NewSegmentsDataSource returns the bigcommerce_customer_segments data
// source.
func NewSegmentsDataSource() datasource.DataSource {
	return &fwresource.ListDataSource[segmentsDataSourceModel, bigcommerce.Segment, segmentModel]{
		DataSourceBase: fwresource.NewDataSourceBase("customer_segments"),
		Definition:     segmentsDataSourceSchema,
		ListAttribute:  "segments",
		ObjectType:     fwresource.ObjectType(segmentDataAttributes),
		List: func(ctx context.Context, api fwresource.API, _ segmentsDataSourceModel) ([]bigcommerce.Segment, diag.Diagnostics) {
			list, err := api.Client().ListSegments(ctx, bigcommerce.SegmentFilter{})
			return list, fwresource.ErrorDiagnostics("Unable to list customer segments", err)
		},
		Object: func(_ context.Context, sg *bigcommerce.Segment) (segmentModel, diag.Diagnostics) {
			return flattenListed(sg), nil
		},
	}
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

func segmentsDataSourceSchema(context.Context) schema.Schema {
	return schema.Schema{
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
