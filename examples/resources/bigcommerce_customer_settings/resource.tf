# The store has one set of customer settings: one such resource per
# configuration. Values left out keep the store's; destroy leaves the
# settings as they are and only removes them from the state.
resource "bigcommerce_customer_group" "retail" {
  name = "Retail"
}

resource "bigcommerce_customer_settings" "store" {
  privacy_settings = {
    ask_shopper_for_tracking_consent = true
    policy_url                       = "https://example.com/privacy"
  }

  customer_group_settings = {
    # 0 for none. This makes Retail the group new customers join: leave
    # is_default of bigcommerce_customer_group unset for it.
    default_customer_group_id = bigcommerce_customer_group.retail.id
  }
}
