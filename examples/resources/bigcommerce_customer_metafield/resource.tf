resource "bigcommerce_customer" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer_metafield" "jane_tier" {
  customer_id    = bigcommerce_customer.jane.id
  namespace      = "loyalty"
  key            = "tier"
  value          = "Gold"
  permission_set = "read" # app_only, read, write, read_and_sf_access or write_and_sf_access
  description    = "Loyalty programme tier"
}

# Many metafields at once: with batching on (the default), they are written
# 10 to a request.
resource "bigcommerce_customer_metafield" "jane_preferences" {
  for_each       = { newsletter = "weekly", language = "en-GB" }
  customer_id    = bigcommerce_customer.jane.id
  namespace      = "preferences"
  key            = each.key
  value          = each.value
  permission_set = "write_and_sf_access"
}
