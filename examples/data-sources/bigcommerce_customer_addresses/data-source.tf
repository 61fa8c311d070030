data "bigcommerce_customer" "jane" {
  email = "jane.doe@example.com"
}

data "bigcommerce_customer_addresses" "jane" {
  customer_id = data.bigcommerce_customer.jane.id
}

output "jane_address_ids" {
  value = data.bigcommerce_customer_addresses.jane.ids # for import blocks
}

output "jane_cities" {
  value = [for a in data.bigcommerce_customer_addresses.jane.addresses : a.city]
}
