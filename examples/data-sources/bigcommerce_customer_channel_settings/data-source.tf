data "bigcommerce_customer_channel_settings" "wholesale" {
  channel_id = 2
}

output "wholesale_overrides_policy" {
  # null when the channel inherits the global value
  value = data.bigcommerce_customer_channel_settings.wholesale.privacy_settings.policy_url != null
}

output "wholesale_policy" {
  # what applies on the channel: its own value, else the global one
  value = data.bigcommerce_customer_channel_settings.wholesale.effective.privacy_settings.policy_url
}
