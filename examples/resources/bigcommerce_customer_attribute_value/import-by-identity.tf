# Terraform 1.12 and later.
import {
  to = bigcommerce_customer_attribute_value.jane_tier
  identity = {
    customer_id  = 123
    attribute_id = 12
  }
}
