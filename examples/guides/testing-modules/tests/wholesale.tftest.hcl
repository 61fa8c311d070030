# terraform test, against a bigcommerce-sandbox store started with
# tests/seed.json (see the guide "Testing modules against a sandbox store").

variables {
  group_name = "Wholesale (test)"
  buyers = {
    "jane.doe@example.com" = { first_name = "Jane", last_name = "Doe" }
    "omar@example.com"     = { first_name = "Omar", last_name = "Haddad" }
  }
}

run "creates_the_group_and_its_buyers" {
  assert {
    condition     = bigcommerce_customer_group.this.discount_rules[0].amount == 10
    error_message = "The group's discount is not the default 10 %."
  }

  assert {
    condition     = length(bigcommerce_customer.buyers) == 2
    error_message = "Expected two buyers."
  }

  assert {
    condition     = alltrue([for c in bigcommerce_customer.buyers : c.customer_group_id == tonumber(bigcommerce_customer_group.this.id)])
    error_message = "Every buyer must be in the wholesale group."
  }

  assert {
    condition     = output.retail_group_id == "1"
    error_message = "The seeded Retail group was not found."
  }
}

run "changes_the_discount_in_place" {
  variables {
    discount_percent = 15
  }

  assert {
    condition     = bigcommerce_customer_group.this.discount_rules[0].amount == 15
    error_message = "The discount did not change."
  }
}

run "refuses_a_discount_above_50" {
  command = plan

  variables {
    discount_percent = 75
  }

  expect_failures = [var.discount_percent]
}
