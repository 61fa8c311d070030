# The store has one set of customer settings, imported with the id "settings":
terraform import bigcommerce_customer_settings.store settings
