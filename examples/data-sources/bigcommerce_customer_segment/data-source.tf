# By name (matched without regard to case)...
data "bigcommerce_customer_segment" "vip" {
  name = "VIP shoppers"
}

# ...or by id; give exactly one of the two.
data "bigcommerce_customer_segment" "by_id" {
  id = "1b8ba8e2-7d2c-4b7e-9f3a-2c4d5e6f7a8b"
}

output "vip_segment_id" {
  value = data.bigcommerce_customer_segment.vip.id
}
