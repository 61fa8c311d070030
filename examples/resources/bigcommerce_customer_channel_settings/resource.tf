# Channel 2 overrides the policy URL and the guest group; every value left
# out (here ask_shopper_for_tracking_consent and default_customer_group_id)
# inherits the store's global setting. Destroy returns the channel to the
# global values.
resource "bigcommerce_customer_group" "wholesale_guests" {
  name = "Wholesale guests"
}

resource "bigcommerce_customer_channel_settings" "wholesale" {
  channel_id = 2

  privacy_settings = {
    policy_url = "https://wholesale.example.com/privacy"
  }

  customer_group_settings = {
    guest_customer_group_id = bigcommerce_customer_group.wholesale_guests.id
  }

  # Customers with global access (no channel_ids) may sign in on this
  # channel. It must stay true while the channel inherits any value.
  allow_global_logins = true
}
