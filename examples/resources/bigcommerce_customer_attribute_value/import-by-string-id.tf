import {
  to = bigcommerce_customer_attribute_value.jane_tier
  id = "123/12" # customer_id/attribute_id
}
