# In a .tfquery.hcl file; run `terraform query` (Terraform 1.14 and later).
list "bigcommerce_customer_attribute" "all" {
  provider = bigcommerce

  config {
    type = "string" # optional: string, number or date; leave out for every attribute
  }
}
