# In a .tfquery.hcl file; run `terraform query` (Terraform 1.14 and later).
list "bigcommerce_customer_attribute_value" "loyalty_tiers" {
  provider = bigcommerce

  config {
    attribute_id_in = [7]        # optional
    customer_id_in  = [123, 124] # optional; leave both out for every value of the store
  }
}
