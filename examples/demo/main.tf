# The demo: a few customers of a store, managed as code. `make demo` applies
# it against a local sandbox store; point the provider at a real store with
# BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_ACCESS_TOKEN to use it for real.

terraform {
  required_version = ">= 1.11"
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

provider "bigcommerce" {}

variable "initial_password" {
  description = "Initial password of the demo customers. Write-only: never stored in state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

locals {
  customers = {
    jane = { first_name = "Jane", last_name = "Doe", company = "Acme Corp", store_credit = 25 }
    omar = { first_name = "Omar", last_name = "Haddad", company = "Globex", store_credit = 0 }
    mei  = { first_name = "Mei", last_name = "Chen", company = null, store_credit = 10.5 }
  }
}

resource "bigcommerce_customer" "demo" {
  for_each = local.customers

  email        = "${each.key}@example.com"
  first_name   = each.value.first_name
  last_name    = each.value.last_name
  company      = each.value.company
  store_credit = each.value.store_credit

  password_wo         = var.initial_password
  password_wo_version = 1
}

output "customers" {
  description = "The demo customers' ids by e-mail."
  value       = { for c in bigcommerce_customer.demo : c.email => c.id }
}
