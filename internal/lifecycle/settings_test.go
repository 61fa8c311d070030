package lifecycle_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// settings reads the store's global customer settings.
func (s *store) settings(t *testing.T) map[string]map[string]any {
	t.Helper()
	var doc struct {
		Data map[string]map[string]any `json:"data"`
	}
	s.call(t, http.MethodGet, "/v3/customers/settings", nil, &doc)
	return doc.Data
}

// channelSettings reads a channel's customer settings.
func (s *store) channelSettings(t *testing.T, channel int) map[string]any {
	t.Helper()
	var doc struct {
		Data map[string]any `json:"data"`
	}
	s.call(t, http.MethodGet, fmt.Sprintf("/v3/customers/settings/channels/%d", channel), nil, &doc)
	return doc.Data
}

// lifecycleChannel is the channel the channel-settings lifecycle uses.
const lifecycleChannel = 2

// channelValue is one of the lifecycle channel's settings, such as
// "privacy_settings.policy_url"; nil when the channel inherits it.
func (s *store) channelValue(t *testing.T, name string) any {
	t.Helper()
	object, member, _ := strings.Cut(name, ".")
	m, _ := s.channelSettings(t, lifecycleChannel)[object].(map[string]any)
	return m[member]
}

// The store's one set of customer settings: apply, update, drift, a
// second instance refused, import, and a destroy that leaves the store's
// settings as they are.
func TestCustomerSettings(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	group := s.SeedGroup("Retail")
	cfg := func(policy string) string {
		return fmt.Sprintf(`
resource "bigcommerce_customer_settings" "test" {
  privacy_settings = {
    ask_shopper_for_tracking_consent = true
    policy_url                       = %q
  }
  customer_group_settings = {
    default_customer_group_id = %d
  }
}
`, policy, group)
	}
	policy := func() any { return s.settings(t)["privacy_settings"]["policy_url"] }

	w := s.workspace(t)
	w.config(cfg("https://example.com/privacy"))
	w.apply()
	w.plan(0)
	if got := s.settings(t); got["privacy_settings"]["ask_shopper_for_tracking_consent"] != true ||
		fmt.Sprint(got["customer_group_settings"]["default_customer_group_id"]) != fmt.Sprint(group) {
		t.Fatalf("the store holds %v after apply", got)
	}

	// Update in place.
	w.config(cfg("https://example.com/privacy-v2"))
	if out := w.plan(2); !strings.Contains(out, "0 to add, 1 to change, 0 to destroy") {
		t.Fatalf("a changed policy_url should update in place:\n%s", out)
	}
	w.apply()
	if got := policy(); got != "https://example.com/privacy-v2" {
		t.Fatalf("the store's policy_url is %v after the update", got)
	}
	w.plan(0)

	// Drift shows in the plan, and apply repairs it; an unconfigured value
	// changed in the store is not drift.
	s.call(t, http.MethodPut, "/v3/customers/settings", map[string]any{
		"privacy_settings":        map[string]any{"policy_url": "https://drift.example.com/"},
		"customer_group_settings": map[string]any{"guest_customer_group_id": group},
	}, nil)
	out := w.plan(2)
	if !strings.Contains(out, `"https://drift.example.com/" -> "https://example.com/privacy-v2"`) || strings.Contains(out, "guest_customer_group_id") {
		t.Fatalf("the plan should repair policy_url only:\n%s", out)
	}
	w.apply()
	if got := policy(); got != "https://example.com/privacy-v2" {
		t.Fatalf("the store's policy_url is %v after the repair", got)
	}
	w.plan(0)

	// A second instance is refused at plan time, by plan and by apply.
	two := s.workspace(t)
	two.config(cfg("https://example.com/privacy-v2") + `
resource "bigcommerce_customer_settings" "second" {
  privacy_settings = { ask_shopper_for_tracking_consent = false }
}
`)
	for _, cmd := range [][]string{{"plan", "-input=false"}, {"apply", "-input=false", "-auto-approve"}} {
		if out := two.must(1, cmd...); !strings.Contains(out, "Only one bigcommerce_customer_settings per configuration") {
			t.Fatalf("%s with two bigcommerce_customer_settings:\n%s", cmd[0], out)
		}
	}

	// Import into a fresh state: nothing to do.
	imp := s.workspace(t)
	imp.config(cfg("https://example.com/privacy-v2"))
	imp.must(0, "import", "-input=false", "bigcommerce_customer_settings.test", "settings")
	imp.plan(0)

	// Destroy forgets the settings, with a warning; the store keeps them.
	out = imp.must(0, "destroy", "-input=false", "-auto-approve")
	if !strings.Contains(out, "Customer settings left as they are") {
		t.Fatalf("destroy does not warn that the settings stay:\n%s", out)
	}
	if got := policy(); got != "https://example.com/privacy-v2" {
		t.Fatalf("the store's policy_url is %v after destroy", got)
	}
}

// One channel's settings: apply, an update that returns a value to the
// global one, drift back to inheriting, import, and destroy, which returns
// the channel to the global settings (or, while global logins are off,
// leaves its values with a warning).
func TestCustomerChannelSettings(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	const channel = lifecycleChannel
	s.SeedChannel(channel)
	guest := s.SeedGroup("Guests")
	const addr = "bigcommerce_customer_channel_settings.test"
	created := fmt.Sprintf(`
resource "bigcommerce_customer_channel_settings" "test" {
  channel_id = %d
  privacy_settings = {
    policy_url = "https://example.com/channel"
  }
  allow_global_logins = true
}
`, channel)
	updated := fmt.Sprintf(`
resource "bigcommerce_customer_channel_settings" "test" {
  channel_id = %d
  customer_group_settings = {
    guest_customer_group_id = %d
  }
}
`, channel, guest)

	w := s.workspace(t)
	w.config(created)
	w.apply()
	w.plan(0)
	if got := s.channelValue(t, "privacy_settings.policy_url"); got != "https://example.com/channel" {
		t.Fatalf("channel policy_url %v after apply", got)
	}
	if id := w.id(addr); id != fmt.Sprint(channel) {
		t.Fatalf("id %s, want %d", id, channel)
	}

	// Update in place: policy_url goes back to the global value.
	w.config(updated)
	if out := w.plan(2); !strings.Contains(out, "0 to add, 1 to change, 0 to destroy") {
		t.Fatalf("the change should update in place:\n%s", out)
	}
	w.apply()
	if got := s.channelValue(t, "privacy_settings.policy_url"); got != nil {
		t.Fatalf("channel policy_url %v after the update, want null (inherited)", got)
	}
	if got := s.channelValue(t, "customer_group_settings.guest_customer_group_id"); fmt.Sprint(got) != fmt.Sprint(guest) {
		t.Fatalf("channel guest group %v after the update, want %d", got, guest)
	}
	w.plan(0)

	// An override set outside Terraform is drift back to inheriting.
	s.call(t, http.MethodPut, fmt.Sprintf("/v3/customers/settings/channels/%d", channel),
		map[string]any{"privacy_settings": map[string]any{"ask_shopper_for_tracking_consent": true}}, nil)
	out := w.plan(2)
	if !strings.Contains(out, "ask_shopper_for_tracking_consent") || !strings.Contains(out, "-> null") {
		t.Fatalf("the plan should return ask_shopper_for_tracking_consent to null:\n%s", out)
	}
	w.apply()
	if got := s.channelValue(t, "privacy_settings.ask_shopper_for_tracking_consent"); got != nil {
		t.Fatalf("channel ask_shopper_for_tracking_consent %v after the repair, want null", got)
	}
	w.plan(0)

	// Import into a fresh state, then destroy: the channel inherits again.
	imp := s.workspace(t)
	imp.config(updated)
	imp.must(0, "import", "-input=false", addr, fmt.Sprint(channel))
	imp.plan(0)
	imp.must(0, "destroy", "-input=false", "-auto-approve")
	if got := s.channelValue(t, "customer_group_settings.guest_customer_group_id"); got != nil {
		t.Fatalf("channel guest group %v after destroy, want null (inherited)", got)
	}

	// With global logins off, destroy cannot return values to the global
	// ones: it leaves them, and says so.
	off := s.workspace(t)
	off.config(strings.Replace(created, "allow_global_logins = true", "allow_global_logins = false", 1))
	off.apply()
	out = off.must(0, "destroy", "-input=false", "-auto-approve")
	if !strings.Contains(out, "Channel customer settings left in place") || !strings.Contains(out, "allow_global_logins") {
		t.Fatalf("destroy with global logins off does not warn:\n%s", out)
	}
	if got := s.channelValue(t, "privacy_settings.policy_url"); got != "https://example.com/channel" {
		t.Fatalf("channel policy_url %v after destroy with global logins off, want it kept", got)
	}
}
