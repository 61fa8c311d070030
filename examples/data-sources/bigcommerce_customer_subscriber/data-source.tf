data "bigcommerce_customer_subscriber" "jane" {
  email = "jane.doe@example.com" # matched in any case
}

data "bigcommerce_customer_subscriber" "by_id" {
  id = "123"
}

output "jane_consents" {
  value = data.bigcommerce_customer_subscriber.jane.consents
}
