# Every customer of group 3 created this year, newest first.
data "bigcommerce_customers" "wholesale" {
  customer_group_id_in = [3]
  date_created_min     = "2026-01-01"
  sort                 = "date_created:desc"
}

output "wholesale_emails" {
  value = [for c in data.bigcommerce_customers.wholesale.customers : c.email]
}

output "wholesale_total" {
  value = data.bigcommerce_customers.wholesale.total
}
