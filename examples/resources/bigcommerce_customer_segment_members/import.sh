# By the segment's id (a UUID): imports all of its current members.
terraform import bigcommerce_customer_segment_members.vip 1b8ba8e2-7d2c-4b7e-9f3a-2c4d5e6f7a8b
