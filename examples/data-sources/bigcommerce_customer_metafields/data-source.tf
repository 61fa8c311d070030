data "bigcommerce_customer" "jane" {
  email = "jane.doe@example.com"
}

# Every metafield of the customer.
data "bigcommerce_customer_metafields" "jane" {
  customer_id = data.bigcommerce_customer.jane.id
}

# Only those of one namespace, or one key of one namespace.
data "bigcommerce_customer_metafields" "jane_loyalty_tier" {
  customer_id = data.bigcommerce_customer.jane.id
  namespace   = "loyalty"
  key         = "tier"
}

output "jane_metafield_ids" {
  value = data.bigcommerce_customer_metafields.jane.ids # for import blocks, as customer_id/id
}

output "jane_metafields" {
  value = { for m in data.bigcommerce_customer_metafields.jane.metafields : "${m.namespace}/${m.key}" => m.value }
}
