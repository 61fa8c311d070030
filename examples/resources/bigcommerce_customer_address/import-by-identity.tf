# Terraform 1.12 and later.
import {
  to = bigcommerce_customer_address.office
  identity = {
    id = "34"
  }
}
