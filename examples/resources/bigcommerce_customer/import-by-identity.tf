# Terraform 1.12 and later.
import {
  to = bigcommerce_customer.jane
  identity = {
    id = "123"
  }
}
