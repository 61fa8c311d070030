package customersettings

import (
	"context"
	"fmt"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/framework/fwresource"
)

// policyURL accepts "" or an absolute http(s) URL, as the store does.
type policyURL struct{}

func (policyURL) Description(context.Context) string {
	return "must be an absolute http or https URL, such as https://example.com/privacy, or empty"
}

func (v policyURL) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v policyURL) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !fwresource.Known(req.ConfigValue) || req.ConfigValue.ValueString() == "" {
		return
	}
	s := req.ConfigValue.ValueString()
	if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid privacy policy URL",
		fmt.Sprintf("%s %s; got %q.", req.Path, v.Description(ctx), s))
}
