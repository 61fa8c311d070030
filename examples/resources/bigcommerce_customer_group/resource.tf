# Deleting a group unassigns its customers: they keep their accounts, with no group.
resource "bigcommerce_customer_group" "wholesale" {
  name       = "Wholesale"
  is_default = false

  category_access = {
    type       = "specific"
    categories = [18, 19, 23]
  }

  # Any number of category and product rules, plus at most one storewide
  # ("all") rule; or a single price_list rule on its own.
  discount_rules = [
    { type = "all", method = "percent", amount = 5 },
    { type = "category", method = "percent", amount = 12.5, category_id = 18 },
    { type = "product", method = "price", amount = 43.15, product_id = 77 },
  ]
}

resource "bigcommerce_customer" "buyer" {
  email             = "buyer@example.com"
  first_name        = "Pat"
  last_name         = "Buyer"
  customer_group_id = bigcommerce_customer_group.wholesale.id
}
