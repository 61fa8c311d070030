data "bigcommerce_customer_consent" "jane" {
  customer_id = 42
}

output "jane_allows_analytics" {
  value = contains(data.bigcommerce_customer_consent.jane.allow, "analytics")
}
