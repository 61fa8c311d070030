# By customer_id/metafield_id: metafield 456 of customer 123.
terraform import bigcommerce_customer_metafield.jane_tier 123/456
