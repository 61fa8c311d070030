import {
  to = bigcommerce_customer_attribute.loyalty_tier
  id = "12"
}
