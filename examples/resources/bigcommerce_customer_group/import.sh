# By the group's numeric id:
terraform import bigcommerce_customer_group.wholesale 12
