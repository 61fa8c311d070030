# The demo: a B2B store's customers as code. The store's privacy settings, a
# wholesale customer group with a discount, three customers (two of them in
# the group), a shipping address, a customer attribute with a value, and a
# metafield that links a customer to an ERP account. `make demo` applies it against a
# local sandbox store; point the provider at a real store with
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

# The store has one set of customer settings; destroy leaves them in place.
resource "bigcommerce_customer_settings" "store" {
  privacy_settings = {
    ask_shopper_for_tracking_consent = true
    policy_url                       = "https://example.com/privacy"
  }
}

resource "bigcommerce_customer_group" "wholesale" {
  name = "Wholesale (demo)"

  discount_rules = [
    { type = "all", method = "percent", amount = 10 },
  ]
}

locals {
  customers = {
    jane = { first_name = "Jane", last_name = "Doe", company = "Acme Corp", wholesale = true, store_credit = 25 }
    omar = { first_name = "Omar", last_name = "Haddad", company = "Globex", wholesale = true, store_credit = 0 }
    mei  = { first_name = "Mei", last_name = "Chen", company = null, wholesale = false, store_credit = 10.5 }
  }
}

resource "bigcommerce_customer" "demo" {
  for_each = local.customers

  email             = "${each.key}@example.com"
  first_name        = each.value.first_name
  last_name         = each.value.last_name
  company           = each.value.company
  store_credit      = each.value.store_credit
  customer_group_id = each.value.wholesale ? bigcommerce_customer_group.wholesale.id : null

  password_wo         = var.initial_password
  password_wo_version = 1
}

resource "bigcommerce_customer_address" "jane_warehouse" {
  customer_id       = bigcommerce_customer.demo["jane"].id
  first_name        = "Jane"
  last_name         = "Doe"
  company           = "Acme Corp"
  address1          = "1 Infinite Loop"
  city              = "Cupertino"
  state_or_province = "California"
  postal_code       = "95014"
  country_code      = "US"
  address_type      = "commercial"
}

resource "bigcommerce_customer_attribute" "account_number" {
  name = "Account number (demo)"
  type = "string"
}

resource "bigcommerce_customer_attribute_value" "jane_account" {
  customer_id  = bigcommerce_customer.demo["jane"].id
  attribute_id = bigcommerce_customer_attribute.account_number.id
  value        = "ACME-0042"
}

# Data for other apps (here an ERP sync), kept out of the storefront.
resource "bigcommerce_customer_metafield" "jane_erp_account" {
  customer_id    = bigcommerce_customer.demo["jane"].id
  namespace      = "erp"
  key            = "account_id"
  value          = "ACME-0042"
  permission_set = "app_only"
  description    = "Account id in the ERP"
}

output "customers" {
  description = "The demo customers' ids by e-mail."
  value       = { for c in bigcommerce_customer.demo : c.email => c.id }
}

output "wholesale_group_id" {
  description = "The wholesale group's id."
  value       = bigcommerce_customer_group.wholesale.id
}

output "jane_shipping_address" {
  description = "Jane's warehouse address as the store holds it."
  value       = "${bigcommerce_customer_address.jane_warehouse.address1}, ${bigcommerce_customer_address.jane_warehouse.city}, ${bigcommerce_customer_address.jane_warehouse.country}"
}
