import {
  to = bigcommerce_customer_metafield.jane_tier
  id = "123/456" # customer_id/metafield_id
}
