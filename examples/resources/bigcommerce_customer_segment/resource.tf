# Names are unique in the store without regard to case.
resource "bigcommerce_customer_segment" "vip" {
  name        = "VIP shoppers"
  description = "Customers who spent over $5,000 last year" # optional, at most 255 characters
}

# Promotions target a segment by its id (a UUID).
output "vip_segment_id" {
  value = bigcommerce_customer_segment.vip.id
}
