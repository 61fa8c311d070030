# By customer_id/attribute_id: customer 123's value of attribute 12.
terraform import bigcommerce_customer_attribute_value.jane_tier 123/12
