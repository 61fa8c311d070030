import {
  to = bigcommerce_customer_subscriber.jane
  id = "jane.doe@example.com" # or the numeric id, "123"
}
