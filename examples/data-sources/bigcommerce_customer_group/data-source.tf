data "bigcommerce_customer_group" "wholesale" {
  name = "Wholesale"
}

data "bigcommerce_customer_group" "by_id" {
  id = "12"
}

resource "bigcommerce_customer" "trader" {
  email             = "lee.trader@example.com"
  first_name        = "Lee"
  last_name         = "Trader"
  customer_group_id = data.bigcommerce_customer_group.wholesale.id
}
