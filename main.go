package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/provider"
)

// version is stamped at release time by goreleaser.
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/commerceops/bigcommerce",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
