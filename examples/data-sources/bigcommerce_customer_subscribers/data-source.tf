# Every subscriber who signed up at checkout this year.
data "bigcommerce_customer_subscribers" "from_orders" {
  source           = "order"
  date_created_min = "2026-01-01"
}

output "from_orders_emails" {
  value = [for s in data.bigcommerce_customer_subscribers.from_orders.subscribers : s.email]
}

# Subscribers by id, or with one e-mail address (matched in any case).
data "bigcommerce_customer_subscribers" "some" {
  id_in = [12, 13, 14]
}

output "some_ids" {
  value = data.bigcommerce_customer_subscribers.some.ids
}
