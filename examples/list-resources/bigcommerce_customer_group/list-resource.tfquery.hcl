# In a .tfquery.hcl file; run `terraform query` (Terraform 1.14 and later).
list "bigcommerce_customer_group" "wholesale" {
  provider = bigcommerce

  config {
    name_contains = "Wholesale" # optional, without regard to case; leave out for every group
  }
}
