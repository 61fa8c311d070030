import {
  to = bigcommerce_customer_consent.jane
  id = "42"
}
