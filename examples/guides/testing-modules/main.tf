# A module that a platform team shares: a wholesale customer group with a
# discount, its buyers, and the store's Retail group for comparison.

terraform {
  required_version = ">= 1.6"
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

variable "group_name" {
  description = "Name of the wholesale customer group."
  type        = string
}

variable "discount_percent" {
  description = "Store-wide discount of the group, in percent."
  type        = number
  default     = 10

  validation {
    condition     = var.discount_percent > 0 && var.discount_percent <= 50
    error_message = "discount_percent must be more than 0 and at most 50."
  }
}

variable "buyers" {
  description = "The group's buyers by e-mail."
  type        = map(object({ first_name = string, last_name = string }))
  default     = {}
}

resource "bigcommerce_customer_group" "this" {
  name = var.group_name

  discount_rules = [
    { type = "all", method = "percent", amount = var.discount_percent },
  ]
}

resource "bigcommerce_customer" "buyers" {
  for_each = var.buyers

  email             = each.key
  first_name        = each.value.first_name
  last_name         = each.value.last_name
  customer_group_id = bigcommerce_customer_group.this.id
}

# A group the store already has (the test seeds it).
data "bigcommerce_customer_group" "retail" {
  name = "Retail"
}

output "group_id" {
  value = bigcommerce_customer_group.this.id
}

output "retail_group_id" {
  value = data.bigcommerce_customer_group.retail.id
}
