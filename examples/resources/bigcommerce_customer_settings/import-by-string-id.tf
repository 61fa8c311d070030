import {
  to = bigcommerce_customer_settings.store
  id = "settings" # the store has one set of customer settings
}
