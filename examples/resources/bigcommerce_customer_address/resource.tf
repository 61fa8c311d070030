resource "bigcommerce_customer" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
}

resource "bigcommerce_customer_address" "office" {
  customer_id       = bigcommerce_customer.jane.id
  first_name        = "Jane"
  last_name         = "Doe"
  company           = "Acme Corp"
  address1          = "111 E West Street"
  address2          = "Suite 654"
  city              = "Akron"
  state_or_province = "Ohio" # spelled out in full: "OH" is refused
  postal_code       = "44325"
  country_code      = "US"
  phone             = "555-123-4567"
  address_type      = "commercial"

  # The store's address form fields, each typed as the field is.
  form_fields = {
    delivery_instructions = { value = "Reception, 2nd floor" }
    floor                 = { number = 2 }
  }
}

output "office_country" {
  value = bigcommerce_customer_address.office.country # "United States"
}
