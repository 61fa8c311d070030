# `terraform query -generate-config-out=customers.tf` writes an import block
# and a resource block for every customer this finds.
list "bigcommerce_customer" "wholesale" {
  provider = bigcommerce

  config {
    customer_group_id_in = [var.customer_group_id]
  }
}

