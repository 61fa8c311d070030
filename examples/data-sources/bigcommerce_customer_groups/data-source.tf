# Every customer group of the store.
data "bigcommerce_customer_groups" "all" {}

# Only the groups whose name contains "Wholesale".
data "bigcommerce_customer_groups" "wholesale" {
  name_like = "Wholesale"
}

output "group_names_by_id" {
  value = { for g in data.bigcommerce_customer_groups.all.groups : g.id => g.name }
}

output "wholesale_group_ids" {
  value = data.bigcommerce_customer_groups.wholesale.ids
}
