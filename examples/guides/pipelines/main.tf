# The store's customers, applied by a pipeline (see ci.sh and the workflow
# files beside it). The state lives in a remote HTTP backend whose address
# and credentials the pipeline passes as TF_HTTP_* environment variables;
# GitLab's managed Terraform state is such a backend.

terraform {
  required_version = ">= 1.5"
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }

  backend "http" {}
}

# Credentials come from the pipeline's secrets: BIGCOMMERCE_STORE_HASH and
# BIGCOMMERCE_ACCESS_TOKEN (read-only for plan jobs).
provider "bigcommerce" {}

resource "bigcommerce_customer_group" "wholesale" {
  name = "Wholesale"

  discount_rules = [
    { type = "all", method = "percent", amount = 10 },
  ]
}

resource "bigcommerce_customer" "buyers" {
  for_each = {
    "jane.doe@example.com"    = { first_name = "Jane", last_name = "Doe", company = "Acme Corp" }
    "omar.haddad@example.com" = { first_name = "Omar", last_name = "Haddad", company = "Globex" }
  }

  email             = each.key
  first_name        = each.value.first_name
  last_name         = each.value.last_name
  company           = each.value.company
  customer_group_id = bigcommerce_customer_group.wholesale.id
}
