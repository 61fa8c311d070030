# Every segment of the store.
data "bigcommerce_customer_segments" "all" {}

output "segment_names" {
  value = { for s in data.bigcommerce_customer_segments.all.segments : s.id => s.name }
}
