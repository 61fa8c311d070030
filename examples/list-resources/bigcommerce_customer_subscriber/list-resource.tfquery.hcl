# In a .tfquery.hcl file; run `terraform query` (Terraform 1.14 and later).
list "bigcommerce_customer_subscriber" "from_orders" {
  provider = bigcommerce

  config {
    source           = "order"
    date_created_min = "2026-01-01" # optional
  }
}
