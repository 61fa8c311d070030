# Terraform 1.12 and later.
import {
  to = bigcommerce_customer_group.wholesale
  identity = {
    id = "12"
  }
}
