# By the attribute's numeric id (the bigcommerce_customer_attributes data source lists them):
terraform import bigcommerce_customer_attribute.loyalty_tier 12
