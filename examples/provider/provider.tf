terraform {
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

# store_hash and access_token may be left out and come from the
# BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_ACCESS_TOKEN environment variables.
provider "bigcommerce" {
  store_hash   = "abc123"
  access_token = var.bigcommerce_access_token
}

variable "bigcommerce_access_token" {
  description = "An API account access token with the Customers scope."
  type        = string
  sensitive   = true
}
