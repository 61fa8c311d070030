# By the address's numeric id (the bigcommerce_customer_addresses data source lists them):
terraform import bigcommerce_customer_address.office 34
