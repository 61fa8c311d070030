import {
  to = bigcommerce_customer_address.office
  id = "34"
}
