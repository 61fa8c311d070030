import {
  to = bigcommerce_customer_segment.vip
  id = "1b8ba8e2-7d2c-4b7e-9f3a-2c4d5e6f7a8b" # the segment's id, a UUID
}
