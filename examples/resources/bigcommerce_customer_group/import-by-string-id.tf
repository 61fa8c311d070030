import {
  to = bigcommerce_customer_group.wholesale
  id = "12" # the group's numeric id
}
