import {
  to = bigcommerce_customer_channel_settings.wholesale
  id = "2" # the channel's numeric id
}
