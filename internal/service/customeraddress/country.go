package customeraddress

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// countryCodes are the 249 officially assigned ISO 3166-1 alpha-2 codes.
var countryCodes = func() map[string]bool {
	const list = `
	AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI
	BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN
	CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
	FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
	HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
	KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
	ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP
	NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
	SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
	TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
	VN VU WF WS YE YT ZA ZM ZW`
	set := map[string]bool{}
	for _, code := range strings.Fields(list) {
		set[code] = true
	}
	return set
}()

var twoUpperLetters = regexp.MustCompile(`^[A-Z]{2}$`)

// countryCode accepts an assigned ISO 3166-1 alpha-2 code in upper case,
// as BigCommerce expects it.
type countryCode struct{}

func (countryCode) Description(context.Context) string {
	return "must be an ISO 3166-1 alpha-2 country code in upper case, such as US or GB"
}

func (v countryCode) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v countryCode) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	switch {
	case !twoUpperLetters.MatchString(s):
		hint := ""
		if up := strings.ToUpper(s); countryCodes[up] {
			hint = fmt.Sprintf(" (did you mean %q?)", up)
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid country code",
			fmt.Sprintf("Attribute %s %s: two upper-case letters; got %q%s.", req.Path, v.Description(ctx), s, hint))
	case !countryCodes[s]:
		resp.Diagnostics.AddAttributeError(req.Path, "Unknown country code",
			fmt.Sprintf("Attribute %s %s; %q is not an assigned code.", req.Path, v.Description(ctx), s))
	}
}
