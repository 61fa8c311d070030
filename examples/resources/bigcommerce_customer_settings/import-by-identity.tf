# Terraform 1.12 and later.
import {
  to = bigcommerce_customer_settings.store
  identity = {
    id = "settings"
  }
}
