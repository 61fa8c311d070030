terraform {
  required_version = ">= 1.14"
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

provider "bigcommerce" {}

variable "customer_group_id" {
  description = "The id of the customer group whose customers to find."
  type        = number
}
