package customersubscriber

import (
	"context"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// filterModel is the set of subscriber filters shared by the
// bigcommerce_customer_subscribers data source and the
// bigcommerce_customer_subscriber list resource; each is a query parameter
// of GET /v3/customers/subscribers.
type filterModel struct {
	Email           types.String `tfsdk:"email"`
	FirstName       types.String `tfsdk:"first_name"`
	LastName        types.String `tfsdk:"last_name"`
	Source          types.String `tfsdk:"source"`
	OrderID         types.Int64  `tfsdk:"order_id"`
	DateCreatedMin  types.String `tfsdk:"date_created_min"`
	DateCreatedMax  types.String `tfsdk:"date_created_max"`
	DateModifiedMin types.String `tfsdk:"date_modified_min"`
	DateModifiedMax types.String `tfsdk:"date_modified_max"`
	IDIn            types.List   `tfsdk:"id_in"`
}

type filterKind int

const (
	filterString filterKind = iota
	filterInt64
	filterInt64List
)

type filterSpec struct {
	name        string
	kind        filterKind
	description string
}

var dateRegexp = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$`)

// filterSpecs describe each filter once, for both schemas.
var filterSpecs = []filterSpec{
	{"email", filterString, "Subscribers with exactly this e-mail address, in any case (`email`)."},
	{"first_name", filterString, "Subscribers with exactly this first name (`first_name`)."},
	{"last_name", filterString, "Subscribers with exactly this last name (`last_name`)."},
	{"source", filterString, "Subscribers whose subscription came from this source (`source`): `" + strings.Join(bigcommerce.SubscriberSources, "`, `") + "`."},
	{"order_id", filterInt64, "Subscribers whose subscription came from this order (`order_id`)."},
	{"date_created_min", filterString, "Subscribers created at or after this date, `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ss` (`date_created:min`)."},
	{"date_created_max", filterString, "Subscribers created at or before this date (`date_created:max`)."},
	{"date_modified_min", filterString, "Subscribers changed at or after this date (`date_modified:min`)."},
	{"date_modified_max", filterString, "Subscribers changed at or before this date (`date_modified:max`)."},
	{"id_in", filterInt64List, "Subscribers with one of these ids (`id:in`)."},
}

func stringValidators(name string) []validator.String {
	switch {
	case name == "source":
		return []validator.String{stringvalidator.OneOf(bigcommerce.SubscriberSources...)}
	case strings.HasPrefix(name, "date_"):
		return []validator.String{stringvalidator.RegexMatches(dateRegexp, "must be a date such as 2024-05-14 or 2024-05-14T09:34:00")}
	}
	return []validator.String{stringvalidator.LengthBetween(1, bigcommerce.MaxSubscriberTextLength)}
}

var (
	int64Validators = []validator.Int64{int64validator.AtLeast(1)}
	listValidators  = []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueInt64sAre(int64validator.AtLeast(1))}
)

func filterDataSourceAttributes() map[string]dsschema.Attribute {
	out := map[string]dsschema.Attribute{}
	for _, f := range filterSpecs {
		switch f.kind {
		case filterString:
			out[f.name] = dsschema.StringAttribute{Optional: true, MarkdownDescription: f.description, Validators: stringValidators(f.name)}
		case filterInt64:
			out[f.name] = dsschema.Int64Attribute{Optional: true, MarkdownDescription: f.description, Validators: int64Validators}
		case filterInt64List:
			out[f.name] = dsschema.ListAttribute{ElementType: types.Int64Type, Optional: true, MarkdownDescription: f.description, Validators: listValidators}
		}
	}
	return out
}

func filterListAttributes() map[string]listschema.Attribute {
	out := map[string]listschema.Attribute{}
	for _, f := range filterSpecs {
		switch f.kind {
		case filterString:
			out[f.name] = listschema.StringAttribute{Optional: true, MarkdownDescription: f.description, Validators: stringValidators(f.name)}
		case filterInt64:
			out[f.name] = listschema.Int64Attribute{Optional: true, MarkdownDescription: f.description, Validators: int64Validators}
		case filterInt64List:
			out[f.name] = listschema.ListAttribute{ElementType: types.Int64Type, Optional: true, MarkdownDescription: f.description, Validators: listValidators}
		}
	}
	return out
}

// apiFilter is the store's filter of what f sets.
func (f filterModel) apiFilter(ctx context.Context) (bigcommerce.SubscriberFilter, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := bigcommerce.SubscriberFilter{
		Email:           f.Email.ValueString(),
		FirstName:       f.FirstName.ValueString(),
		LastName:        f.LastName.ValueString(),
		Source:          f.Source.ValueString(),
		OrderID:         int(f.OrderID.ValueInt64()),
		DateCreatedMin:  f.DateCreatedMin.ValueString(),
		DateCreatedMax:  f.DateCreatedMax.ValueString(),
		DateModifiedMin: f.DateModifiedMin.ValueString(),
		DateModifiedMax: f.DateModifiedMax.ValueString(),
	}
	if fwresource.Known(f.IDIn) {
		var ids []int64
		diags.Append(f.IDIn.ElementsAs(ctx, &ids, false)...)
		for _, id := range ids {
			out.IDs = append(out.IDs, int(id))
		}
	}
	return out, diags
}

// displayName is how a listed subscriber is shown: "First Last <email>",
// or the e-mail alone when it has no name.
func displayName(s *bigcommerce.Subscriber) string {
	name := strings.TrimSpace(s.FirstName + " " + s.LastName)
	if name == "" {
		return s.Email
	}
	return name + " <" + s.Email + ">"
}
