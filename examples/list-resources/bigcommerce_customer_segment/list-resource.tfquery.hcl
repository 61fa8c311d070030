# In a .tfquery.hcl file; run `terraform query` (Terraform 1.14 and later).
list "bigcommerce_customer_segment" "vip" {
  provider = bigcommerce

  config {
    name_contains = "VIP" # optional, without regard to case; leave out for every segment
  }
}
