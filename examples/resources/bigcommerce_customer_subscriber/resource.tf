# A subscriber from the storefront's newsletter form.
resource "bigcommerce_customer_subscriber" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
  source     = "storefront" # storefront, order or custom (the default)
  channel_id = 1
  consents   = ["marketing_newsletter", "abandoned_cart"]
}

# A subscriber who signed up while placing order 1042: order_id only with
# source = "order".
resource "bigcommerce_customer_subscriber" "john" {
  email    = "john.roe@example.com"
  source   = "order"
  order_id = 1042
  consents = ["marketing_newsletter"]
}
