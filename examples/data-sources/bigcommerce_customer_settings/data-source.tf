data "bigcommerce_customer_settings" "store" {}

output "privacy_policy" {
  value = data.bigcommerce_customer_settings.store.privacy_settings.policy_url
}
