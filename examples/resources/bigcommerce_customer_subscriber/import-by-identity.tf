# Terraform 1.12 and later.
import {
  to = bigcommerce_customer_subscriber.jane
  identity = {
    id = "123"
  }
}
