# In a .tfquery.hcl file; run `terraform query` (Terraform 1.14 and later).
list "bigcommerce_customer_address" "jane_and_omar" {
  provider = bigcommerce

  config {
    customer_id_in = [123, 124] # optional; leave out for every address of the store
  }
}
