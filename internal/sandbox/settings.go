package sandbox

import (
	"net/http"
	"net/url"
)

// settingsV3 is the spec's CustomerSettingsObject.
type settingsV3 struct {
	PrivacySettings       privacyV3       `json:"privacy_settings"`
	CustomerGroupSettings groupSettingsV3 `json:"customer_group_settings"`
}

type privacyV3 struct {
	AskShopperForTrackingConsent bool   `json:"ask_shopper_for_tracking_consent"`
	PolicyURL                    string `json:"policy_url"`
}

type groupSettingsV3 struct {
	GuestCustomerGroupID   int `json:"guest_customer_group_id"`
	DefaultCustomerGroupID int `json:"default_customer_group_id"`
}

// channelSettingsV3 is the spec's CustomerChannelSettingsObject. A null
// value is a setting the channel does not override: "`null` value
// configuration indicates that there is no override provided for a given
// channel; thus, values are inherited from Global Settings".
type channelSettingsV3 struct {
	PrivacySettings       channelPrivacyV3       `json:"privacy_settings"`
	CustomerGroupSettings channelGroupSettingsV3 `json:"customer_group_settings"`
	// AllowGlobalLogins is left out of PUT's answer, whose schema is
	// CustomerSettingsObject.
	AllowGlobalLogins *bool `json:"allow_global_logins,omitempty"`
}

type channelPrivacyV3 struct {
	AskShopperForTrackingConsent *bool   `json:"ask_shopper_for_tracking_consent"`
	PolicyURL                    *string `json:"policy_url"`
}

type channelGroupSettingsV3 struct {
	GuestCustomerGroupID   *int `json:"guest_customer_group_id"`
	DefaultCustomerGroupID *int `json:"default_customer_group_id"`
}

// groupWith is the id of the first group for which pick holds; 0: none.
func (s *state) groupWith(pick func(*group) bool) int {
	for _, id := range sortedIDs(s.groups) {
		if pick(s.groups[id]) {
			return id
		}
	}
	return 0
}

func (s *state) renderSettings() settingsV3 {
	return settingsV3{
		PrivacySettings: privacyV3{AskShopperForTrackingConsent: s.privacy.AskConsent, PolicyURL: s.privacy.PolicyURL},
		CustomerGroupSettings: groupSettingsV3{
			GuestCustomerGroupID:   s.groupWith(func(g *group) bool { return g.IsGuest }),
			DefaultCustomerGroupID: s.groupWith(func(g *group) bool { return g.IsDefault }),
		},
	}
}

func renderChannelSettings(ch *channelSettings, withLogins bool) channelSettingsV3 {
	out := channelSettingsV3{
		PrivacySettings:       channelPrivacyV3{AskShopperForTrackingConsent: clonePtr(ch.AskConsent), PolicyURL: clonePtr(ch.PolicyURL)},
		CustomerGroupSettings: channelGroupSettingsV3{GuestCustomerGroupID: clonePtr(ch.GuestGroupID), DefaultCustomerGroupID: clonePtr(ch.DefaultGroupID)},
	}
	if withLogins {
		out.AllowGlobalLogins = ptr(ch.AllowGlobalLogins)
	}
	return out
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// policyURLProblem checks a privacy policy URL. The documents give no
// format beyond "The URL for a websiteʼs privacy policy": "" clears it,
// anything else must be an absolute http or https URL.
func policyURLProblem(v string) string {
	if v == "" {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "must be an absolute http or https URL, or empty"
	}
	return ""
}

// groupIDProblem checks a customer group setting: 0 (none) or a group.
func (s *state) groupIDProblem(id int) string {
	if id != 0 && s.groups[id] == nil {
		return "must be 0 or the id of a customer group"
	}
	return ""
}

func settingsReply(data any) reply {
	return reply{status: http.StatusOK, body: collection{Data: data, Meta: emptyMeta}}
}

// getSettings serves GET /v3/customers/settings.
func getSettings(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return settingsReply(c.s.st.renderSettings())
}

// updateSettings serves PUT /v3/customers/settings: members left out keep
// their values. The group settings set the groups' is_default and
// is_group_for_guests flags, which V2 shows, and 0 clears them.
func updateSettings(c *call) reply {
	c.record("PUT /v3/customers/settings")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st

	privacy := st.privacy
	if p, ok := f.object("privacy_settings"); ok {
		if v, ok := p.boolean("ask_shopper_for_tracking_consent"); ok {
			privacy.AskConsent = v
		}
		if v, ok := p.str("policy_url", false, 0, 0); ok {
			if msg := policyURLProblem(v); msg != "" {
				errs.invalid(p.key("policy_url"), "%s", msg)
			}
			privacy.PolicyURL = v
		}
	}
	guest, dflt := -1, -1
	if g, ok := f.object("customer_group_settings"); ok {
		for name, into := range map[string]*int{"guest_customer_group_id": &guest, "default_customer_group_id": &dflt} {
			if v, ok := g.integer(name, false); ok {
				if msg := st.groupIDProblem(v); msg != "" {
					errs.invalid(g.key(name), "%s", msg)
				}
				*into = v
			}
		}
	}
	if len(*errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	st.privacy = privacy
	for _, id := range sortedIDs(st.groups) {
		g := st.groups[id]
		if guest >= 0 && g.IsGuest != (id == guest) {
			g.IsGuest, g.Modified = id == guest, c.now
		}
		if dflt >= 0 && g.IsDefault != (id == dflt) {
			g.IsDefault, g.Modified = id == dflt, c.now
		}
	}
	return settingsReply(st.renderSettings())
}

// channelOf finds the channel of the path. An unknown channel is 404: the
// channel is the resource the URL names ("404 Does Not Exist: The requested
// entity does not exist").
func (c *call) channelOf() (*channelSettings, *reply) {
	ch := c.s.st.channels[c.id]
	if ch == nil {
		return nil, ptr(failV3(http.StatusNotFound, titleNotFound, nil))
	}
	return ch, nil
}

// getChannelSettings serves GET /v3/customers/settings/channels/{id}.
func getChannelSettings(c *call) reply {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	ch, rep := c.channelOf()
	if rep != nil {
		return *rep
	}
	return settingsReply(renderChannelSettings(ch, true))
}

// updateChannelSettings serves PUT /v3/customers/settings/channels/{id}.
// Members left out keep their values; null drops the channel's override
// ("Setting `null` will delete override per given channel, and values will
// be inherited from the global level"), for one setting or, given for
// privacy_settings or customer_group_settings, for all of its settings.
// allow_global_logins has no global value to inherit, so null is refused.
func updateChannelSettings(c *call) reply {
	c.record("PUT /v3/customers/settings/channels/{id}")
	f, errs, rep := c.bodyObject()
	if rep != nil {
		return *rep
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	st := c.s.st
	cur, rep := c.channelOf()
	if rep != nil {
		return *rep
	}
	ch := *cur

	sentNull := false
	for _, name := range []string{"privacy_settings", "customer_group_settings"} {
		if f.isNull(name) {
			sentNull = true
		} else if raw, ok := f.raw(name); ok && isJSONObject(raw) {
			sub, _ := decodeObject(raw, "", "", &problems{})
			for _, v := range sub.m {
				sentNull = sentNull || isJSONNull(v)
			}
		}
	}
	if f.isNull("privacy_settings") {
		ch.AskConsent, ch.PolicyURL = nil, nil
	} else if p, ok := f.object("privacy_settings"); ok {
		switch {
		case p.isNull("ask_shopper_for_tracking_consent"):
			ch.AskConsent = nil
		default:
			if v, ok := p.boolean("ask_shopper_for_tracking_consent"); ok {
				ch.AskConsent = &v
			}
		}
		switch {
		case p.isNull("policy_url"):
			ch.PolicyURL = nil
		default:
			if v, ok := p.str("policy_url", false, 0, 0); ok {
				if msg := policyURLProblem(v); msg != "" {
					errs.invalid(p.key("policy_url"), "%s", msg)
				}
				ch.PolicyURL = &v
			}
		}
	}
	if f.isNull("customer_group_settings") {
		ch.GuestGroupID, ch.DefaultGroupID = nil, nil
	} else if g, ok := f.object("customer_group_settings"); ok {
		for name, into := range map[string]**int{"guest_customer_group_id": &ch.GuestGroupID, "default_customer_group_id": &ch.DefaultGroupID} {
			if g.isNull(name) {
				*into = nil
				continue
			}
			if v, ok := g.integer(name, false); ok {
				if msg := st.groupIDProblem(v); msg != "" {
					errs.invalid(g.key(name), "%s", msg)
				}
				*into = &v
			}
		}
	}
	if v, ok := f.boolean("allow_global_logins"); ok {
		ch.AllowGlobalLogins = v
	}
	if sentNull && !ch.AllowGlobalLogins {
		// "Make sure the channel has `allow_global_logins` enabled."
		errs.invalid("allow_global_logins", "must be true for the channel to inherit global settings (null)")
	}
	if len(*errs) > 0 {
		return failV3(http.StatusUnprocessableEntity, titleInvalidJSON, errs.v3Map())
	}
	*cur = ch
	return settingsReply(renderChannelSettings(cur, false))
}
