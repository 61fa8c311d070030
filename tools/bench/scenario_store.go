package main

import (
	"fmt"
	"strconv"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

// storeGroups is how many customer groups the store scenario holds.
const storeGroups = 20

const storeTemplate = `terraform {%s
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

variable "n" {
  type = number
}

variable "suffix" {
  type = string
}

provider "bigcommerce" {
  api_url      = %q
  store_hash   = %q
  access_token = %q
  batching     = %t
}

resource "bigcommerce_customer_group" "bench" {
  count = %d
  name  = "Bench group ${count.index}"
}

resource "bigcommerce_customer_attribute" "tier" {
  name = "Bench tier"
  type = "string"
}

resource "bigcommerce_customer" "bench" {
  count      = var.n
  email      = "bench-${count.index}@example.com"
  first_name = "Bench"
  last_name  = "Last ${var.suffix}"
}

resource "bigcommerce_customer_address" "bench" {
  count             = var.n
  customer_id       = bigcommerce_customer.bench[count.index].id
  first_name        = "Bench"
  last_name         = "Customer"
  address1          = "${count.index} Main Street"
  city              = "City ${var.suffix}"
  state_or_province = "Ohio"
  postal_code       = "44325"
  country_code      = "US"
}

resource "bigcommerce_customer_attribute_value" "bench" {
  count        = var.n
  customer_id  = bigcommerce_customer.bench[count.index].id
  attribute_id = bigcommerce_customer_attribute.tier.id
  value        = "Tier ${var.suffix}"
}
`

// runStore runs the store scenario's four phases in dir against a fresh
// store: N customers, each with an address and a value of one attribute,
// and storeGroups customer groups. update changes the customers' last
// names, the addresses' cities and the values; groups and the attribute
// stay as they are.
func runStore(cfg config, tf string, env []string, dir string, res runResult, backend string) (runResult, error) {
	srv, err := sandbox.Start(sandboxOptions(cfg, res.floor))
	if err != nil {
		return res, err
	}
	defer srv.Close()
	mainTF := fmt.Sprintf(storeTemplate, backendBlock(backend), srv.URL, srv.StoreHash, srv.AccessToken, res.mode == "on", storeGroups)
	if err := prepareDir(tf, env, dir, mainTF, backend != ""); err != nil {
		return res, err
	}
	vars := func(suffix string) []string {
		return []string{"-var", "n=" + strconv.Itoa(res.n), "-var", "suffix=" + suffix}
	}
	err = runPhases(cfg, tf, env, dir, srv, standardPhases(cfg, vars("Before"), vars("After")), &res)
	if err == nil {
		if c, a, v, g := srv.CustomerCount(), srv.AddressCount(), srv.AttributeValueCount(), srv.GroupCount(); c+a+v+g != 0 {
			err = fmt.Errorf("after destroy the store still holds %d customers, %d addresses, %d values, %d groups", c, a, v, g)
		}
	}
	return res, err
}
