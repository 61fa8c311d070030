# terraform apply -invoke=action.bigcommerce_customer_force_password_reset.after_breach
action "bigcommerce_customer_force_password_reset" "after_breach" {
  config {
    customer_group_id = 3          # every customer of the group
    customer_ids      = [101, 102] # and these
  }
}
