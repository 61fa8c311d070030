data "bigcommerce_customer_attributes" "all" {}

data "bigcommerce_customer_attributes" "tier" {
  name = "Loyalty tier"
}

data "bigcommerce_customer_attributes" "dates" {
  type = "date"
}

output "attribute_names" {
  value = [for a in data.bigcommerce_customer_attributes.all.attributes : a.name]
}

output "loyalty_tier_id" {
  value = one(data.bigcommerce_customer_attributes.tier.ids)
}
