# By the customer's numeric id:
terraform import bigcommerce_customer_consent.jane 42
