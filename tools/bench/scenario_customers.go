package main

import (
	"fmt"
	"strconv"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/sandbox"
)

const customersTemplate = `terraform {%s
  required_providers {
    bigcommerce = {
      source = "commerceops/bigcommerce"
    }
  }
}

variable "n" {
  type = number
}

variable "last_name" {
  type = string
}

provider "bigcommerce" {
  api_url      = %q
  store_hash   = %q
  access_token = %q
  batching     = %t
}

resource "bigcommerce_customer" "bench" {
  count      = var.n
  email      = "bench-${count.index}@example.com"
  first_name = "Bench"
  last_name  = var.last_name
}
`

// runCustomers runs the customers scenario's four phases in dir, against a
// fresh store, with the HTTP state backend at backend or local state when
// backend is empty: N customers created, read, changed (last_name) and
// deleted.
func runCustomers(cfg config, tf string, env []string, dir string, res runResult, backend string) (runResult, error) {
	srv, err := sandbox.Start(sandboxOptions(cfg, res.floor))
	if err != nil {
		return res, err
	}
	defer srv.Close()
	mainTF := fmt.Sprintf(customersTemplate, backendBlock(backend), srv.URL, srv.StoreHash, srv.AccessToken, res.mode == "on")
	if err := prepareDir(tf, env, dir, mainTF, backend != ""); err != nil {
		return res, err
	}
	vars := func(last string) []string {
		return []string{"-var", "n=" + strconv.Itoa(res.n), "-var", "last_name=" + last}
	}
	err = runPhases(cfg, tf, env, dir, srv, standardPhases(cfg, vars("Before"), vars("After")), &res)
	return res, err
}
