resource "bigcommerce_customer" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer_attribute" "loyalty_tier" {
  name = "Loyalty tier"
  type = "string"
}

resource "bigcommerce_customer_attribute" "date_joined" {
  name = "Date joined"
  type = "date"
}

resource "bigcommerce_customer_attribute_value" "jane_tier" {
  customer_id  = bigcommerce_customer.jane.id
  attribute_id = bigcommerce_customer_attribute.loyalty_tier.id
  value        = "Gold"
}

resource "bigcommerce_customer_attribute_value" "jane_joined" {
  customer_id  = bigcommerce_customer.jane.id
  attribute_id = bigcommerce_customer_attribute.date_joined.id
  value        = "2019-03-01" # a date attribute takes YYYY-MM-DD or RFC 3339
}
