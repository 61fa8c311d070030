package customer

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
)

// filterModel is the set of customer filters shared by the
// bigcommerce_customers data source and the bigcommerce_customer list
// resource.
type filterModel struct {
	queryFilters
	localFilters
}

// queryFilters go to V3 GET /customers as its query parameters.
type queryFilters struct {
	IDIn              types.List   `tfsdk:"id_in"`
	EmailIn           types.List   `tfsdk:"email_in"`
	NameIn            types.List   `tfsdk:"name_in"`
	NameLike          types.List   `tfsdk:"name_like"`
	CompanyIn         types.List   `tfsdk:"company_in"`
	CustomerGroupIDIn types.List   `tfsdk:"customer_group_id_in"`
	PhoneIn           types.List   `tfsdk:"phone_in"`
	DateCreatedMin    types.String `tfsdk:"date_created_min"`
	DateCreatedMax    types.String `tfsdk:"date_created_max"`
	DateModifiedMin   types.String `tfsdk:"date_modified_min"`
	DateModifiedMax   types.String `tfsdk:"date_modified_max"`
	Sort              types.String `tfsdk:"sort"`
}

// localFilters are V2's filters that V3 lacks: the provider applies them to
// what the store returns.
type localFilters struct {
	FirstName         types.String `tfsdk:"first_name"`
	LastName          types.String `tfsdk:"last_name"`
	TaxExemptCategory types.String `tfsdk:"tax_exempt_category"`
	MinID             types.Int64  `tfsdk:"min_id"`
	MaxID             types.Int64  `tfsdk:"max_id"`
}

type filterKind int

const (
	filterStringSet filterKind = iota
	filterInt64Set
	filterString
	filterInt64
)

type filterSpec struct {
	name        string
	kind        filterKind
	description string
}

var dateRegexp = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$`)

// filterSpecs describe each filter once, for both schemas.
var filterSpecs = []filterSpec{
	{"id_in", filterInt64Set, "Customers with one of these ids (V3 `id:in`)."},
	{"email_in", filterStringSet, "Customers with one of these e-mail addresses, in any case (V3 `email:in`)."},
	{"name_in", filterStringSet, "Customers whose \"first last\" name is one of these (V3 `name:in`)."},
	{"name_like", filterStringSet, "Customers whose \"first last\" name contains one of these substrings (V3 `name:like`)."},
	{"company_in", filterStringSet, "Customers of one of these companies (V3 `company:in`)."},
	{"customer_group_id_in", filterInt64Set, "Customers in one of these customer groups (V3 `customer_group_id:in`)."},
	{"phone_in", filterStringSet, "Customers with one of these phone numbers (V3 `phone:in`)."},
	{"date_created_min", filterString, "Customers created at or after this date, `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ss` (V3 `date_created:min`)."},
	{"date_created_max", filterString, "Customers created at or before this date (V3 `date_created:max`)."},
	{"date_modified_min", filterString, "Customers changed at or after this date (V3 `date_modified:min`)."},
	{"date_modified_max", filterString, "Customers changed at or before this date (V3 `date_modified:max`)."},
	{"sort", filterString, "Order of the results: one of `" + strings.Join(bigcommerce.CustomerSorts, "`, `") + "` (V3 `sort`). Defaults to the store's order (by id)."},
	{"first_name", filterString, "Customers with exactly this first name, in any case. Applied by the provider to what the store returns (a V2 filter that V3 lacks)."},
	{"last_name", filterString, "Customers with exactly this last name, in any case. Applied by the provider (a V2 filter that V3 lacks)."},
	{"tax_exempt_category", filterString, "Customers with exactly this tax exemption category. Applied by the provider (a V2 filter that V3 lacks)."},
	{"min_id", filterInt64, "Customers whose id is at least this. Applied by the provider (a V2 filter that V3 lacks)."},
	{"max_id", filterInt64, "Customers whose id is at most this. Applied by the provider (a V2 filter that V3 lacks)."},
}

func stringValidators(name string) []validator.String {
	switch {
	case name == "sort":
		return []validator.String{stringvalidator.OneOf(bigcommerce.CustomerSorts...)}
	case strings.HasPrefix(name, "date_"):
		return []validator.String{stringvalidator.RegexMatches(dateRegexp, "must be a date such as 2024-05-14 or 2024-05-14T09:34:00")}
	}
	return nil
}

func filterDataSourceAttributes() map[string]dsschema.Attribute {
	out := map[string]dsschema.Attribute{}
	for _, f := range filterSpecs {
		switch f.kind {
		case filterStringSet:
			out[f.name] = dsschema.ListAttribute{ElementType: types.StringType, Optional: true, Description: f.description, Validators: []validator.List{listvalidator.SizeAtLeast(1)}}
		case filterInt64Set:
			out[f.name] = dsschema.ListAttribute{ElementType: types.Int64Type, Optional: true, Description: f.description, Validators: []validator.List{listvalidator.SizeAtLeast(1)}}
		case filterString:
			out[f.name] = dsschema.StringAttribute{Optional: true, Description: f.description, Validators: stringValidators(f.name)}
		case filterInt64:
			out[f.name] = dsschema.Int64Attribute{Optional: true, Description: f.description}
		}
	}
	return out
}

func filterListAttributes() map[string]listschema.Attribute {
	out := map[string]listschema.Attribute{}
	for _, f := range filterSpecs {
		switch f.kind {
		case filterStringSet:
			out[f.name] = listschema.ListAttribute{ElementType: types.StringType, Optional: true, Description: f.description, Validators: []validator.List{listvalidator.SizeAtLeast(1)}}
		case filterInt64Set:
			out[f.name] = listschema.ListAttribute{ElementType: types.Int64Type, Optional: true, Description: f.description, Validators: []validator.List{listvalidator.SizeAtLeast(1)}}
		case filterString:
			out[f.name] = listschema.StringAttribute{Optional: true, Description: f.description, Validators: stringValidators(f.name)}
		case filterInt64:
			out[f.name] = listschema.Int64Attribute{Optional: true, Description: f.description}
		}
	}
	return out
}

// apiFilter splits the filters into what the store applies and what the
// provider applies.
func (f filterModel) apiFilter(ctx context.Context) (bigcommerce.CustomerFilter, func(*bigcommerce.Customer) bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	strs := func(s types.List) []string {
		var out []string
		if !s.IsNull() && !s.IsUnknown() {
			diags.Append(s.ElementsAs(ctx, &out, false)...)
		}
		return out
	}
	ints := func(s types.List) []int {
		var raw []int64
		if !s.IsNull() && !s.IsUnknown() {
			diags.Append(s.ElementsAs(ctx, &raw, false)...)
		}
		out := make([]int, len(raw))
		for i, v := range raw {
			out[i] = int(v)
		}
		return out
	}
	api := bigcommerce.CustomerFilter{
		IDs:              ints(f.IDIn),
		Emails:           strs(f.EmailIn),
		Names:            strs(f.NameIn),
		NameLike:         strs(f.NameLike),
		Companies:        strs(f.CompanyIn),
		CustomerGroupIDs: ints(f.CustomerGroupIDIn),
		Phones:           strs(f.PhoneIn),
		DateCreatedMin:   f.DateCreatedMin.ValueString(),
		DateCreatedMax:   f.DateCreatedMax.ValueString(),
		DateModifiedMin:  f.DateModifiedMin.ValueString(),
		DateModifiedMax:  f.DateModifiedMax.ValueString(),
		Sort:             f.Sort.ValueString(),
	}
	match := func(c *bigcommerce.Customer) bool {
		switch {
		case !f.FirstName.IsNull() && !strings.EqualFold(c.FirstName, f.FirstName.ValueString()),
			!f.LastName.IsNull() && !strings.EqualFold(c.LastName, f.LastName.ValueString()),
			!f.TaxExemptCategory.IsNull() && c.TaxExemptCategory != f.TaxExemptCategory.ValueString(),
			!f.MinID.IsNull() && int64(c.ID) < f.MinID.ValueInt64(),
			!f.MaxID.IsNull() && int64(c.ID) > f.MaxID.ValueInt64():
			return false
		}
		return true
	}
	return api, match, diags
}

// displayName is how a listed customer is shown: "First Last <email>".
func displayName(c *bigcommerce.Customer) string {
	return strings.TrimSpace(c.FirstName+" "+c.LastName) + " <" + c.Email + ">"
}

func idString(id int) string { return strconv.Itoa(id) }
