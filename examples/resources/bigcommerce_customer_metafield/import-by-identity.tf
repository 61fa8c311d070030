# Terraform 1.12 and later.
import {
  to = bigcommerce_customer_metafield.jane_tier
  identity = {
    customer_id = 123
    id          = 456
  }
}
