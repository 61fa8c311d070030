# By the subscriber's numeric id:
terraform import bigcommerce_customer_subscriber.jane 123

# Or by e-mail address, in any case:
terraform import bigcommerce_customer_subscriber.jane jane.doe@example.com
