# Terraform 1.12 and later.
import {
  to = bigcommerce_customer_consent.jane
  identity = {
    id = "42"
  }
}
