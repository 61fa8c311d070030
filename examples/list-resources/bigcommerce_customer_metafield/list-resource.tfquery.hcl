# In a .tfquery.hcl file; run `terraform query` (Terraform 1.14 and later).
list "bigcommerce_customer_metafield" "jane_loyalty" {
  provider = bigcommerce

  config {
    customer_id = 123
    namespace   = "loyalty" # optional
  }
}
