resource "bigcommerce_customer" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
}

# What Jane agreed to in the storefront's cookie banner.
resource "bigcommerce_customer_consent" "jane" {
  customer_id = bigcommerce_customer.jane.id
  allow       = ["essential", "functional"]
  deny        = ["analytics", "targeting"]
}
