data "bigcommerce_customer" "jane" {
  email = "jane.doe@example.com"
}

data "bigcommerce_customer" "by_id" {
  id = "123"
}

output "jane_group" {
  value = data.bigcommerce_customer.jane.customer_group_id
}
