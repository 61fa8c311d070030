# Terraform 1.12 and later.
import {
  to = bigcommerce_customer_attribute.loyalty_tier
  identity = {
    id = "12"
  }
}
