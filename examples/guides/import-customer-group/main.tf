# Adopt every customer of one customer group, with any Terraform from 1.7
# or OpenTofu: a data source lists the group's customers, and an import
# block with for_each imports each of them into a resource with the same
# for_each. After `terraform apply`, a plan shows no changes.

terraform {
  required_version = ">= 1.7"
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

variable "customer_group_id" {
  description = "The id of the customer group whose customers to adopt."
  type        = number
}

data "bigcommerce_customers" "group" {
  customer_group_id_in = [var.customer_group_id]
}

locals {
  # Keyed by customer id, so adding or removing a customer never shifts the others.
  customers = { for c in data.bigcommerce_customers.group.customers : c.id => c }
}

import {
  for_each = local.customers
  to       = bigcommerce_customer.adopted[each.key]
  id       = each.key
}

resource "bigcommerce_customer" "adopted" {
  for_each = local.customers

  email               = each.value.email
  first_name          = each.value.first_name
  last_name           = each.value.last_name
  company             = each.value.company != "" ? each.value.company : null
  phone               = each.value.phone != "" ? each.value.phone : null
  notes               = each.value.notes != "" ? each.value.notes : null
  tax_exempt_category = each.value.tax_exempt_category != "" ? each.value.tax_exempt_category : null
  customer_group_id   = each.value.customer_group_id
  channel_ids         = each.value.channel_ids
}
