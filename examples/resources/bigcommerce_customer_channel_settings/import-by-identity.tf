# Terraform 1.12 and later.
import {
  to = bigcommerce_customer_channel_settings.wholesale
  identity = {
    id = "2"
  }
}
