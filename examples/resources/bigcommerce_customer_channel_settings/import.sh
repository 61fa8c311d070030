# By the channel's numeric id:
terraform import bigcommerce_customer_channel_settings.wholesale 2
