# By the customer's numeric id:
terraform import bigcommerce_customer.jane 123

# Or by e-mail address, in any case:
terraform import bigcommerce_customer.jane jane.doe@example.com
