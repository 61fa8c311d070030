variable "jane_password" {
  description = "Jane's initial password. Write-only: sent to the store, never kept in state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "bigcommerce_customer" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
  company    = "Acme Corp"
  phone      = "555-123-4567"
  notes      = "Wholesale buyer since 2019"

  customer_group_id = 3
  store_credit      = 43.15
  channel_ids       = [1]

  accepts_product_review_abandoned_cart_emails = true

  # The password is sent on creation and whenever the version changes.
  password_wo          = var.jane_password
  password_wo_version  = 1
  force_password_reset = true

  # One entry per sign-up form field, typed as the field is in the store:
  # value for text, number for numbers, values for checkboxes.
  form_fields = {
    shirt_size = { value = "Large" }
    employees  = { number = 12 }
    interests  = { values = ["outdoor", "cycling"] }
  }
}
