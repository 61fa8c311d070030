resource "bigcommerce_customer_segment" "vip" {
  name = "VIP shoppers"
}

# Authoritative: the segment holds exactly these customers. Customers added
# to it outside Terraform are removed at the next apply. Customers without
# a shopper profile get one; destroying this resource empties the segment
# and keeps the profiles.
resource "bigcommerce_customer_segment_members" "vip" {
  segment_id   = bigcommerce_customer_segment.vip.id
  customer_ids = [101, 102, 205]
}
