import {
  to = bigcommerce_customer.jane
  id = "jane.doe@example.com" # or the numeric id, "123"
}
