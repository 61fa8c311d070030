# In a .tfquery.hcl file; run `terraform query` (Terraform 1.14 and later).
list "bigcommerce_customer" "acme" {
  provider = bigcommerce

  config {
    company_in = ["Acme Corp"]
    name_like  = ["Doe"]
  }
}
