// Package fwvalidators holds plan-time validators the framework's validator
// library does not provide.
package fwvalidators

import (
	"context"
	"fmt"
	"net/mail"
	"net/netip"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Email accepts a bare e-mail address such as jane@example.com.
func Email() validator.String { return emailValidator{} }

type emailValidator struct{}

func (emailValidator) Description(context.Context) string {
	return "must be an e-mail address such as jane@example.com"
}

func (v emailValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v emailValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if addr, err := mail.ParseAddress(s); err != nil || addr.Address != s || addr.Name != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid e-mail address",
			fmt.Sprintf("Attribute %s %s, without a display name or angle brackets; got %q.", req.Path, v.Description(ctx), s))
	}
}

// IPAddress accepts an IPv4 or IPv6 address.
func IPAddress() validator.String { return ipValidator{} }

type ipValidator struct{}

func (ipValidator) Description(context.Context) string {
	return "must be an IPv4 or IPv6 address such as 203.0.113.7"
}

func (v ipValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ipValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := netip.ParseAddr(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid IP address",
			fmt.Sprintf("Attribute %s %s; got %q.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
	}
}

// NonNegativeNumber accepts numbers >= 0, such as an amount of money.
func NonNegativeNumber() validator.Number { return nonNegativeValidator{} }

type nonNegativeValidator struct{}

func (nonNegativeValidator) Description(context.Context) string {
	return "must be zero or more"
}

func (v nonNegativeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v nonNegativeValidator) ValidateNumber(ctx context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if req.ConfigValue.ValueBigFloat().Sign() < 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Negative amount",
			fmt.Sprintf("Attribute %s %s; got %s.", req.Path, v.Description(ctx), req.ConfigValue.ValueBigFloat().Text('f', -1)))
	}
}
