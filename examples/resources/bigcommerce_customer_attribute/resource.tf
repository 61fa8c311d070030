resource "bigcommerce_customer_attribute" "loyalty_tier" {
  name = "Loyalty tier"
  type = "string"
}

resource "bigcommerce_customer_attribute" "date_joined" {
  name = "Date joined"
  type = "date" # changing the type replaces the attribute and deletes every customer's value of it
}
