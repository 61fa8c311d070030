import {
  to = bigcommerce_customer_group.example
  id = "12" # the group's numeric id
}
